using System.Text.Json.Nodes;

namespace Cmdb.Domain.Inventory.Demo;

/// <summary>The own fields of VMs, disks, EIPs and the physical kit.</summary>
public sealed partial class InventoryGenerator
{
    private static readonly (int Item, int Weight)[] PrivateIpCounts = [(2, 10), (3, 15), (4, 20), (5, 20), (6, 15), (7, 10), (8, 10)];
    private static readonly string[] OsVersions = ["CentOS 7.9", "Rocky Linux 8.8", "Ubuntu 22.04", "Alibaba Cloud Linux 3", "Windows Server 2019"];
    private static readonly string[] Manufacturers = ["Dell", "Huawei", "Inspur", "Lenovo"];
    private static readonly string[] ServerModels = ["PowerEdge R740", "FusionServer 2288H V5", "NF5280M6", "ThinkSystem SR650"];

    private JsonObject Vm(int i, DemoRandom random, DemoPlacement placement)
    {
        var cpu = 1 << random.Next(1, 6);
        var privates = random.Weighted(PrivateIpCounts);
        var ipv6s = random.Chance(80) && Plan.DualStack(i) ? random.Next(1, 4) : 0;
        var subnet = Plan.PrivateSubnetOf("vm", i);
        var vm = new JsonObject
        {
            ["cpu"] = cpu, ["memory"] = cpu * (random.Chance(70) ? 2 : 4), ["osVersion"] = random.Pick(OsVersions),
            ["privateIps"] = Strings(Enumerable.Range(0, privates).Select(j => Plan.PrivateIp("vm", i, j))),
            ["eips"] = VmHasEip(i) ? Strings([Plan.VmEip(i)]) : null,
            ["ipv6s"] = ipv6s == 0 ? null : Strings(Enumerable.Range(0, ipv6s).Select(j => Plan.VmIpv6(i, j))),
            ["subnetName"] = SubnetName(subnet),
            ["securityGroups"] = Strings(VmSecurityGroups(i).Select(s => Uid("security-group", s))),
            ["vpcName"] = VpcName(VpcOf("vm", i)),
            ["billingType"] = placement.OwnDataCentre ? null : random.Chance(60) ? "包年包月" : "按量付费",
        };
        var (from, to) = VmDisks(i);
        if (to > from)
            vm["disks"] = Strings(Enumerable.Range(from, to - from).Select(d => Uid("disk", d)));
        if (HostOfVm(i) is var host and >= 0)
            vm["host"] = $"esxi-{PlacementOf("host", host).Slug}-{host:00000}";
        return vm;
    }

    private JsonObject Disk(int d, DemoRandom random, DemoPlacement placement) => new()
    {
        ["size"] = 20 * (1 + random.Next(50)),
        ["diskType"] = placement.OwnDataCentre ? "vmdk" : placement.Slug.StartsWith("aws", StringComparison.Ordinal) ? "gp3" : random.Chance(50) ? "cloud_essd" : "cloud_ssd",
        ["platform"] = placement.Spellings[0], ["attachedTo"] = Uid("vm", DiskVm(d)),
    };

    private JsonObject Eip(int e, DemoRandom random)
    {
        var vm = EipVm(e);
        return new JsonObject
        {
            ["address"] = vm >= 0 ? Plan.VmEip(vm) : Plan.FreeEip(e), ["bandwidth"] = 5 * (1 + random.Next(40)),
            ["boundTo"] = vm >= 0 ? Uid("vm", vm) : null,
        };
    }

    private JsonObject Host(int h, DemoRandom random)
    {
        var cpu = random.Pick(new[] { 64, 96, 128 });
        return new JsonObject
        {
            ["cpu"] = cpu, ["memory"] = cpu * 8, ["cpuOvercommit"] = random.Pick(new[] { 2, 3, 4 }), ["memoryOvercommit"] = random.Chance(50) ? 1.0 : 1.5,
            ["model"] = random.Pick(ServerModels), ["sn"] = $"SN{random.Hex(10).ToUpperInvariant()}", ["vmCount"] = random.Next(8, 45),
            ["cpuCommitRate"] = Math.Round(0.3 + random.NextDouble() * 0.9, 2), ["memoryCommitRate"] = Math.Round(0.3 + random.NextDouble() * 0.65, 2),
            ["virtualStorage"] = 20480, ["usedStorage"] = random.Next(2000, 20000), ["managementIp"] = Plan.PrivateIp("host", h),
        };
    }

