using Cmdb.Domain.Flows;
using Cmdb.Domain.Servers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmdb.Domain.Persistence.Configurations;

internal sealed class FlowRecordConfiguration : IEntityTypeConfiguration<FlowRecord>
{
    public void Configure(EntityTypeBuilder<FlowRecord> builder)
    {
        builder.ToTable("flows");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(Lengths.Short);
        builder.Property(x => x.NameZh).HasMaxLength(Lengths.Name);
        builder.Property(x => x.NameEn).HasMaxLength(Lengths.Name);
        builder.Property(x => x.Form).HasMaxLength(Lengths.Short);
        builder.Property(x => x.DraftUpdatedBy).HasMaxLength(Lengths.Short);
    }
}

internal sealed class FlowVersionRecordConfiguration : IEntityTypeConfiguration<FlowVersionRecord>
{
    public void Configure(EntityTypeBuilder<FlowVersionRecord> builder)
    {
        builder.ToTable("flow_versions");
        builder.HasKey(x => new { x.FlowId, x.Version });
        builder.Property(x => x.FlowId).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Checksum).HasMaxLength(64).IsUnicode(false);
        builder.Property(x => x.PublishedBy).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Source).HasMaxLength(16);
        builder.HasOne<FlowRecord>().WithMany().HasForeignKey(x => x.FlowId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class StoreServerConfiguration : IEntityTypeConfiguration<StoreServer>
{
    public void Configure(EntityTypeBuilder<StoreServer> builder)
    {
        builder.ToTable("store_servers");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.StoreId).HasMaxLength(32);
        builder.Property(x => x.StoreName).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Hostname).HasMaxLength(255);
        builder.Property(x => x.Ip).HasMaxLength(64);
        builder.Property(x => x.Role).HasMaxLength(32);
        builder.Property(x => x.Env).HasMaxLength(16);
        builder.Property(x => x.Group).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Dn).HasMaxLength(500);
        builder.Property(x => x.PuppetStatus).HasMaxLength(16);
        builder.HasIndex(x => x.Hostname).IsUnique();
        builder.HasIndex(x => new { x.StoreId, x.Hostname });
        builder.HasIndex(x => new { x.Env, x.Hostname });
        builder.HasIndex(x => new { x.Group, x.Hostname });
    }
}

internal sealed class FlowRemovedVersionConfiguration : IEntityTypeConfiguration<FlowRemovedVersion>
{
    public void Configure(EntityTypeBuilder<FlowRemovedVersion> builder)
    {
        builder.ToTable("flow_removed_versions");
        builder.HasKey(x => new { x.FlowId, x.Version });
        builder.Property(x => x.FlowId).HasMaxLength(Lengths.Short);
    }
}
