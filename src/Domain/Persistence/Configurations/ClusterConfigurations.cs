using Cmdb.Domain.Clusters;
using Cmdb.Domain.LocalSystems;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Cmdb.Domain.Persistence.Configurations;

internal sealed class ClusterConfiguration : IEntityTypeConfiguration<Cluster>
{
    public void Configure(EntityTypeBuilder<Cluster> builder)
    {
        builder.ToTable("clusters");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Name).HasMaxLength(Lengths.Short);
        builder.HasIndex(x => x.Name).IsUnique();
        builder.Property(x => x.Env).HasMaxLength(16);
        builder.Property(x => x.Location).HasMaxLength(16);
        builder.Property(x => x.Size).HasMaxLength(16);
        builder.Property(x => x.Domain).HasMaxLength(255);
        builder.Property(x => x.IngressIp).HasMaxLength(Lengths.Short);
        builder.Property(x => x.K8sIp).HasMaxLength(Lengths.Text);
        builder.Property(x => x.ObIp).HasMaxLength(Lengths.Text);
        builder.Property(x => x.ObVip).HasMaxLength(Lengths.Short);
        builder.Property(x => x.ObUser).HasMaxLength(Lengths.Short);
        builder.Property(x => x.RancherClusterId).HasMaxLength(Lengths.Short);
        builder.Property(x => x.K8sId).HasMaxLength(Lengths.Short);
        builder.Property(x => x.LbId).HasMaxLength(Lengths.Short);
        builder.Property(x => x.TagsJson).HasMaxLength(Lengths.Text);
        builder.Property(x => x.CapacityVersion).IsConcurrencyToken();
        builder.HasIndex(x => x.CreatedAt);
        builder.HasIndex(x => new { x.Env, x.Location });
    }
}

internal sealed class StoreConfiguration : IEntityTypeConfiguration<Store>
{
    public void Configure(EntityTypeBuilder<Store> builder)
    {
        builder.ToTable("stores");
        builder.HasKey(x => x.StoreId);
        builder.Property(x => x.StoreId).HasMaxLength(32);
        builder.Property(x => x.NameZh).HasMaxLength(Lengths.Name);
        builder.Property(x => x.Group).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Province).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Market).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Do).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Ownership).HasMaxLength(16);
        builder.Property(x => x.OpenStatus).HasMaxLength(32);
        // Per-cluster groupings (counts, placement) read these without touching the rows.
        builder.HasIndex(x => new { x.ClusterId, x.Market });
        builder.HasIndex(x => new { x.ClusterId, x.Do });
        builder.HasIndex(x => new { x.ClusterId, x.Ownership, x.NodeCount });
        builder.HasIndex(x => x.Market);
        builder.HasIndex(x => x.Do);
    }
}

internal sealed class CapacityReservationConfiguration : IEntityTypeConfiguration<CapacityReservation>
{
    public void Configure(EntityTypeBuilder<CapacityReservation> builder)
    {
        builder.ToTable("capacity_reservations");
        builder.HasKey(x => new { x.TicketId, x.ClusterId });
        builder.HasIndex(x => x.ClusterId);
    }
}

internal sealed class LocalDnsRecordConfiguration : IEntityTypeConfiguration<LocalDnsRecord>
{
    public void Configure(EntityTypeBuilder<LocalDnsRecord> builder)
    {
        builder.ToTable("local_dns_records");
        builder.HasKey(x => x.Name);
        builder.Property(x => x.Name).HasMaxLength(255);
        builder.Property(x => x.Addresses).HasMaxLength(Lengths.Text);
    }
}

internal sealed class LocalRancherClusterConfiguration : IEntityTypeConfiguration<LocalRancherCluster>
{
    public void Configure(EntityTypeBuilder<LocalRancherCluster> builder)
    {
        builder.ToTable("local_rancher_clusters");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).HasMaxLength(Lengths.Short);
        builder.Property(x => x.Name).HasMaxLength(Lengths.Short);
        builder.Property(x => x.State).HasMaxLength(32);
        builder.Property(x => x.ApiEndpoint).HasMaxLength(255);
    }
}
