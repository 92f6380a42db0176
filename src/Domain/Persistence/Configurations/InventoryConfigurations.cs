using Cmdb.Domain.Inventory;
using Cmdb.Domain.Inventory.Sync;
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
        builder.Property(x => x.AttributesJson).HasColumnType("mediumtext");
        builder.Property(x => x.ContentHash).HasMaxLength(32).IsFixedLength();
        builder.HasIndex(x => new { x.Type, x.ResourceUid }).IsUnique();
        builder.HasIndex(x => new { x.Type, x.Name });
        // Lists filter on a type and page newest first; the overview and options group by these.
        builder.HasIndex(x => new { x.Type, x.Id });
        builder.HasIndex(x => new { x.Type, x.Cloud });
        builder.HasIndex(x => new { x.Type, x.Status });
        builder.HasIndex(x => new { x.Type, x.Owner });
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
        builder.HasIndex(x => new { x.Kind, x.SourceId });
    }
}

internal sealed class InventoryChangeConfiguration : IEntityTypeConfiguration<InventoryChange>
{
    public void Configure(EntityTypeBuilder<InventoryChange> builder)
    {
        builder.ToTable("inventory_changes");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ResourceType).HasMaxLength(32);
        builder.Property(x => x.ResourceUid).HasMaxLength(Lengths.Name);
        builder.Property(x => x.ResourceName).HasMaxLength(Lengths.Name);
        builder.Property(x => x.Action).HasMaxLength(16);
        builder.Property(x => x.ChangesJson).HasColumnType("mediumtext");
        builder.Property(x => x.Source).HasMaxLength(Lengths.Short);
        builder.HasIndex(x => new { x.ResourceId, x.Id });
    }
}

internal sealed class InventorySyncRunConfiguration : IEntityTypeConfiguration<InventorySyncRun>
{
    public void Configure(EntityTypeBuilder<InventorySyncRun> builder)
    {
        builder.ToTable("inventory_sync_runs");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.SyncName).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Connector).HasMaxLength(32);
        builder.Property(x => x.Trigger).HasMaxLength(16);
        builder.Property(x => x.StartedBy).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Status).HasMaxLength(16);
        builder.Property(x => x.Scopes).HasMaxLength(Lengths.Text);
        builder.Property(x => x.SummaryJson).HasColumnType("mediumtext");
        builder.Property(x => x.Problem).HasMaxLength(Lengths.Text);
        builder.Property(x => x.ReviewedBy).HasMaxLength(Lengths.Short);
        builder.HasIndex(x => new { x.SyncName, x.Id });
        builder.HasIndex(x => x.Status);
    }
}

internal sealed class InventorySyncChangeConfiguration : IEntityTypeConfiguration<InventorySyncChange>
{
    public void Configure(EntityTypeBuilder<InventorySyncChange> builder)
    {
        builder.ToTable("inventory_sync_changes");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Scope).HasMaxLength(48);
        builder.Property(x => x.Action).HasMaxLength(16);
        builder.Property(x => x.Key).HasMaxLength(Lengths.Text);
        builder.Property(x => x.PayloadJson).HasColumnType("mediumtext");
        builder.HasIndex(x => new { x.RunId, x.Id });
    }
}
