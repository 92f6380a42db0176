using System.Net.Http.Json;
using System.Text.Json;
using Cmdb.Api.Tests.Tickets;
using Cmdb.Domain.Clusters;
using Cmdb.Domain.LocalSystems;

namespace Cmdb.Api.Tests.Clusters;

/// <summary>The ticket service with helpers for clusters and stores that no other test touches.</summary>
public class ClusterService : TicketService
{
    private static int _next;

    protected override void Configure(Dictionary<string, string?> settings, Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        settings["Integrations:Dns:Wait:FirstDelay"] = "00:00:00.100";
        settings["Integrations:Dns:Wait:LongestDelay"] = "00:00:00.300";
        settings["Integrations:Dns:Wait:Timeout"] = "00:00:02";
    }

    public static int Next() => Interlocked.Increment(ref _next);

    public async Task<Cluster> NewClusterAsync(string env = "prod", string location = "Putuo", string size = "5+3", int capacity = 512, string[]? tags = null, string? k8sId = null)
    {
        var n = Next();
        var prefix = $"t{Guid.NewGuid():N}"[..9];
        var cluster = new Cluster
        {
            Name = env == "prod" ? $"{prefix}-prod-{n % 90 + 10:D2}" : $"{prefix}-{env}-{n}", Env = env, Location = location, Size = size, Capacity = capacity,
            Domain = $"{prefix}.edge.example.test", IngressIp = $"10.201.{n % 250}.1", K8sIp = $"10.202.{n % 250}.1", K8sId = k8sId,
            LbId = k8sId is null ? null : "lb-test", TagsJson = JsonSerializer.Serialize(tags ?? []), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        await Db(async db =>
        {
            db.Clusters.Add(cluster);
            return await db.SaveChangesAsync();
        });
        return cluster;
    }

    /// <summary>Stores with these node counts in a cluster (or none), of one DO and market unless given.</summary>
    public async Task<List<Store>> NewStoresAsync(long? cluster, params int[] nodes) => await NewStoresAsync(cluster, "DO-T", "测试市", "直营", nodes);

    public async Task<List<Store>> NewStoresAsync(long? cluster, string? @do, string? market, string ownership, params int[] nodes)
    {
        var stores = nodes.Select(count => new Store
        {
            StoreId = $"T{Next():D6}", NameZh = "测试门店", NodeCount = count, Do = @do, Market = market, Ownership = ownership,
            OpenStatus = "营业", ClusterId = cluster, UpdatedAt = DateTime.UtcNow,
        }).ToList();
        await Db(async db =>
        {
            db.Stores.AddRange(stores);
            return await db.SaveChangesAsync();
        });
        return stores;
    }

    public async Task AddRancherClusterAsync(string id, string? endpoint)
    {
        await Db(async db =>
        {
            db.LocalRancherClusters.Add(new LocalRancherCluster { Id = id, Name = id, State = "active", ApiEndpoint = endpoint });
            return await db.SaveChangesAsync();
        });
    }

    public async Task<JsonElement> GetJsonAsync(string url) => await As(TestAuth.Requester).GetFromJsonAsync<JsonElement>(url);

    public static object CreateForm(string name, string env = "dev", string location = "Putuo", string size = "3+3", string? k8sIp = "10.30.0.1, 10.30.0.2,",
        string? k8sId = null, string? lbId = null, string ingress = "10.40.0.1", string? domain = null) => new
    {
        clusterName = name, env, location, size, domain = domain ?? $"{name}.edge.example.test", ingressIp = ingress, k8sIp, k8sId, lbId,
        obIp = "10.50.0.1,10.50.0.2", obVip = "10.50.0.9", obUser = "ob_admin", tags = new[] { "team:edge" },
    };
}
