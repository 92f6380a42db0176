using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Cmdb.Domain.Inventory.Sync;

namespace Cmdb.Domain.Inventory.Demo;

/// <summary>
/// A synthetic inventory of a retail chain's infra team: two own data centres (dc-east, dc-west),
/// three clouds reported the way a CMP reports them (Aliyun, Qcloud, Aws, some empty, an office
/// vCenter), every resource type with relations and addresses (about three IP index rows per
/// resource). Deterministic for a seed, and streamed: resource i of a type is made from
/// (seed, type, i) alone, so a million resources never sit in memory.
/// </summary>
public sealed class GeneratedInventoryConnector(int size, int seed = 1) : IInventoryConnector
{
    private static readonly string[] Systems = ["pos", "erp", "wms", "crm", "bi", "edge", "mdm", "oms"];
    private static readonly string[] Modules = ["api", "web", "db", "cache", "mq", "job", "gw"];
    private static readonly string[] Products = ["retail", "supply", "finance", "ops", "member"];
    private static readonly string[] Envs = ["prod", "prod", "prod", "uat", "test", "dev"];
    private static readonly (string Cloud, string Account, string? DataCenter)[] Placements =
    [
        ("Aliyun", "ali-retail-prod", "cn-shanghai"), ("Aliyun", "ali-retail-prod", "cn-hongkong"), ("Qcloud", "tc-retail", "ap-shanghai"),
        ("Aws", "aws-global", "ap-east-1"), ("VMware", "idc-vc-east", "dc-east"), ("VMware", "idc-vc-west", "dc-west"), ("VMware", "office-vc", "hq-office"),
    ];

    public InventoryPlan Plan { get; } = new(size, seed);

    public string Name => "generated";

    public async IAsyncEnumerable<IncomingResource> ReadResourcesAsync(string type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var count = Plan.Count(type);
        for (var i = 0; i < count; i++)
        {
            if (i % 10_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
            }
            yield return Resource(type, i);
        }
    }

    public async IAsyncEnumerable<IncomingRelation> ReadRelationsAsync(string kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var n = 0;
        foreach (var relation in Relations(kind))
        {
            if (++n % 10_000 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
            }
            yield return relation;
        }
    }

    public static string Uid(string type, int i) => $"{type}-{i:x8}";

    private Random Random(string type, int i) => new(HashCode.Combine(Plan.Seed, type, i));

