using Cmdb.Domain.Audit;
using Cmdb.Domain.Clusters;
using Cmdb.Domain.Engine;
using Cmdb.Domain.Flows;
using Cmdb.Domain.Inventory;
using Cmdb.Domain.Inventory.Sync;
using Cmdb.Domain.Servers;
using Cmdb.Domain.Tickets;
using Cmdb.Domain.LocalSystems;
using Cmdb.Domain.Notifications;
using Cmdb.Domain.Pricing;
using Cmdb.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Domain.Persistence;

/// <summary>
/// The one model of Cmdb. Each database provider has a subclass that owns its migrations
/// (<see cref="SqliteCmdbDbContext"/>, <see cref="MySqlCmdbDbContext"/>); code outside this
/// folder only ever asks for <see cref="CmdbDbContext"/>.
/// </summary>
public abstract class CmdbDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<WorkflowRecord> Workflows => Set<WorkflowRecord>();
    public DbSet<EventRecord> Events => Set<EventRecord>();
    public DbSet<SubscriptionRecord> Subscriptions => Set<SubscriptionRecord>();
    public DbSet<ExecutionErrorRecord> ExecutionErrors => Set<ExecutionErrorRecord>();
    public DbSet<ScheduledCommandRecord> ScheduledCommands => Set<ScheduledCommandRecord>();
    public DbSet<AuditRecord> AuditLogs => Set<AuditRecord>();
    public DbSet<NotificationRecord> Notifications => Set<NotificationRecord>();
    public DbSet<NotificationRead> NotificationReads => Set<NotificationRead>();
    public DbSet<LocalPuppetCertificate> LocalPuppetCertificates => Set<LocalPuppetCertificate>();
    public DbSet<LocalLdapEntry> LocalLdapEntries => Set<LocalLdapEntry>();
    public DbSet<FlowRecord> Flows => Set<FlowRecord>();
    public DbSet<FlowVersionRecord> FlowVersions => Set<FlowVersionRecord>();
    public DbSet<FlowRemovedVersion> FlowRemovedVersions => Set<FlowRemovedVersion>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketEvent> TicketEvents => Set<TicketEvent>();
    public DbSet<ResourceClaim> ResourceClaims => Set<ResourceClaim>();
    public DbSet<StoreServer> StoreServers => Set<StoreServer>();
    public DbSet<Cluster> Clusters => Set<Cluster>();
    public DbSet<Store> Stores => Set<Store>();
    public DbSet<CapacityReservation> CapacityReservations => Set<CapacityReservation>();
    public DbSet<LocalDnsRecord> LocalDnsRecords => Set<LocalDnsRecord>();
    public DbSet<LocalRancherCluster> LocalRancherClusters => Set<LocalRancherCluster>();
    public DbSet<ReleasePlan> ReleasePlans => Set<ReleasePlan>();
    public DbSet<ReleaseStage> ReleaseStages => Set<ReleaseStage>();
    public DbSet<ReleaseMerge> ReleaseMerges => Set<ReleaseMerge>();
    public DbSet<InventoryResource> InventoryResources => Set<InventoryResource>();
    public DbSet<IpIndexEntry> IpIndex => Set<IpIndexEntry>();
    public DbSet<SubnetRange> SubnetRanges => Set<SubnetRange>();
    public DbSet<ResourceRelation> ResourceRelations => Set<ResourceRelation>();
    public DbSet<InventoryChange> InventoryChanges => Set<InventoryChange>();
    public DbSet<InventorySyncRun> InventorySyncRuns => Set<InventorySyncRun>();
    public DbSet<InventorySyncChange> InventorySyncChanges => Set<InventorySyncChange>();
    public DbSet<PriceBookEntry> PriceBookEntries => Set<PriceBookEntry>();
    public DbSet<PricingStrategy> PricingStrategies => Set<PricingStrategy>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CmdbDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
