using System.Net;
using System.Text.Json;
using Cmdb.Api.Tests.Tickets;

namespace Cmdb.Api.Tests.Clusters;

/// <summary>The cluster and store lists: filters, computed figures, summary, placement.</summary>
public sealed class ClusterQueryTests(ClusterService service) : IClassFixture<ClusterService>
{
    [Fact]
    public async Task A_cluster_in_the_list_has_its_counts_and_utilisation_computed_from_stores_and_reservations()
    {
        var cluster = await service.NewClusterAsync(env: "uat", size: "3+3", capacity: 20, tags: ["figures"]);
        await service.NewStoresAsync(cluster.Id, "DO-A", "市A", "直营", 2, 3);
        await service.NewStoresAsync(cluster.Id, "DO-B", "市B", "DL", 1);
        await service.SubmitOkAsync(TestAuth.Requester, "store-reassign", new { storeIds = (await service.NewStoresAsync(null, 4)).Select(s => s.StoreId), targetClusterId = cluster.Id });

        var page = await service.GetJsonAsync($"/api/clusters?env=uat&tag=figures&name={cluster.Name[..6]}");
        var row = Assert.Single(page.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetInt64() == cluster.Id);
        Assert.Equal(3, row.GetProperty("storeCount").GetInt32());
        Assert.Equal(2, row.GetProperty("marketCount").GetInt32());
        Assert.Equal(2, row.GetProperty("doCount").GetInt32());
        Assert.Equal(6, row.GetProperty("placedNodes").GetInt32());
        Assert.Equal(4, row.GetProperty("reservedNodes").GetInt32());
        Assert.Equal(0.5, row.GetProperty("utilisation").GetDouble());
    }

    [Fact]
    public async Task Clusters_come_newest_first_and_filter_by_date_range()
    {
        var older = await service.NewClusterAsync(env: "pt", size: "3+3");
        await Task.Delay(20);
        var newer = await service.NewClusterAsync(env: "pt", size: "3+3");
        var ids = (await service.GetJsonAsync("/api/clusters?env=pt&pageSize=200")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToList();
        Assert.True(ids.IndexOf(newer.Id) < ids.IndexOf(older.Id));

        var from = Uri.EscapeDataString(newer.CreatedAt.AddMilliseconds(-1).ToString("O"));
        var ranged = (await service.GetJsonAsync($"/api/clusters?env=pt&createdFrom={from}")).GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToList();
        Assert.Contains(newer.Id, ranged);
        Assert.DoesNotContain(older.Id, ranged);
    }

    [Fact]
    public async Task A_cluster_shows_its_stores_and_an_unknown_one_is_404()
    {
        var cluster = await service.NewClusterAsync(env: "dev", size: "3+3");
        var stores = await service.NewStoresAsync(cluster.Id, 1, 2);
        var detail = await service.GetJsonAsync($"/api/clusters/{cluster.Id}");
        Assert.Equal(stores.Select(s => s.StoreId).Order(), detail.GetProperty("stores").EnumerateArray().Select(s => s.GetProperty("storeId").GetString()).Order());
        Assert.Equal(HttpStatusCode.NotFound, (await service.As(TestAuth.Requester).GetAsync("/api/clusters/999999999")).StatusCode);
    }

    [Fact]
    public async Task Stores_filter_by_market_DO_ownership_and_assigned_without_a_market()
    {
        var cluster = await service.NewClusterAsync(env: "dev", size: "3+3");
        var noMarket = await service.NewStoresAsync(cluster.Id, "DO-Q", null, "CL", 1);
        var unassignedNoMarket = await service.NewStoresAsync(null, "DO-Q", null, "CL", 1);
        var franchise = await service.NewStoresAsync(cluster.Id, "DO-Q", "市Q", "DL", 1);

        async Task<List<string>> Ids(string query) =>
            (await service.GetJsonAsync($"/api/stores?{query}&pageSize=500")).GetProperty("items").EnumerateArray().Select(s => s.GetProperty("storeId").GetString()!).ToList();

        var orphans = await Ids("noMarket=true&do=DO-Q");
        Assert.Contains(noMarket[0].StoreId, orphans);
        Assert.DoesNotContain(unassignedNoMarket[0].StoreId, orphans);
        Assert.Equal([franchise[0].StoreId], await Ids($"clusterId={cluster.Id}&ownership=DL"));
        Assert.Equal([franchise[0].StoreId], await Ids("market=" + Uri.EscapeDataString("市Q")));
    }

    [Fact]
    public async Task The_summary_gives_utilisation_per_cluster_and_stores_per_env()
    {
        var cluster = await service.NewClusterAsync(env: "sit", size: "3+3", capacity: 10);
        await service.NewStoresAsync(cluster.Id, 7);
        var summary = await service.GetJsonAsync("/api/clusters/summary");
        var row = Assert.Single(summary.GetProperty("utilisation").EnumerateArray(), u => u.GetProperty("id").GetInt64() == cluster.Id);
        Assert.Equal(0.7, row.GetProperty("utilisation").GetDouble());
        Assert.Contains(summary.GetProperty("storesPerEnv").EnumerateArray(), e => e.GetProperty("env").GetString() == "sit" && e.GetProperty("stores").GetInt32() >= 1);
    }

    [Fact]
    public async Task Placement_proposes_a_prod_cluster_per_store_with_a_reason()
    {
        await service.NewClusterAsync(env: "prod", capacity: 1000);
        var stores = await service.NewStoresAsync(null, 1);
        var proposal = await service.GetJsonAsync($"/api/stores/placement?stores={stores[0].StoreId}");
        var choice = Assert.Single(proposal.GetProperty("choices").EnumerateArray());
        Assert.Equal(stores[0].StoreId, choice.GetProperty("storeId").GetString());
        Assert.False(string.IsNullOrEmpty(choice.GetProperty("reason").GetString()));

        Assert.Equal(HttpStatusCode.BadRequest, (await service.As(TestAuth.Requester).GetAsync("/api/stores/placement")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await service.As(TestAuth.Requester).GetAsync("/api/stores/placement?stores=NOPE-9")).StatusCode);
    }

    [Fact]
    public async Task Bad_filters_are_400_naming_them()
    {
        var response = await service.As(TestAuth.Requester).GetAsync("/api/clusters?env=staging&pageSize=9999");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("env", out _) || errors.TryGetProperty("Env", out _), errors.ToString());
    }
}