    private IncomingResource Resource(string type, int i)
    {
        var random = Random(type, i);
        var system = Systems[random.Next(Systems.Length)];
        var module = Modules[random.Next(Modules.Length)];
        var place = Placements[random.Next(Placements.Length)];
        if (random.Next(100) == 0)
            place = ("", place.Account, place.DataCenter);
        var owner = $"u{1000 + random.Next(900)}";
        var tags = $"owner:{owner},system:{system},module:{module},product:{Products[random.Next(Products.Length)]}";
        var status = random.Next(100) switch
        {
            < 84 => "running",
            < 92 => "stopped",
            < 95 => "已关机",
            < 98 => "starting",
            _ => type == "vm" ? "schedule_failed" : "error",
        };
        var created = new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(0, 1_500_000));
        var name = $"{system}-{module}-{i:000000}";
        var attributes = Attributes(type, i, random, place);
        return new IncomingResource(type, Uid(type, i), NameOf(type, i, name), place.Cloud, place.Account, null, place.DataCenter,
            Envs[random.Next(Envs.Length)], null, tags, status, created, attributes);
    }

    private string NameOf(string type, int i, string name) => type switch
    {
        "subnet" => $"subnet-{Plan.SubnetCidr(i)}",
        "vpc" => $"vpc-{i:000}",
        "l2-network" => $"vlan-{100 + i}",
        "k8s-cluster" => $"casea-{(i % 2 == 0 ? "prod" : "uat")}-{i:000}",
        "domain-record" => $"{name}.retail.example.test",
        "project" => $"project-{i:0000}",
        _ => name,
    };

    private JsonObject Attributes(string type, int i, Random random, (string Cloud, string Account, string? DataCenter) place)
    {
        var privateBase = Plan.PrivateBase.GetValueOrDefault(type) + (long)i * InventoryPlan.PrivateSlots.GetValueOrDefault(type);
        var publicBase = Plan.PublicBase.GetValueOrDefault(type) + (long)i * InventoryPlan.PublicSlots.GetValueOrDefault(type);
        string PrivateIp(int j) => InventoryPlan.Private(privateBase + j).Address;
        JsonArray Privates(int n) => new([.. Enumerable.Range(0, n).Select(j => (JsonNode?)PrivateIp(j))]);
        return type switch
        {
            "vm" => Vm(i, random, place.Cloud, Privates(3 + random.Next(3)), random.Next(2) == 0 ? new JsonArray(Plan.Public(publicBase).Address) : null),
            "host" => new JsonObject
            {
                ["cpu"] = 64, ["memory"] = 512, ["cpuOvercommit"] = 4, ["memoryOvercommit"] = 1.5, ["model"] = "R740", ["sn"] = $"SN{i:x8}",
                ["vmCount"] = random.Next(10, 40), ["cpuCommitRate"] = Math.Round(random.NextDouble(), 2), ["memoryCommitRate"] = Math.Round(random.NextDouble(), 2),
                ["virtualStorage"] = 20480, ["usedStorage"] = random.Next(2000, 20000), ["managementIp"] = PrivateIp(0),
            },
            "server" => Rack(i, random, new JsonObject { ["cpu"] = 48, ["memory"] = 256, ["managementIp"] = PrivateIp(0) }),
            "network-device" => Rack(i, random, new JsonObject
            {
                ["managementIp"] = PrivateIp(0),
                ["aclRules"] = new JsonArray(
                    new JsonObject { ["source"] = $"10.{i % 200}.0.0 0.0.255.255", ["destination"] = "any", ["ports"] = "443", ["action"] = "permit" },
                    new JsonObject { ["source"] = "any", ["destination"] = $"10.{i % 200}.1.0/24", ["ports"] = "22", ["action"] = "deny" }),
            }),
            "storage" => new JsonObject { ["manufacturer"] = "Huawei", ["model"] = "OceanStor 5500", ["capacity"] = 204800, ["clusters"] = new JsonArray("stor-a", "stor-b"), ["managementIp"] = PrivateIp(0) },
            "lun" => new JsonObject { ["size"] = 2048, ["storageName"] = Uid("storage", i % Plan.Count("storage")), ["wwn"] = $"6000{i:x12}" },
            "subnet" => Subnet(i, random),
            "vpc" => new JsonObject { ["cidr"] = "10.0.0.0/8", ["region"] = place.DataCenter },
            "l2-network" => new JsonObject { ["vlanId"] = 100 + i, ["vpcName"] = $"vpc-{i % Plan.Count("vpc"):000}" },
            "security-group" => new JsonObject
            {
                ["vpcName"] = $"vpc-{i % Plan.Count("vpc"):000}", ["ruleCount"] = 2,
                ["rules"] = new JsonArray(new JsonObject { ["direction"] = "in", ["source"] = "10.0.0.0/8", ["ports"] = "443" }, new JsonObject { ["direction"] = "in", ["source"] = "any", ["ports"] = "80" }),
            },
            "load-balancer" => LoadBalancer(i, Privates(2), Plan.Public(publicBase).Address),
            "rds" => new JsonObject { ["engine"] = random.Next(3) == 0 ? "PostgreSQL" : "MySQL", ["version"] = "8.0", ["spec"] = "mysql.n4.large.2c", ["storage"] = 500, ["privateIp"] = PrivateIp(0), ["port"] = 3306 },
            "redis" => new JsonObject { ["version"] = "6.0", ["capacity"] = 8, ["privateIp"] = PrivateIp(0), ["port"] = 6379, ["backupType"] = "daily" },
            "disk" => new JsonObject { ["size"] = 40 * (1 + random.Next(10)), ["diskType"] = random.Next(2) == 0 ? "cloud_essd" : "cloud_ssd", ["platform"] = place.Cloud, ["attachedTo"] = Uid("vm", i % Plan.Count("vm")) },
            "domain-record" => new JsonObject { ["recordType"] = i % 4 == 0 ? "CNAME" : "A", ["value"] = i % 4 == 0 ? "edge.retail.example.test" : PrivateIp(0), ["zone"] = "retail.example.test", ["ttl"] = 600 },
            "project" => new JsonObject { ["code"] = $"PRJ{i:0000}", ["manager"] = $"u{1000 + random.Next(900)}" },
            "k8s-cluster" => new JsonObject { ["version"] = "1.29", ["nodeCount"] = 22, ["apiAddress"] = $"https://k8s-{i:000}.retail.example.test:6443" },
            "pod" => Pod(i, PrivateIp(0)),
            "eip" => new JsonObject { ["address"] = Plan.Public(publicBase).Address, ["bandwidth"] = 5 * (1 + random.Next(20)) },
            _ => [],
        };
    }

    private JsonObject Vm(int i, Random random, string cloud, JsonArray privates, JsonArray? eips)
    {
        var cpu = 2 << random.Next(4);
        var vm = new JsonObject
        {
            ["cpu"] = cpu, ["memory"] = cpu * 2, ["osVersion"] = random.Next(3) == 0 ? "Windows Server 2019" : "CentOS 7.9",
            ["privateIps"] = privates, ["eips"] = eips,
            ["ipv6s"] = new JsonArray([.. Enumerable.Range(0, 1 + random.Next(2)).Select(j => (JsonNode?)Plan.Ipv6(i, j))]),
            ["subnetName"] = $"subnet-{Plan.SubnetCidr(InventoryPlan.Private(Plan.PrivateBase["vm"] + (long)i * 5).Subnet)}",
            ["securityGroups"] = new JsonArray(Uid("security-group", i % Plan.Count("security-group"))),
            ["vpcName"] = $"vpc-{Plan.VpcOfSubnet(InventoryPlan.Private(Plan.PrivateBase["vm"] + (long)i * 5).Subnet):000}",
            ["billingType"] = random.Next(2) == 0 ? "包年包月" : "按量付费",
        };
        if (cloud is "VMware" or "")
            vm["host"] = Uid("host", i % Plan.Count("host"));
        return vm;
    }

    private static JsonObject Rack(int i, Random random, JsonObject attributes)
    {
        attributes["room"] = $"room-{1 + i % 4}";
        attributes["rack"] = $"R{i % 40:00}";
        attributes["uPosition"] = random.Next(0, 43);
        attributes["manufacturer"] = random.Next(2) == 0 ? "Dell" : "Huawei";
        attributes["deviceType"] = "1U";
        attributes["sn"] = $"SN{i:x8}";
        attributes["factoryDate"] = new DateTime(2019 + i % 5, 1 + i % 12, 1, 0, 0, 0, DateTimeKind.Utc).ToString("yyyy-MM-dd");
        attributes["warrantyYears"] = 3 + i % 3;
        attributes["businessArea"] = i % 2 == 0 ? "门店" : "总部";
        return attributes;
    }

    private JsonObject Subnet(int s, Random random)
    {
        var cidr = Plan.SubnetCidr(s);
        var ipv6 = cidr.Contains(':');
        return new JsonObject
        {
            ["cidr"] = cidr, ["gateway"] = ipv6 ? null : cidr.Replace(".0/24", ".254"), ["ipv6Gateway"] = ipv6 ? cidr.Replace("::/64", "::ffff") : null,
            ["ipUsed"] = random.Next(10, 250), ["ipTotal"] = ipv6 ? null : 254, ["lineType"] = s >= Plan.PrivateSubnets && !ipv6 ? "BGP" : "内网",
            ["vpcName"] = $"vpc-{Plan.VpcOfSubnet(s):000}",
        };
    }

    private JsonObject LoadBalancer(int i, JsonArray vips, string eip)
    {
        var privateBase = Plan.PrivateBase["load-balancer"] + (long)i * 8;
        var members = new JsonArray([.. Enumerable.Range(2, 4).Select(j => (JsonNode?)$"{InventoryPlan.Private(privateBase + j).Address}:8080")]);
        return new JsonObject
        {
            ["networkType"] = "内网", ["spec"] = "slb.s2.small", ["ips"] = vips, ["eips"] = new JsonArray(eip),
            ["virtualServers"] = new JsonArray(new JsonObject
            {
                ["name"] = $"vs-{i}", ["address"] = $"{vips[0]}:443",
                ["pools"] = new JsonArray(new JsonObject { ["name"] = $"pool-{i}", ["members"] = members }),
            }),
        };
    }

    private JsonObject Pod(int p, string ip)
    {
        var node = p % Math.Max(1, Plan.NodeVms);
        return new JsonObject
        {
            ["namespace"] = Systems[p % Systems.Length], ["podIp"] = ip, ["nodeName"] = Uid("vm", node),
            ["clusterName"] = NameOf("k8s-cluster", node % Plan.Count("k8s-cluster"), ""),
        };
    }

    private IEnumerable<IncomingRelation> Relations(string kind)
    {
        IncomingRelation Link(string sourceType, int s, string targetType, int t) => new(kind, sourceType, Uid(sourceType, s), targetType, Uid(targetType, t));
        int Count(string type) => Plan.Count(type);
        switch (kind)
        {
            case "host-vm":
                for (var i = 0; i < Count("vm"); i++)
                    if (Resource("vm", i).Attributes?["host"] is not null)
                        yield return Link("host", i % Count("host"), "vm", i);
                break;
            case "vm-security-group":
                for (var i = 0; i < Count("vm"); i++)
                    yield return Link("vm", i, "security-group", i % Count("security-group"));
                break;
            case "vm-disk":
                for (var d = 0; d < Count("disk"); d++)
                    yield return Link("vm", d % Count("vm"), "disk", d);
                break;
            case "lb-security-group" or "rds-security-group" or "redis-security-group":
                var type = kind == "lb-security-group" ? "load-balancer" : kind[..kind.IndexOf('-')];
                for (var i = 0; i < Count(type); i++)
                    yield return Link(type, i, "security-group", i % Count("security-group"));
                break;
            case "host-lun":
                for (var l = 0; l < Count("lun"); l++)
                    yield return Link("host", l % Count("host"), "lun", l);
                break;
            case "storage-lun":
                for (var l = 0; l < Count("lun"); l++)
                    yield return Link("storage", l % Count("storage"), "lun", l);
                break;
            case "l2-network-host":
                for (var h = 0; h < Count("host"); h++)
                    yield return Link("l2-network", h % Count("l2-network"), "host", h);
                break;
            case "vpc-l2-network":
                for (var l = 0; l < Count("l2-network"); l++)
                    yield return Link("vpc", l % Count("vpc"), "l2-network", l);
                break;
            case "subnet-vpc":
                for (var s = 0; s < Count("subnet"); s++)
                    yield return Link("subnet", s, "vpc", Plan.VpcOfSubnet(s));
                break;
            case "vm-pod":
                for (var p = 0; p < Count("pod"); p++)
                    yield return Link("vm", p % Math.Max(1, Plan.NodeVms), "pod", p);
                break;
            case "pod-cluster":
                for (var p = 0; p < Count("pod"); p++)
                    yield return Link("pod", p, "k8s-cluster", p % Math.Max(1, Plan.NodeVms) % Count("k8s-cluster"));
                break;
            case "vm-cluster":
                for (var n = 0; n < Plan.NodeVms; n++)
                    yield return Link("vm", n, "k8s-cluster", n % Count("k8s-cluster"));
                break;
            case "server-cluster":
                for (var n = 0; n < Plan.NodeServers; n++)
                    yield return Link("server", n, "k8s-cluster", n % Count("k8s-cluster"));
                break;
            case "project-resource":
                for (var i = 0; i < Count("vm"); i += 10)
                    yield return Link("project", i / 10 % Count("project"), "vm", i);
                break;
        }
    }
}
