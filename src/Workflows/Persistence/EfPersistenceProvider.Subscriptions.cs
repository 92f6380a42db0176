using Microsoft.EntityFrameworkCore;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Persistence;

internal sealed partial class EfPersistenceProvider
{
    public async Task<string> CreateEventSubscription(EventSubscription subscription, CancellationToken cancellationToken = default)
    {
        subscription.Id = NewId();
        await using var db = await OpenAsync(cancellationToken);
        db.Subscriptions.Add(subscription.ToRecord());
        await db.SaveChangesAsync(cancellationToken);
        return subscription.Id;
    }

    public async Task<IEnumerable<EventSubscription>> GetSubscriptions(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default)
    {
        var at = asOf.AsUtc();
        await using var db = await OpenAsync(cancellationToken);
        var records = await db.Subscriptions.AsNoTracking()
            .Where(s => s.EventName == eventName && s.EventKey == eventKey && s.SubscribeAsOf <= at)
            .OrderBy(s => s.SubscribeAsOf)
            .ToListAsync(cancellationToken);
        return records.Select(r => r.ToSubscription()).ToList();
    }

    /// <summary>Idempotent: terminating a subscription that is already gone is not an error, so a retried step cannot fail on it.</summary>
    public async Task TerminateSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        await db.Subscriptions.Where(s => s.Id == eventSubscriptionId).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<EventSubscription> GetSubscription(string eventSubscriptionId, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        var record = await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == eventSubscriptionId, cancellationToken);
        return record?.ToSubscription()!;
    }

    public async Task<EventSubscription> GetFirstOpenSubscription(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default)
    {
        var at = asOf.AsUtc();
        await using var db = await OpenAsync(cancellationToken);
        var record = await db.Subscriptions.AsNoTracking()
            .Where(s => s.EventName == eventName && s.EventKey == eventKey && s.SubscribeAsOf <= at && s.ExternalToken == null)
            .OrderBy(s => s.SubscribeAsOf)
            .FirstOrDefaultAsync(cancellationToken);
        return record?.ToSubscription()!;
    }

    /// <summary>Takes the subscription for one worker only: the update succeeds only while no other worker holds a token.</summary>
    public async Task<bool> SetSubscriptionToken(string eventSubscriptionId, string token, string workerId, DateTime expiry, CancellationToken cancellationToken = default)
    {
        var until = expiry.AsUtc();
        await using var db = await OpenAsync(cancellationToken);
        var updated = await db.Subscriptions
            .Where(s => s.Id == eventSubscriptionId && s.ExternalToken == null)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.ExternalToken, token)
                .SetProperty(s => s.ExternalWorkerId, workerId)
                .SetProperty(s => s.ExternalTokenExpiry, until), cancellationToken);
        return updated == 1;
    }

    public async Task ClearSubscriptionToken(string eventSubscriptionId, string token, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        var updated = await db.Subscriptions
            .Where(s => s.Id == eventSubscriptionId && s.ExternalToken == token)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.ExternalToken, (string?)null)
                .SetProperty(s => s.ExternalWorkerId, (string?)null)
                .SetProperty(s => s.ExternalTokenExpiry, (DateTime?)null), cancellationToken);
        if (updated == 0)
            throw new InvalidOperationException($"Subscription {eventSubscriptionId} is not held with the given token.");
    }
}
