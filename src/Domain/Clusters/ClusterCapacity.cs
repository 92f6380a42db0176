using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Domain.Clusters;

/// <summary>What a cluster holds: nodes placed (its stores) and nodes reserved by open tickets.</summary>
public sealed record ClusterLoad(long ClusterId, string ClusterName, int Capacity, int Placed, int Reserved)
{
    public double Utilisation(int adding = 0) => Capacity <= 0 ? 0 : (double)(Placed + Reserved + adding) / Capacity;

    /// <summary>Why adding these nodes breaks the limit, with the numbers; null when they fit.</summary>
    public string? Refusal(int adding, double limit) =>
        Utilisation(adding) <= limit + 1e-9 ? null
        : $"Cluster {ClusterName} would be at {Percent(Utilisation(adding))}: placed {Placed} + reserved by open tickets {Reserved} + these stores {adding} = {Placed + Reserved + adding} of {Capacity} nodes; the limit is {Percent(limit, "0")}.";

    /// <summary>0.905 → "90.5%" (no space, whatever the culture).</summary>
    public static string Percent(double share, string format = "0.0") =>
        (share * 100).ToString(format, System.Globalization.CultureInfo.InvariantCulture) + "%";
}

public static class ClusterCapacity
{
    public static async Task<ClusterLoad> LoadAsync(CmdbDbContext db, Cluster cluster, long? exceptTicket, CancellationToken cancellationToken)
    {
        var placed = await db.Stores.Where(s => s.ClusterId == cluster.Id).SumAsync(s => (int?)s.NodeCount, cancellationToken) ?? 0;
        var reserved = await db.CapacityReservations.Where(r => r.ClusterId == cluster.Id && r.TicketId != exceptTicket)
            .SumAsync(r => (int?)r.Nodes, cancellationToken) ?? 0;
        return new ClusterLoad(cluster.Id, cluster.Name, cluster.Capacity, placed, reserved);
    }
}

/// <summary>Capacity policy (<c>Clusters</c> section).</summary>
public sealed class ClusterOptions
{
    public const string SectionName = "Clusters";

    /// <summary>The utilisation a move may bring a cluster to (1.0 = 100%); a cluster already above it takes no more stores.</summary>
    public double MaxUtilisation { get; set; } = 1.0;

    /// <summary>Above this utilisation after a move, a capacity alert goes to WeCom.</summary>
    public double AlertUtilisation { get; set; } = ClusterRules.AlertThreshold;

    /// <summary>Nodes per size; a size not listed holds <see cref="ClusterRules.DefaultCapacity"/>.</summary>
    public Dictionary<string, int> CapacityBySize { get; set; } = [];

    public int CapacityOf(string size) => CapacityBySize.TryGetValue(size, out var nodes) ? nodes : ClusterRules.DefaultCapacity;
}
