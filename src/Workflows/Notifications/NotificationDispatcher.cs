using Cmdb.Domain.Notifications;
using Cmdb.Domain.Persistence;
using Cmdb.Integrations.WeCom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cmdb.Workflows.Notifications;

/// <summary>
/// Sends the outbox ("message compensation"): due notifications are leased one at a time (so two
/// nodes never send the same one at once), sent to their robot, and marked sent; a failure is
/// retried later with back-off until the attempts run out, then marked failed. WeCom being down
/// delays messages; it never loses them and never blocks the change that caused them.
/// </summary>
internal sealed class NotificationDispatcher(
    IDbContextFactory<CmdbDbContext> contexts,
    IRobotNotifier robots,
    DatabaseReadiness readiness,
    IOptions<NotificationOptions> options,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    /// <summary>This node's name on the leases it takes.</summary>
    private readonly string _node = $"{Guid.NewGuid():N}/{Environment.ProcessId}/{Environment.MachineName}" is var name && name.Length > 100 ? name[..100] : name;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitUntilMigratedAsync(stoppingToken);
        using var timer = new PeriodicTimer(options.Value.PollInterval);
        do
        {
            try
            {
                await SendDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Sending notifications failed: {Reason}", ex.GetBaseException().Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    internal async Task SendDueAsync(CancellationToken cancellationToken)
    {
        var now = DateTime.UtcNow;
        List<long> due;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            due = await db.Notifications
                .Where(n => n.Status == NotificationStatus.Pending && n.NextAttemptAt <= now && (n.LeaseUntil == null || n.LeaseUntil < now))
                .OrderBy(n => n.NextAttemptAt).Take(options.Value.BatchSize).Select(n => n.Id)
                .ToListAsync(cancellationToken);
        }
        foreach (var id in due)
            await SendOneAsync(id, cancellationToken);
    }

    private async Task SendOneAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = DateTime.UtcNow;
        var until = now + options.Value.Lease;
        var leased = await db.Notifications
            .Where(n => n.Id == id && n.Status == NotificationStatus.Pending && (n.LeaseUntil == null || n.LeaseUntil < now))
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.LeaseOwner, _node).SetProperty(n => n.LeaseUntil, until), cancellationToken);
        if (leased == 0)
            return;

        var notification = await db.Notifications.SingleAsync(n => n.Id == id, cancellationToken);
        var outcome = await robots.SendAsync(notification.Purpose, notification.Content, cancellationToken);
        Apply(notification, outcome, DateTime.UtcNow);
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private void Apply(NotificationRecord notification, RobotSendOutcome outcome, DateTime now)
    {
        notification.LeaseOwner = null;
        notification.LeaseUntil = null;
        switch (outcome.Result)
        {
            case RobotSendResult.Sent:
                notification.Attempts++;
                notification.Status = NotificationStatus.Sent;
                notification.SentAt = now;
                notification.LastError = null;
                break;
            case RobotSendResult.NotConfigured:
                notification.Status = NotificationStatus.NotSent;
                notification.LastError = outcome.Error;
                break;
            default:
                notification.Attempts++;
                notification.LastError = outcome.Error;
                if (notification.Attempts >= options.Value.MaxAttempts)
                {
                    notification.Status = NotificationStatus.Failed;
                    logger.LogWarning("Notification {Id} failed after {Attempts} attempts: {Error}", notification.Id, notification.Attempts, outcome.Error);
                }
                else
                {
                    notification.NextAttemptAt = now + Delay(notification.Attempts);
                    logger.LogInformation("Notification {Id} attempt {Attempt} failed, retrying at {Next:o}: {Error}",
                        notification.Id, notification.Attempts, notification.NextAttemptAt, outcome.Error);
                }
                break;
        }
    }

    private TimeSpan Delay(int failures)
    {
        var delay = options.Value.RetryBaseDelay * Math.Pow(2, failures - 1);
        return delay < options.Value.RetryMaxDelay ? delay : options.Value.RetryMaxDelay;
    }
}
