using System.Globalization;
using System.Text.Json.Nodes;
using Cmdb.Domain.Clusters;
using Cmdb.Domain.Notifications;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cmdb.Activities.Clusters;

/// <summary>
/// Moves stores into their target cluster: the ticket's reservation becomes placement in one save.
/// Above the alert threshold afterwards, a capacity alert goes out (once per ticket).
/// </summary>
public sealed class MoveStores(IDbContextFactory<CmdbDbContext> contexts, IOptions<ClusterOptions> options) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "stores.move",
        "Move stores to a cluster; the ticket's capacity reservation becomes placement. Alerts above the capacity threshold.",
        [
            new ActivityInput("storeIds", "list", true, "The store ids."),
            new ActivityInput("clusterId", "number", true, "The target cluster."),
        ],
        [new ActivityOutput("moved", "number", "Stores moved by this run."), new ActivityOutput("utilisation", "number", "The cluster's utilisation afterwards (0.85 = 85%).")],
        [ActivityDescriptor.Done]);

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var ids = (context.Inputs.GetValueOrDefault("storeIds") as JsonArray)?.Select(n => n?.ToString()).OfType<string>().ToList()
            ?? throw new ActivityInputException("storeIds", "is required (a list)");
        if (!long.TryParse(context.RequiredString("clusterId"), NumberStyles.None, CultureInfo.InvariantCulture, out var clusterId))
            throw new ActivityInputException("clusterId", "is not a cluster id");

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cluster = await db.Clusters.FirstOrDefaultAsync(c => c.Id == clusterId, cancellationToken)
            ?? throw new InvalidOperationException($"Cluster {clusterId} does not exist any more.");
        var stores = await db.Stores.Where(s => ids.Contains(s.StoreId)).ToListAsync(cancellationToken);
        var missing = ids.Except(stores.Select(s => s.StoreId)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"Stores {string.Join(", ", missing)} do not exist any more.");

        var now = DateTime.UtcNow;
        var moved = 0;
        foreach (var store in stores.Where(s => s.ClusterId != clusterId))
        {
            store.ClusterId = clusterId;
            store.UpdatedAt = now;
            moved++;
        }
        db.CapacityReservations.RemoveRange(await db.CapacityReservations.Where(r => r.TicketId == context.Ticket.Id).ToListAsync(cancellationToken));
        cluster.CapacityVersion++;
        await db.SaveChangesAsync(cancellationToken);

        var load = await ClusterCapacity.LoadAsync(db, cluster, null, cancellationToken);
        var utilisation = load.Utilisation();
        if (utilisation > options.Value.AlertUtilisation)
            await AlertAsync(db, context, cluster, load, utilisation, cancellationToken);
        return ActivityResult.Done(new JsonObject { ["moved"] = moved, ["utilisation"] = Math.Round(utilisation, 4) });
    }

    private static async Task AlertAsync(CmdbDbContext db, ActivityContext context, Cluster cluster, ClusterLoad load, double utilisation, CancellationToken cancellationToken)
    {
        var key = $"{context.IdempotencyKey}:capacity";
        if (await db.Notifications.AnyAsync(n => n.DedupKey == key, cancellationToken))
            return;
        var record = NotificationOutbox.Add(db, new NotificationFacts
        {
            Event = NotificationEvent.CapacityAlert, Flow = context.Ticket.FlowName, Env = cluster.Env, TicketId = context.Ticket.Id.ToString(CultureInfo.InvariantCulture),
            Description = $"{cluster.Name} {ClusterLoad.Percent(utilisation)}",
            Operator = "Cmdb",
            Details = new Dictionary<string, string>
            {
                ["集群 cluster"] = cluster.Name,
                ["利用率 utilisation"] = ClusterLoad.Percent(utilisation),
                ["节点 nodes"] = $"{load.Placed + load.Reserved}/{load.Capacity}",
            },
        }, NotificationPurposes.Alerts);
        record.DedupKey = key;
        await db.SaveChangesAsync(cancellationToken);
    }
}
