using Cmdb.Domain.Clusters;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.DemoData;

/// <summary>
/// Fills an empty embedded-default database with synthetic demo data once it is migrated.
/// On by default with SQLite, off with MySQL (<c>DemoData:Enabled</c>).
/// </summary>
internal sealed class DemoDataSeeder(
    IDbContextFactory<CmdbDbContext> contexts, DatabaseReadiness readiness, DatabaseOptions database, IConfiguration configuration,
    ILogger<DemoDataSeeder> logger) : BackgroundService
{
    private const int Stores = 200;
    private const int Clusters = 40;
    private const int ClusterStores = 3000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!DemoDataSwitch.IsOn(configuration, database))
            return;
        await readiness.WaitUntilMigratedAsync(stoppingToken);
        await using var db = await contexts.CreateDbContextAsync(stoppingToken);
        var now = DateTime.UtcNow;
        if (!await db.Clusters.AnyAsync(stoppingToken) && !await db.Stores.AnyAsync(stoppingToken))
        {
            var demo = ClusterGenerator.Generate(Clusters, ClusterStores, now);
            db.Clusters.AddRange(demo.Clusters);
            db.Stores.AddRange(demo.Stores);
            db.LocalRancherClusters.AddRange(demo.Rancher.Where(r => !db.LocalRancherClusters.Any(x => x.Id == r.Id)));
            await db.SaveChangesAsync(stoppingToken);
            db.ChangeTracker.Clear();
            logger.LogInformation("Seeded {Clusters} synthetic clusters and {Stores} stores", Clusters, ClusterStores);
        }
        if (await db.StoreServers.AnyAsync(stoppingToken))
            return;

        var servers = StoreServerGenerator.Servers(Stores, now).ToList();
        db.StoreServers.AddRange(servers);
        db.LocalPuppetCertificates.AddRange(servers.Select(s => StoreServerGenerator.Certificate(s, now)));
        db.LocalLdapEntries.AddRange(servers.Select(s => StoreServerGenerator.Entry(s, now)));
        await db.SaveChangesAsync(stoppingToken);
        logger.LogInformation("Seeded {Servers} synthetic store servers of {Stores} stores", servers.Count, Stores);
    }
}
