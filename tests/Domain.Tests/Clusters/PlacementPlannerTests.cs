using Cmdb.Domain.Clusters;

namespace Cmdb.Domain.Tests.Clusters;

public sealed class PlacementPlannerTests
{
    private static ClusterState Cluster(long id, int capacity, int used, string[]? markets = null, Dictionary<string, int>? dos = null, Dictionary<string, int>? ownership = null)
    {
        var state = new ClusterState(id, $"c{id}", capacity, used);
        foreach (var m in markets ?? ["m1", "m2"])
            state.StoresByMarket[m] = 1;
        foreach (var (d, n) in dos ?? [])
            state.StoresByDo[d] = n;
        foreach (var (o, n) in ownership ?? new Dictionary<string, int> { ["直营"] = 2 })
            state.StoresByOwnership[o] = n;
        return state;
    }

    private static StoreToPlace Store(string id, int nodes = 1, string? @do = "DO-1", string? market = "m1", string ownership = "直营", long? current = null) =>
        new(id, nodes, @do, market, ownership, current);

    [Fact]
    public void The_fullest_cluster_that_still_fits_is_chosen()
    {
        var plan = PlacementPlanner.Propose([Store("s1", nodes: 5)], [Cluster(1, 100, 50), Cluster(2, 100, 94), Cluster(3, 100, 97)], 1.0);

        var choice = Assert.Single(plan.Choices);
        Assert.Equal(2, choice.ClusterId);
        Assert.Equal(0.99, choice.UtilisationAfter);
        Assert.Contains("the fullest that fits", choice.Reason);
    }

    [Fact]
    public void A_store_that_fits_nowhere_is_left_unplaced_with_the_reason()
    {
        var plan = PlacementPlanner.Propose([Store("s1", nodes: 20)], [Cluster(1, 100, 90)], 1.0);

        Assert.Empty(plan.Choices);
        Assert.Equal("No prod cluster has room for 20 more nodes within 100%.", Assert.Single(plan.Unplaced).Reason);
    }

    [Fact]
    public void Stores_of_one_DO_are_spread_over_clusters()
    {
        var plan = PlacementPlanner.Propose([Store("s1"), Store("s2")], [Cluster(1, 100, 50), Cluster(2, 100, 40)], 1.0);

        Assert.Equal([1L, 2L], plan.Choices.OrderBy(c => c.StoreId).Select(c => c.ClusterId));
        Assert.Contains("fewest stores of DO DO-1", plan.Choices.Single(c => c.StoreId == "s2").Reason);
    }

    [Fact]
    public void A_cluster_that_would_keep_only_one_market_is_avoided()
    {
        var plan = PlacementPlanner.Propose([Store("s1", market: "m1")],
            [Cluster(1, 100, 80, markets: ["m1"]), Cluster(2, 100, 40, markets: ["m3"])], 1.0);

        var choice = Assert.Single(plan.Choices);
        Assert.Equal(2, choice.ClusterId);
        Assert.Contains("keeps at least two markets", choice.Reason);
    }

    [Fact]
    public void Between_equally_full_clusters_the_ownership_mix_decides()
    {
        var plan = PlacementPlanner.Propose([Store("s1", ownership: "DL")],
            [Cluster(1, 100, 50, ownership: new() { ["DL"] = 5 }), Cluster(2, 100, 50, ownership: new() { ["直营"] = 4, ["DL"] = 1 })], 1.0);

        var choice = Assert.Single(plan.Choices);
        Assert.Equal(2, choice.ClusterId);
        Assert.Contains("keeps the ownership mix", choice.Reason);
    }

    [Fact]
    public void A_store_is_never_proposed_its_own_cluster()
    {
        var plan = PlacementPlanner.Propose([Store("s1", current: 1)], [Cluster(1, 100, 10), Cluster(2, 100, 20)], 1.0);

        Assert.Equal(2, Assert.Single(plan.Choices).ClusterId);
    }
}
