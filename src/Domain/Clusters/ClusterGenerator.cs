using System.Text.Json;
using Cmdb.Domain.LocalSystems;

namespace Cmdb.Domain.Clusters;

/// <summary>
/// Synthetic CASE A clusters and stores (generated, never real): clusters over the envs and
/// locations, stores spread unevenly so utilisation varies, a few stores without a cluster or
/// without a market, and the Rancher clusters the cloud clusters' K8s IDs name.
/// </summary>
public static class ClusterGenerator
{
    private static readonly string[] Regions = ["east", "west", "south", "north"];
    private static readonly string[] Ownerships = ["直营", "直营", "直营", "直营", "直营", "直营", "直营", "DL", "DL", "CL"];

    public sealed record Demo(List<Cluster> Clusters, List<Store> Stores, List<LocalRancherCluster> Rancher);

    public static Demo Generate(int clusters, int stores, DateTime now, int seed = 20261124)
    {
        var random = new Random(seed);
        var result = new Demo([], [], []);
        var prodNumbers = new Dictionary<string, int>();
        for (var c = 1; c <= clusters; c++)
        {
            var env = (c % 10) switch { 0 => "dev", 3 => "uat", 6 => "sit", 9 => "pt", _ => "prod" };
            var location = ClusterRules.Locations[c % ClusterRules.Locations.Count];
            var region = Regions[c % Regions.Length];
            var prefix = $"casea-{env}-{region}";
            var number = prodNumbers[prefix] = prodNumbers.GetValueOrDefault(prefix) + 1;
            var name = $"{prefix}-{number:D2}";
            var size = env == "prod" ? ClusterRules.ProdSizes[c % 3] : ClusterRules.OtherSizes[c % 2];
            var cloud = ClusterRules.IsCloud(location);
            var k8sId = cloud ? $"c-{c:D5}" : null;
            var k8sIp = $"10.{100 + c / 200}.{c % 200}.10";
            result.Clusters.Add(new Cluster
            {
                Id = c, Name = name, Env = env, Location = location, Size = size, Capacity = ClusterRules.DefaultCapacity,
                Domain = $"{name}.edge.example.test", IngressIp = $"10.{100 + c / 200}.{c % 200}.20", K8sIp = k8sIp,
                ObIp = $"10.{150 + c / 200}.{c % 200}.30,10.{150 + c / 200}.{c % 200}.31", ObVip = $"10.{150 + c / 200}.{c % 200}.40",
                ObUser = "ob_admin", RancherClusterId = $"c-r{c:D4}", K8sId = k8sId, LbId = cloud ? $"lb-demo{c:D4}" : null,
                TagsJson = JsonSerializer.Serialize(new[] { $"region:{region}", c % 4 == 0 ? "tier:gold" : "tier:standard" }.Order(StringComparer.Ordinal)),
                CreatedAt = now.AddDays(-clusters + c), UpdatedAt = now.AddDays(-clusters + c),
            });
            if (cloud)
                result.Rancher.Add(new LocalRancherCluster { Id = k8sId!, Name = name, State = "active", ApiEndpoint = $"https://{k8sIp}:6443" });
        }
        for (var r = 1; r <= 5; r++)
            result.Rancher.Add(new LocalRancherCluster { Id = $"c-new{r:D2}", Name = $"demo-new-{r:D2}", State = "active", ApiEndpoint = $"https://10.99.{r}.10:6443" });

        // Some clusters draw many more stores than others, so utilisation ranges from empty to past 80%.
        var weights = result.Clusters.Select((_, i) => 1 + (i * 7919 % 13)).ToArray();
        var totalWeight = weights.Sum();
        for (var s = 1; s <= stores; s++)
        {
            var market = (s * 31 % 24) + 1;
            var pick = random.Next(totalWeight);
            var index = 0;
            while (pick >= weights[index])
                pick -= weights[index++];
            var roll = random.Next(100);
            result.Stores.Add(new Store
            {
                StoreId = $"S{s:D4}", NameZh = $"演示门店{s:D4}", Group = $"G{(s % 8) + 1}", NodeCount = 1 + random.Next(3),
                Province = $"演示省{(market - 1) / 4 + 1:D2}", Market = roll == 0 ? null : $"演示市{market:D2}", Do = $"DO-{(s * 17 % 12) + 1:D2}",
                Ownership = Ownerships[random.Next(Ownerships.Length)],
                OpenStatus = roll < 2 ? "闭店" : roll < 5 ? "筹备" : "营业",
                ClusterId = roll is > 1 and < 5 ? null : result.Clusters[index].Id, UpdatedAt = now,
            });
        }
        return result;
    }
}
