using Cmdb.Domain.LocalSystems;
using Cmdb.Domain.Servers;

namespace Cmdb.Api.DemoData;

/// <summary>
/// Synthetic store servers for the embedded default, generated (never real stores, hosts or
/// people): every store has point-of-sale machines and an edge node, with a Puppet certificate
/// in the local CA and a node entry in the local directory.
/// </summary>
public static class StoreServerGenerator
{
    public const string Domain = "stores.example.test";
    public const string BaseDn = "ou=hosts,dc=stores,dc=example,dc=test";

    private static readonly string[] Districts = ["东湖", "西岭", "南浦", "北辰", "中山", "新港", "金桥", "银川路", "青石", "白塔"];
    private static readonly string[] Kinds = ["示范店", "社区店", "旗舰店", "便利店"];

    public static IEnumerable<StoreServer> Servers(int stores, DateTime now)
    {
        var random = new Random(20261124);
        for (var s = 1; s <= stores; s++)
        {
            var storeId = $"S{s:D4}";
            var storeName = $"演示{Districts[s % Districts.Length]}{Kinds[s % Kinds.Length]}{s:D4}";
            var env = (s % 20) switch { 0 => "uat", 1 => "dev", _ => "prod" };
            var roles = new[] { "pos", "pos", "edge" };
            for (var n = 0; n < roles.Length; n++)
            {
                var role = roles[n];
                var hostname = $"s{s:D4}-{role}-{n + 1:D2}.{Domain}";
                yield return new StoreServer
                {
                    StoreId = storeId,
                    StoreName = storeName,
                    Hostname = hostname,
                    Ip = $"10.{64 + s / 250}.{s % 250}.{10 + n}",
                    Role = role,
                    Env = env,
                    Group = role == "edge" ? "store-edge" : random.Next(10) == 0 ? "store-pos-canary" : "store-pos",
                    Dn = $"cn={hostname},{BaseDn}",
                    PuppetStatus = random.Next(30) == 0 ? "inactive" : "active",
                    UpdatedAt = now,
                };
            }
        }
    }

    public static LocalPuppetCertificate Certificate(StoreServer server, DateTime now) =>
        new() { Certname = server.Hostname, State = "signed", UpdatedAt = now };

    public static LocalLdapEntry Entry(StoreServer server, DateTime now) =>
        new() { Dn = server.Dn!, Group = server.Group, UpdatedAt = now };
}
