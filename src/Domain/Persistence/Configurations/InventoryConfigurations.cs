using Cmdb.Domain.Inventory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmdb.Domain.Persistence.Configurations;

internal sealed class InventoryResourceConfiguration : IEntityTypeConfiguration<InventoryResource>
{
    public void Configure(EntityTypeBuilder<InventoryResource> builder)
    {
        builder.ToTable("inventory_resources");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Type).HasMaxLength(32);
        builder.Property(x => x.ResourceUid).HasMaxLength(Lengths.Name);
        builder.Property(x => x.Name).HasMaxLength(Lengths.Name);
        builder.Property(x => x.Cloud).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Account).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Subscription).HasMaxLength(Lengths.Short);
        builder.Property(x => x.DataCenter).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Env).HasMaxLength(32);
        builder.Property(x => x.Owner).HasMaxLength(Lengths.Short);
        builder.Property(x => x.System).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Module).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Product).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Tags).HasMaxLength(Lengths.Text);
        builder.Property(x => x.Status).HasMaxLength(32);
        builder.Property(x => x.AttributesJson).HasColumnType("text");
        builder.HasIndex(x => new { x.Type, x.ResourceUid }).IsUnique();
        builder.HasIndex(x => new { x.Type, x.Name });
    }
}

internal sealed class IpIndexEntryConfiguration : IEntityTypeConfiguration<IpIndexEntry>
{
    public void Configure(EntityTypeBuilder<IpIndexEntry> builder)
    {
        builder.ToTable("inventory_ip_index");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Key).HasMaxLength(32).IsFixedLength();
        builder.Property(x => x.Address).HasMaxLength(64);
        builder.Property(x => x.ResourceType).HasMaxLength(32);
        builder.Property(x => x.Role).HasMaxLength(16);
        builder.HasIndex(x => x.Key);
        builder.HasIndex(x => x.ResourceId);
    }
}

internal sealed class SubnetRangeConfiguration : IEntityTypeConfiguration<SubnetRange>
{
    public void Configure(EntityTypeBuilder<SubnetRange> builder)
    {
        builder.ToTable("inventory_subnet_ranges");
        builder.HasKey(x => x.ResourceId);
        builder.Property(x => x.ResourceId).ValueGeneratedNever();
        builder.Property(x => x.StartKey).HasMaxLength(32).IsFixedLength();
        builder.Property(x => x.EndKey).HasMaxLength(32).IsFixedLength();
        builder.Property(x => x.Cidr).HasMaxLength(64);
        builder.HasIndex(x => new { x.StartKey, x.EndKey });
    }
}

internal sealed class ResourceRelationConfiguration : IEntityTypeConfiguration<ResourceRelation>
{
    public void Configure(EntityTypeBuilder<ResourceRelation> builder)
    {
        builder.ToTable("inventory_relations");
        builder.HasKey(x => new { x.SourceId, x.TargetId, x.Kind });
        builder.Property(x => x.SourceType).HasMaxLength(32);
        builder.Property(x => x.TargetType).HasMaxLength(32);
        builder.Property(x => x.Kind).HasMaxLength(32);
        builder.HasIndex(x => x.TargetId);
    }
}
