using Cmdb.Domain.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmdb.Domain.Persistence.Configurations;

internal sealed class PriceBookEntryConfiguration : IEntityTypeConfiguration<PriceBookEntry>
{
    public void Configure(EntityTypeBuilder<PriceBookEntry> builder)
    {
        builder.ToTable("price_book_entries");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Vendor).HasMaxLength(16);
        builder.Property(x => x.Region).HasMaxLength(32);
        builder.Property(x => x.Kind).HasMaxLength(16);
        builder.Property(x => x.ItemKey).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Component).HasMaxLength(32);
        builder.Property(x => x.Unit).HasMaxLength(16);
        builder.Property(x => x.UnitPrice).HasPrecision(18, 4);
        builder.Property(x => x.Source).HasMaxLength(16);
        builder.HasIndex(x => new { x.Vendor, x.Region, x.Kind, x.ItemKey, x.Component }).IsUnique();
    }
}

internal sealed class PricingStrategyConfiguration : IEntityTypeConfiguration<PricingStrategy>
{
    public void Configure(EntityTypeBuilder<PricingStrategy> builder)
    {
        builder.ToTable("pricing_strategies");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.ResourceType).HasMaxLength(64);
        builder.Property(x => x.Env).HasMaxLength(32);
        builder.Property(x => x.HostEnv).HasMaxLength(64);
        builder.Property(x => x.Cloud).HasMaxLength(64);
        builder.Property(x => x.Unit).HasMaxLength(16);
        builder.Property(x => x.UnitPrice).HasPrecision(18, 4);
        builder.Property(x => x.Note).HasMaxLength(Lengths.Text);
        builder.Property(x => x.UpdatedBy).HasMaxLength(Lengths.Short);
        builder.HasIndex(x => new { x.ResourceType, x.Env, x.HostEnv, x.Cloud }).IsUnique();
    }
}
