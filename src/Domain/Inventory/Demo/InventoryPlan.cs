namespace Cmdb.Domain.Inventory.Demo;

/// <summary>
/// How many of each type a generated inventory of a given size holds, and where each type's
/// addresses start, so any resource (and any relation) can be generated from its index alone,
/// without keeping the others in memory.
/// </summary>
public sealed class InventoryPlan
{
    /// <summary>Shares of the total for the types counted by proportion; subnets, VPCs and L2 networks follow from the addresses.</summary>
    private static readonly (string Type, double Share)[] Shares =
    [
        ("vm", 0.45), ("pod", 0.15), ("disk", 0.12), ("domain-record", 0.07), ("eip", 0.04), ("host", 0.025), ("server", 0.025),
        ("lun", 0.02), ("security-group", 0.015), ("load-balancer", 0.01), ("rds", 0.008), ("redis", 0.008), ("network-device", 0.008),
        ("project", 0.004), ("storage", 0.003), ("k8s-cluster", 0.002),
    ];

    /// <summary>Private addresses each resource of a type takes from the 10/8 pool (at most).</summary>
    internal static readonly Dictionary<string, int> PrivateSlots = new()
    {
        ["vm"] = 5, ["pod"] = 1, ["host"] = 1, ["server"] = 1, ["network-device"] = 1, ["storage"] = 1, ["load-balancer"] = 8, ["rds"] = 1, ["redis"] = 1,
    };

    /// <summary>Public addresses each resource of a type takes from the 100.64/10 pool (at most).</summary>
    internal static readonly Dictionary<string, int> PublicSlots = new() { ["vm"] = 1, ["eip"] = 1, ["load-balancer"] = 1 };

    /// <summary>Usable hosts per /24 subnet (.1–.250).</summary>
    public const int HostsPerSubnet = 250;

    /// <summary>IPv6 addresses: one /64 per this many VMs.</summary>
    public const int VmsPerIpv6Subnet = 1000;

    public InventoryPlan(int size, int seed)
    {
        if (size < 1)
            throw new ArgumentOutOfRangeException(nameof(size), "The inventory holds at least one resource.");
        Seed = seed;
        foreach (var (type, share) in Shares)
            Counts[type] = Math.Max(1, (int)Math.Round(size * share));
        long privateBase = 0, publicBase = 0;
        foreach (var (type, _) in Shares)
        {
            PrivateBase[type] = privateBase;
            privateBase += (long)Counts[type] * PrivateSlots.GetValueOrDefault(type);
            PublicBase[type] = publicBase;
            publicBase += (long)Counts[type] * PublicSlots.GetValueOrDefault(type);
        }
        PrivateSubnets = (int)Math.Max(1, (privateBase + HostsPerSubnet - 1) / HostsPerSubnet);
        PublicSubnets = (int)Math.Max(1, (publicBase + HostsPerSubnet - 1) / HostsPerSubnet);
        Ipv6Subnets = Math.Max(1, (Counts["vm"] + VmsPerIpv6Subnet - 1) / VmsPerIpv6Subnet);
        Counts["subnet"] = PrivateSubnets + PublicSubnets + Ipv6Subnets;
        Counts["vpc"] = Math.Max(1, size / 3000);
        Counts["l2-network"] = Counts["vpc"] * 3;
    }

    public int Seed { get; }
    public Dictionary<string, int> Counts { get; } = [];
    public Dictionary<string, long> PrivateBase { get; } = [];
    public Dictionary<string, long> PublicBase { get; } = [];
    public int PrivateSubnets { get; }
    public int PublicSubnets { get; }
    public int Ipv6Subnets { get; }

    public int Total => Counts.Values.Sum();

    public int Count(string type) => Counts.GetValueOrDefault(type);

    /// <summary>The n-th address of the 10/8 pool and the subnet holding it.</summary>
    public static (string Address, int Subnet) Private(long n) => (Address(10, n), (int)(n / HostsPerSubnet));

    /// <summary>The n-th address of the 100.64/10 pool (synthetic public addresses) and the subnet holding it.</summary>
    public (string Address, int Subnet) Public(long n) => (Address(100, n, second: 64), PrivateSubnets + (int)(n / HostsPerSubnet));

    private static string Address(int first, long n, int second = 0)
    {
        var subnet = n / HostsPerSubnet;
        var host = n % HostsPerSubnet + 1;
        return $"{first}.{second + subnet / 256}.{subnet % 256}.{host}";
    }

    /// <summary>The CIDR of subnet s: private /24s, then public /24s, then IPv6 /64s.</summary>
    public string SubnetCidr(int s)
    {
        if (s < PrivateSubnets)
            return $"10.{s / 256}.{s % 256}.0/24";
        if (s < PrivateSubnets + PublicSubnets)
        {
            var p = s - PrivateSubnets;
            return $"100.{64 + p / 256}.{p % 256}.0/24";
        }
        return $"2001:db8:{s - PrivateSubnets - PublicSubnets:x}::/64";
    }

    /// <summary>The j-th IPv6 address of VM i, inside its /64.</summary>
    public string Ipv6(int vm, int j) => $"2001:db8:{vm / VmsPerIpv6Subnet:x}::{(vm % VmsPerIpv6Subnet) * 4 + j + 1:x}";

    public int VpcOfSubnet(int s) => s % Count("vpc");

    /// <summary>VMs that are Kubernetes nodes: the first ones, twenty per cluster.</summary>
    public int NodeVms => Math.Min(Count("vm"), Count("k8s-cluster") * 20);

    /// <summary>Servers that are bare-metal nodes: two per cluster.</summary>
    public int NodeServers => Math.Min(Count("server"), Count("k8s-cluster") * 2);
}