    private JsonObject Server(int s, DemoRandom random) => Rack(s, random, new JsonObject
    {
        ["model"] = random.Pick(ServerModels), ["cpu"] = random.Pick(new[] { 32, 48, 64 }), ["memory"] = random.Pick(new[] { 128, 256, 512 }),
        ["managementIp"] = Plan.PrivateIp("server", s), ["deviceType"] = random.Chance(70) ? "2U" : "1U",
    });

    private JsonObject NetworkDevice(int n, DemoRandom random)
    {
        var rules = new JsonArray();
        for (var r = 0; r < 2 + random.Next(4); r++)
            rules.Add(new JsonObject
            {
                ["source"] = AclAddress(random), ["destination"] = AclAddress(random),
                ["ports"] = random.Pick(new[] { "443", "22", "80,443", "3306", "any" }), ["action"] = random.Chance(75) ? "permit" : "deny",
            });
        return Rack(n, random, new JsonObject
        {
            ["model"] = NetworkRole(n) == "fw" ? "USG6650" : "CE6881", ["managementIp"] = Plan.PrivateIp("network-device", n),
            ["deviceType"] = NetworkRole(n) == "fw" ? "firewall" : "switch", ["aclRules"] = rules,
        });
    }

    /// <summary>An ACL end: a VPC or subnet with a wildcard mask (<c>10.1.0.0 0.0.255.255</c>), a CIDR, or <c>any</c>.</summary>
    private string AclAddress(DemoRandom random)
    {
        var roll = random.Next(100);
        if (roll < 20)
            return "any";
        var vpc = random.Next(Plan.VpcCount);
        var cidr = roll < 60 ? Plan.VpcCidr(vpc) : Plan.SubnetCidr(vpc * Plan.SubnetsPerVpc);
        if (roll >= 80)
            return cidr;
        var prefix = int.Parse(cidr[(cidr.IndexOf('/') + 1)..]);
        var wildcard = prefix == 0 ? uint.MaxValue : (1u << (32 - prefix)) - 1;
        return $"{cidr[..cidr.IndexOf('/')]} {wildcard >> 24}.{(wildcard >> 16) & 255}.{(wildcard >> 8) & 255}.{wildcard & 255}";
    }

    private JsonObject Storage(int s, DemoRandom random)
    {
        var slug = PlacementOf("storage", s).Slug;
        return new JsonObject
        {
            ["manufacturer"] = random.Chance(60) ? "Huawei" : "NetApp", ["model"] = random.Chance(60) ? "OceanStor 5500 V5" : "AFF A400",
            ["capacity"] = 102400 * (1 + random.Next(8)), ["clusters"] = Strings([$"vsan-{slug}-{s % 4}", $"vsan-{slug}-{(s + 1) % 4}"]),
            ["managementIp"] = Plan.PrivateIp("storage", s),
        };
    }

    private JsonObject Lun(int l, DemoRandom random) => new()
    {
        ["size"] = 512 * (1 + random.Next(16)), ["storageName"] = $"stor-{PlacementOf("storage", LunStorage(l)).Slug}-{LunStorage(l):000}",
        ["wwn"] = $"6{random.Hex(15)}{l:x16}",
    };

    private static JsonObject Rack(int i, DemoRandom random, JsonObject attributes)
    {
        attributes["room"] = $"room-{1 + random.Next(4)}";
        attributes["rack"] = $"R{random.Next(40):00}";
        attributes["uPosition"] = random.Chance(4) ? 0 : random.Next(1, 43); // 0 = not racked yet
        attributes["manufacturer"] = random.Pick(Manufacturers);
        attributes["sn"] = $"SN{random.Hex(10).ToUpperInvariant()}";
        attributes["factoryDate"] = new DateTime(2018 + i % 7, 1 + random.Next(12), 1 + random.Next(28), 0, 0, 0, DateTimeKind.Utc).ToString("yyyy-MM-dd");
        attributes["warrantyYears"] = 3 + random.Next(3);
        attributes["businessArea"] = random.Pick(new[] { "门店", "总部", "电商", "物流" });
        return attributes;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
