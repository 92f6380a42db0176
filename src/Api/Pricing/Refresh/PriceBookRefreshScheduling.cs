using Cmdb.Domain.Pricing;
using Microsoft.Extensions.Options;
using Quartz;

namespace Cmdb.Api.Pricing.Refresh;

/// <summary>
/// The price book refresh from the live price APIs as a Quartz job on <c>Pricing:RefreshCron</c>.
/// Nothing runs at start, so a price API that is down never stops the service; a bad cron is
/// logged and the refresh left unscheduled (an admin can still run it).
/// </summary>
internal sealed class PriceBookRefreshScheduler(ISchedulerFactory factory, IOptions<PricingOptions> options, ILogger<PriceBookRefreshScheduler> logger) : IHostedService
{
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var cron = options.Value.RefreshCron;
        if (string.IsNullOrWhiteSpace(cron))
            return;
        if (!CronExpression.TryParse(cron, out _))
        {
            logger.LogError("Pricing:RefreshCron '{Cron}' is not a Quartz cron expression; the price book refresh is not scheduled", cron);
            return;
        }
        _scheduler = await factory.GetScheduler(cancellationToken);
        var key = new JobKey("price-book-refresh");
        var job = JobBuilder.Create<PriceBookRefreshJob>().WithIdentity(key).DisallowConcurrentExecution(true).Build();
        await _scheduler.ScheduleJob(job, TriggerBuilder.Create().WithIdentity(key.Name).ForJob(key).WithCronSchedule(cron).Build(), cancellationToken: cancellationToken);
        await _scheduler.Start(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not null)
            await _scheduler.Shutdown(waitForJobsToComplete: false, cancellationToken);
    }
}

[DisallowConcurrentExecution]
public sealed class PriceBookRefreshJob(IPriceBookRefresher refresher, ILogger<PriceBookRefreshJob> logger) : IJob
{
    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            await refresher.RefreshAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Scheduled price book refresh failed; the stored prices stand");
        }
    }
}
