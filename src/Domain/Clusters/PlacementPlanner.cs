namespace Cmdb.Domain.Clusters;

/// <summary>A store to place, with what the rules look at.</summary>
public sealed record StoreToPlace(string StoreId, int NodeCount, string? Do, string? Market, string Ownership, long? CurrentCluster);

/// <summary>A candidate cluster as it is now: nodes used (placed + reserved), and its stores by DO, market and ownership.</summary>
public sealed class ClusterState(long id, string name, int capacity, int used)
{
    public long Id { get; } = id;
    public string Name { get; } = name;
    public int Capacity { get; } = capacity;
    public int Used { get; set; } = used;
    public Dictionary<string, int> StoresByDo { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> StoresByMarket { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int> StoresByOwnership { get; } = new(StringComparer.Ordinal);

    public double Utilisation(int adding = 0) => Capacity <= 0 ? double.MaxValue : (double)(Used + adding) / Capacity;

    public void Add(StoreToPlace store)
    {
        Used += store.NodeCount;
        Bump(StoresByDo, store.Do);
        Bump(StoresByMarket, store.Market);
        Bump(StoresByOwnership, store.Ownership);
    }

    internal static void Bump(Dictionary<string, int> counts, string? key)
    {
        if (key is not null)
            counts[key] = counts.GetValueOrDefault(key) + 1;
    }
}

public sealed record PlacementChoice(string StoreId, long ClusterId, string ClusterName, double UtilisationAfter, string Reason);

public sealed record Unplaced(string StoreId, string Reason);

public sealed record PlacementPlan(IReadOnlyList<PlacementChoice> Choices, IReadOnlyList<Unplaced> Unplaced);

/// <summary>
/// Proposes a prod cluster per store (DOMAIN.md, store reassignment). A cluster must have room
/// (utilisation after the move within the limit). Among those, in this order: the one with the
/// fewest stores of the store's DO (spread a DO over clusters); one that has, or with this store
/// gets, at least two markets; the fullest; the one whose ownership mix stays closest to the
/// overall mix. Stores are placed largest first, each seeing the ones placed before it.
/// </summary>
public static class PlacementPlanner
{
    public static PlacementPlan Propose(IReadOnlyList<StoreToPlace> stores, IReadOnlyList<ClusterState> clusters, double limit)
    {
        var choices = new List<PlacementChoice>();
        var unplaced = new List<Unplaced>();
        var overall = OwnershipShares(clusters, stores);

        foreach (var store in stores.OrderByDescending(s => s.NodeCount).ThenBy(s => s.StoreId, StringComparer.Ordinal))
        {
            var fitting = clusters.Where(c => c.Id != store.CurrentCluster && c.Utilisation(store.NodeCount) <= limit + 1e-9).ToList();
            if (fitting.Count == 0)
            {
                unplaced.Add(new Unplaced(store.StoreId, $"No prod cluster has room for {store.NodeCount} more nodes within {ClusterLoad.Percent(limit, "0")}."));
                continue;
            }
            var ranked = fitting
                .Select(c => new Candidate(c, SameDo(c, store), KeepsTwoMarkets(c, store), c.Utilisation(store.NodeCount), MixDistance(c, store, overall)))
                .OrderBy(c => c.SameDo).ThenByDescending(c => c.TwoMarkets).ThenByDescending(c => c.UtilisationAfter).ThenBy(c => c.MixDistance)
                .ThenBy(c => c.Cluster.Id)
                .ToList();
            var best = ranked[0];
            choices.Add(new PlacementChoice(store.StoreId, best.Cluster.Id, best.Cluster.Name, Math.Round(best.UtilisationAfter, 4), Reason(best, ranked, store)));
            best.Cluster.Add(store);
        }
        return new PlacementPlan(choices, unplaced);
    }

    private sealed record Candidate(ClusterState Cluster, int SameDo, bool TwoMarkets, double UtilisationAfter, double MixDistance);

    private static int SameDo(ClusterState cluster, StoreToPlace store) => store.Do is null ? 0 : cluster.StoresByDo.GetValueOrDefault(store.Do);

    private static bool KeepsTwoMarkets(ClusterState cluster, StoreToPlace store)
    {
        var markets = cluster.StoresByMarket.Keys.ToHashSet(StringComparer.Ordinal);
        if (store.Market is not null)
            markets.Add(store.Market);
        return markets.Count >= 2;
    }

    private static Dictionary<string, double> OwnershipShares(IReadOnlyList<ClusterState> clusters, IReadOnlyList<StoreToPlace> stores)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            foreach (var (ownership, n) in cluster.StoresByOwnership)
                counts[ownership] = counts.GetValueOrDefault(ownership) + n;
        }
        foreach (var store in stores)
            ClusterState.Bump(counts, store.Ownership);
        var total = Math.Max(1, counts.Values.Sum());
        return counts.ToDictionary(p => p.Key, p => (double)p.Value / total, StringComparer.Ordinal);
    }

    /// <summary>How far the cluster's ownership mix would be from the overall mix with this store (sum of share differences).</summary>
    private static double MixDistance(ClusterState cluster, StoreToPlace store, Dictionary<string, double> overall)
    {
        var counts = new Dictionary<string, int>(cluster.StoresByOwnership, StringComparer.Ordinal);
        ClusterState.Bump(counts, store.Ownership);
        var total = (double)counts.Values.Sum();
        return overall.Keys.Union(counts.Keys).Sum(k => Math.Abs(counts.GetValueOrDefault(k) / total - overall.GetValueOrDefault(k)));
    }

    private static string Reason(Candidate best, List<Candidate> ranked, StoreToPlace store)
    {
        var parts = new List<string> { $"has room ({ClusterLoad.Percent(best.UtilisationAfter)} after the move)" };
        var others = ranked.Skip(1).ToList();
        if (others.Count == 0)
            return $"{best.Cluster.Name}: the only prod cluster with room; " + string.Join("; ", parts);
        if (store.Do is not null && others.Any(o => o.SameDo > best.SameDo))
            parts.Add($"fewest stores of DO {store.Do} ({best.SameDo})");
        if (best.TwoMarkets && others.Any(o => !o.TwoMarkets))
            parts.Add("keeps at least two markets");
        if (others.Any(o => o.SameDo == best.SameDo && o.TwoMarkets == best.TwoMarkets && o.UtilisationAfter < best.UtilisationAfter))
            parts.Add("the fullest that fits");
        if (others.Any(o => o.SameDo == best.SameDo && o.TwoMarkets == best.TwoMarkets && Math.Abs(o.UtilisationAfter - best.UtilisationAfter) < 1e-9 && o.MixDistance > best.MixDistance))
            parts.Add("keeps the ownership mix");
        return $"{best.Cluster.Name}: " + string.Join("; ", parts);
    }
}
