using System.Text.Json.Nodes;

namespace Cmdb.Domain.Inventory.Demo;

/// <summary>The own fields of networks, load balancers, databases, DNS records and Kubernetes.</summary>
public sealed partial class InventoryGenerator
{
    private static readonly (string Engine, string Version, int Port)[] Engines =
        [("MySQL", "8.0", 3306), ("MySQL", "5.7", 3306), ("PostgreSQL", "14", 5432), ("SQL Server", "2019", 1433), ("MariaDB", "10.6", 3306)];

    private JsonObject Subnet(int s)
    {
        var kind = Plan.KindOf(s);
        var cidr = Plan.SubnetCidr(s);
        var prefix = cidr[..cidr.IndexOf('/')];
        return new JsonObject
        {
            ["cidr"] = cidr,
            ["gateway"] = kind == SubnetKind.Ipv6 ? null : prefix[..prefix.LastIndexOf('.')] + ".254",
            ["ipv6Gateway"] = kind == SubnetKind.Ipv6 ? prefix + "ffff" : null,
            ["ipUsed"] = kind == SubnetKind.Private ? Plan.SlotsUsed(s) : null,
            ["ipTotal"] = kind == SubnetKind.Ipv6 ? null : 253,
            ["lineType"] = kind == SubnetKind.Public ? "BGP" : "内网",
            ["vpcName"] = VpcName(Plan.VpcOfSubnet(s)),
        };
    }

    private JsonObject SecurityGroup(int g, DemoRandom random)
    {
        var vpc = g % Plan.VpcCount;
        var rules = new JsonArray(
            new JsonObject { ["direction"] = "in", ["protocol"] = "tcp", ["source"] = Plan.VpcCidr(vpc), ["ports"] = "22", ["action"] = "accept" },
            new JsonObject { ["direction"] = "in", ["protocol"] = "tcp", ["source"] = "0.0.0.0/0", ["ports"] = random.Chance(50) ? "443" : "80,443", ["action"] = "accept" });
        for (var r = 0; r < random.Next(4); r++)
            rules.Add(new JsonObject { ["direction"] = random.Chance(70) ? "in" : "out", ["protocol"] = "tcp", ["source"] = Plan.VpcCidr(random.Next(Plan.VpcCount)), ["ports"] = $"{random.Next(1024, 65535)}", ["action"] = random.Chance(80) ? "accept" : "drop" });
        return new JsonObject { ["vpcName"] = VpcName(vpc), ["ruleCount"] = rules.Count, ["rules"] = rules };
    }

    /// <summary>An F5 (own data centre: virtual servers, pools, members ip:port) or a cloud balancer (backend member IPs); members are VMs' addresses.</summary>
    private JsonObject LoadBalancer(int l, DemoRandom random, DemoPlacement placement)
    {
        var vips = Strings([Plan.PrivateIp("load-balancer", l, 0), Plan.PrivateIp("load-balancer", l, 1)]);
        var lb = new JsonObject
        {
            ["networkType"] = placement.OwnDataCentre || random.Chance(50) ? "内网" : "公网",
            ["spec"] = placement.OwnDataCentre ? "BIG-IP i5800" : random.Pick(new[] { "slb.s2.small", "slb.s3.medium", "clb.standard" }), ["ips"] = vips,
            ["eips"] = placement.OwnDataCentre ? null : Strings([Plan.LoadBalancerEip(l)]),
        };
        var member = 0;
        string Member(int port) => $"{Plan.PrivateIp("vm", MemberVm(l, member++, placement.OwnDataCentre))}:{port}";
        if (!placement.OwnDataCentre)
        {
            lb["memberIps"] = Strings(Enumerable.Range(0, 4 + random.Next(5)).Select(_ => Member(0).Split(':')[0]).Distinct());
            return lb;
        }
        var servers = new JsonArray();
        for (var v = 0; v < 1 + random.Next(3); v++)
        {
            var port = random.Pick(new[] { 80, 443, 8080, 8443 });
            servers.Add(new JsonObject
            {
                ["name"] = $"vs-{l:0000}-{port}", ["address"] = $"{vips[v % 2]}:{port}",
                ["pools"] = new JsonArray(new JsonObject
                {
                    ["name"] = $"pool-{l:0000}-{port}",
                    ["members"] = Strings(Enumerable.Range(0, 2 + random.Next(5)).Select(_ => Member(port == 443 ? 8443 : 8080))),
                }),
            });
        }
        lb["virtualServers"] = servers;
        return lb;
    }

    private JsonObject Rds(int r, DemoRandom random)
    {
        var (engine, version, port) = random.Pick(Engines);
        return new JsonObject
        {
            ["engine"] = engine, ["version"] = version, ["spec"] = random.Pick(new[] { "2C4G", "4C8G", "8C16G", "16C64G" }), ["storage"] = 20 + 10 * random.Next(200),
            ["privateIp"] = Plan.PrivateIp("rds", r), ["externalAddress"] = random.Chance(20) ? $"{Uid("rds", r)}.rds.example.test" : null, ["port"] = port,
        };
    }

    private JsonObject Redis(int r, DemoRandom random) => new()
    {
        ["version"] = random.Pick(new[] { "5.0", "6.0", "7.0" }), ["capacity"] = 1 << random.Next(0, 6), ["privateIp"] = Plan.PrivateIp("redis", r),
        ["externalAddress"] = random.Chance(15) ? $"{Uid("redis", r)}.redis.example.test" : null, ["port"] = 6379,
        ["backupType"] = random.Chance(70) ? "daily" : "weekly",
    };

    private JsonObject DomainRecord(int d, DemoRandom random)
    {
        var cname = random.Chance(20);
        var value = cname ? $"edge-{random.Next(10)}.{DemoNames.Zones[0]}"
            : random.Chance(75) ? Plan.PrivateIp("vm", random.Next(Plan.Count("vm"))) : Plan.PrivateIp("load-balancer", random.Next(Plan.Count("load-balancer")));
        return new JsonObject
        {
            ["recordType"] = cname ? "CNAME" : "A", ["value"] = value, ["zone"] = DemoNames.Zones[d % DemoNames.Zones.Length],
            ["ttl"] = random.Pick(new[] { 60, 300, 600 }),
        };
    }

    private JsonObject Cluster(int c, DemoRandom random)
    {
        var servers = Enumerable.Range(c * InventoryPlan.NodeServersPerCluster, InventoryPlan.NodeServersPerCluster).Count(s => ServerNodeCluster(s) == c);
        var vms = Math.Min(InventoryPlan.NodeVmsPerCluster, Plan.Count("vm") - c * InventoryPlan.NodeVmsPerCluster);
        return new JsonObject
        {
            ["version"] = random.Pick(new[] { "1.26", "1.27", "1.28", "1.29", "1.30" }), ["nodeCount"] = Math.Max(0, vms) + servers,
            ["apiAddress"] = $"https://{ClusterName(c)}.{DemoNames.Zones[0]}:6443",
        };
    }

    private JsonObject Pod(int p)
    {
        var (type, node) = PodNode(p);
        return new JsonObject
        {
            ["namespace"] = DemoNames.Systems[p / Plan.Count("k8s-cluster") % DemoNames.Systems.Length], ["podIp"] = Plan.PrivateIp("pod", p),
            ["nodeName"] = type == "vm" ? VmName(node) : ServerName(node), ["clusterName"] = ClusterName(ClusterOfPod(p)),
        };
    }
}
