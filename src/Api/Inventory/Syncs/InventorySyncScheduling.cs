using Cmdb.Domain.Inventory.Sync;
using Microsoft.Extensions.Options;
using Quartz;

namespace Cmdb.Api.Inventory.Syncs;

/// <summary>
/// Each configured sync with a cron expression becomes a Quartz job. A bad expression is logged
/// and that sync left unscheduled; nothing here calls a source at start, so a CMP that is down
/// never stops the service.
/// </summary>
public static class InventorySyncScheduling
{
    public static IServiceCollection AddInventorySyncs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IInventoryConnectorFactory, InventoryConnectorFactory>();
        services.AddHostedService<InventoryStartup>();
        services.AddQuartz(_ => { });
        services.AddHostedService<InventorySyncScheduler>();
        return services;
    }

    public static bool IsValidCron(string? cron) => !string.IsNullOrWhiteSpace(cron) && CronExpression.TryParse(cron, out _);
}

/// <summary>Starts the in-process Quartz scheduler with one cron trigger per enabled, scheduled sync.</summary>
internal sealed class InventorySyncScheduler(ISchedulerFactory factory, IOptions<InventorySyncOptions> options, ILogger<InventorySyncScheduler> logger) : IHostedService
{
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduled = options.Value.Syncs.Where(s => s.Value.Enabled && InventorySyncScheduling.IsValidCron(s.Value.Cron)).ToList();
        if (scheduled.Count == 0)
            return;
        _scheduler = await factory.GetScheduler(cancellationToken);
        foreach (var (name, sync) in scheduled)
        {
            var key = new JobKey("inventory-sync:" + name);
            var job = JobBuilder.Create<InventorySyncJob>().WithIdentity(key).UsingJobData(InventorySyncJob.SyncName, name).DisallowConcurrentExecution(true).Build();
            var trigger = TriggerBuilder.Create().WithIdentity(key.Name).ForJob(key).WithCronSchedule(sync.Cron!).Build();
            await _scheduler.ScheduleJob(job, trigger, cancellationToken: cancellationToken);
            logger.LogInformation("Inventory sync {Sync} scheduled: {Cron}", name, sync.Cron);
        }
        await _scheduler.Start(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not null)
            await _scheduler.Shutdown(waitForJobsToComplete: false, cancellationToken);
    }
}

/// <summary>Runs one configured sync; one run per sync at a time on this node (a second node is refused by the running-run check).</summary>
[DisallowConcurrentExecution]
public sealed class InventorySyncJob(IServiceScopeFactory scopes, ILogger<InventorySyncJob> logger) : IJob
{
    public const string SyncName = "sync";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var name = context.MergedJobDataMap.GetString(SyncName)!;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var run = await scope.ServiceProvider.GetRequiredService<InventorySyncRunner>().RunAsync(name, "schedule", null, cancellationToken);
            logger.LogInformation("Scheduled inventory sync {Sync} ended {Status} (run {Run})", name, run.Status, run.Id);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Scheduled inventory sync {Sync} could not run", name);
        }
    }
}
