using Cmdb.Domain.Inventory.Demo;
using Cmdb.Domain.Inventory.Sync;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cmdb.Api.Inventory.Syncs;

/// <summary>
/// Once the database is migrated: runs a crash left "running" are marked failed, bad cron
/// expressions are reported, and the embedded default (SQLite, demo data on) gets a generated
/// inventory on first start, loaded through the normal sync path in the background.
/// </summary>
internal sealed class InventoryStartup(
    DatabaseReadiness readiness, DatabaseOptions database, IConfiguration configuration, IOptions<InventorySyncOptions> options,
    IDbContextFactory<CmdbDbContext> contexts, InventorySyncService syncs, ILogger<InventoryStartup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var (name, sync) in options.Value.Syncs.Where(s => !string.IsNullOrWhiteSpace(s.Value.Cron) && !InventorySyncScheduling.IsValidCron(s.Value.Cron)))
            logger.LogError("Inventory sync {Sync} is not scheduled: '{Cron}' is not a Quartz cron expression (seconds first, e.g. 0 10 0 * * ?)", name, sync.Cron);
        try
        {
            await readiness.WaitUntilMigratedAsync(stoppingToken);
            var interrupted = await syncs.MarkInterruptedAsync(stoppingToken);
            if (interrupted > 0)
                logger.LogWarning("{Count} inventory sync runs were interrupted by a stop and are marked failed", interrupted);
            await LoadDemoAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Inventory start-up work failed; the service runs on");
        }
    }

    private async Task LoadDemoAsync(CancellationToken stoppingToken)
    {
        var size = options.Value.DemoSize;
        if (size <= 0 || !DemoData.DemoDataSwitch.IsOn(configuration, database))
            return;
        await using (var db = await contexts.CreateDbContextAsync(stoppingToken))
        {
            if (await db.InventoryResources.AnyAsync(stoppingToken) || await db.InventorySyncRuns.AnyAsync(r => r.SyncName == "demo", stoppingToken))
                return;
        }
        var source = new GeneratedInventoryConnector(size);
        // Every type named: with relation kinds alone the service runs a relation-only sync.
        var run = await syncs.RunAsync(new SyncRequest("demo", source, [.. Domain.Inventory.InventoryTypes.All.Select(t => t.Key)],
                [.. Domain.Inventory.InventoryTypes.RelationKinds.Select(k => k.Kind)], "startup"),
            stoppingToken);
        logger.LogInformation("Loaded a synthetic demo inventory of {Size} resources: run {Run} {Status}", size, run.Id, run.Status);
    }
}
