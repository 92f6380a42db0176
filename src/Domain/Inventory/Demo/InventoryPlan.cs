namespace Cmdb.Domain.Inventory.Demo;

/// <summary>
/// The layout of a generated inventory of a given size: how many resources of each type, and
/// which address every resource holds. Everything is arithmetic on indexes, so any resource (and
/// any relation) can be made from its index alone without keeping the others in memory.
/// <para>
/// Private addresses come from 10.0.0.0/8 in /24 subnets (hosts .1–.240, gateway .254), in four
/// groups (split into parts, see <see cref="PartsOf"/>) that each start on a VPC boundary:
/// management addresses of the physical kit, VMs (eight slots each), services (load balancer
/// VIPs, RDS, Redis), pods. A VPC is a block of <see cref="SubnetsPerVpc"/> private subnets.
/// Public addresses come from 100.64.0.0/10 (VM EIPs, free EIPs, load balancer EIPs); every
/// second VM subnet is dual-stack, with an IPv6 /64 sibling in 2001:db8::/32.
/// </para>
/// </summary>
public sealed class InventoryPlan
{
    public const int MinSize = 200;
    public const int MaxSize = 5_000_000;
    public const int HostsPerSubnet = 240;
    public const int VmSlots = 8;
    public const int NodeVmsPerCluster = 20;
    public const int NodeServersPerCluster = 2;
    public const int L2NetworksPerVpc = 2;

    /// <summary>Shares of the total; domain records take what is left after these and the networks (subnets, VPCs, L2).</summary>
    private static readonly (string Type, double Share)[] Shares =
    [
        ("vm", 0.45), ("pod", 0.15), ("disk", 0.12), ("eip", 0.035), ("host", 0.025), ("server", 0.025), ("lun", 0.02),
        ("security-group", 0.015), ("load-balancer", 0.01), ("rds", 0.008), ("redis", 0.008), ("network-device", 0.008),
        ("project", 0.004), ("storage", 0.003), ("k8s-cluster", 0.002),
    ];

    private static readonly (PrivateGroup Group, string Type, int Slots)[] PrivateLayout =
    [
        (PrivateGroup.Facilities, "host", 1), (PrivateGroup.Facilities, "server", 1), (PrivateGroup.Facilities, "network-device", 1),
        (PrivateGroup.Facilities, "storage", 1), (PrivateGroup.Compute, "vm", VmSlots), (PrivateGroup.Services, "load-balancer", 2),
        (PrivateGroup.Services, "rds", 1), (PrivateGroup.Services, "redis", 1), (PrivateGroup.Containers, "pod", 1),
    ];

    /// <summary>
    /// Resource i of a group's types goes to part i mod parts: the physical kit to dc-east and
    /// dc-west, the services to one part per placement (fewer in small inventories, where each
    /// part's VPC would hold a handful). Every part starts on a VPC boundary.
    /// </summary>
    internal int PartsOf(PrivateGroup group) => group switch
    {
        PrivateGroup.Facilities => 2,
        PrivateGroup.Services => Math.Clamp(Size / 2500, 2, DemoPlacement.Services.Length),
        _ => 1,
    };

    private readonly Dictionary<string, int> counts = [];
    private readonly Dictionary<(string Type, int Part), long> privateSlots = [];
    private static readonly Dictionary<string, (PrivateGroup Group, int Slots)> Layout = PrivateLayout.ToDictionary(l => l.Type, l => (l.Group, l.Slots));
    private readonly List<(long Subnet, PrivateGroup Group, int Part)> blocks = [];

    public InventoryPlan(int size)
    {
        if (size is < MinSize or > MaxSize)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"A generated inventory holds {MinSize:N0} to {MaxSize:N0} resources.");
        Size = size;
        foreach (var (type, share) in Shares)
            counts[type] = Math.Max(1, (int)Math.Round(size * share));

        // About 1.6 private /24s per hundred resources; aim for a dozen VPCs plus one per 5,000 resources.
        var perVpc = size * 0.016 / (12 + size / 5000.0);
        SubnetsPerVpc = 1;
        while (SubnetsPerVpc * 2 <= perVpc)
            SubnetsPerVpc *= 2;

        long slot = 0;
        var vpcBlock = (long)SubnetsPerVpc * HostsPerSubnet;
        foreach (var group in PrivateLayout.Select(l => l.Group).Distinct())
            for (var part = 0; part < PartsOf(group); part++)
            {
                slot = (slot + vpcBlock - 1) / vpcBlock * vpcBlock;
                blocks.Add((slot / HostsPerSubnet, group, part));
                foreach (var (_, type, slots) in PrivateLayout.Where(l => l.Group == group))
                {
                    privateSlots[(type, part)] = slot;
                    slot += (long)InPart(counts[type], part, PartsOf(group)) * slots;
                }
            }
        PrivateSubnets = (int)((slot + HostsPerSubnet - 1) / HostsPerSubnet);
        if (PrivateSubnets > 65_536)
            throw new ArgumentOutOfRangeException(nameof(size), size, "The inventory does not fit in 10.0.0.0/8.");
        VpcCount = (PrivateSubnets + SubnetsPerVpc - 1) / SubnetsPerVpc;
        VmSubnetStart = (int)(privateSlots[("vm", 0)] / HostsPerSubnet);
        Ipv6Subnets = ((int)(((long)counts["vm"] * VmSlots + HostsPerSubnet - 1) / HostsPerSubnet) + 1) / 2;
        PublicSubnets = (int)((PublicSlots + HostsPerSubnet - 1) / HostsPerSubnet);

        counts["subnet"] = PrivateSubnets + PublicSubnets + Ipv6Subnets;
        counts["vpc"] = VpcCount;
        counts["l2-network"] = VpcCount * L2NetworksPerVpc;
        counts["domain-record"] = Math.Max(1, size - counts.Values.Sum());
    }

    /// <summary>How many of n items land in part p of parts (item i goes to part i mod parts).</summary>
    private static int InPart(int n, int part, int parts) => (n - part + parts - 1) / parts;

    /// <summary>The size asked for; <see cref="Total"/> equals it except for the smallest sizes.</summary>
    public int Size { get; }
    public int Total => counts.Values.Sum();
    public int SubnetsPerVpc { get; }
    public int VpcCount { get; }
    public int PrivateSubnets { get; }
    public int PublicSubnets { get; }
    public int Ipv6Subnets { get; }
    public int VmSubnetStart { get; }

    public int Count(string type) => counts.GetValueOrDefault(type);

    public IReadOnlyDictionary<string, int> Counts => counts;

    // ---- private addresses ----

    /// <summary>The j-th private address of resource i of the type (j below the type's slots).</summary>
    public string PrivateIp(string type, int i, int j = 0) => Ipv4(10, 0, PrivateSlot(type, i, j));

    /// <summary>The private subnet holding resource i's addresses.</summary>
    public int PrivateSubnetOf(string type, int i) => (int)(PrivateSlot(type, i, 0) / HostsPerSubnet);

    /// <summary>Which group (physical kit, VMs, services, pods) and part a private subnet belongs to.</summary>
    internal (PrivateGroup Group, int Part) BlockOf(int subnet)
    {
        for (var b = blocks.Count - 1; b > 0; b--)
            if (subnet >= blocks[b].Subnet)
                return (blocks[b].Group, blocks[b].Part);
        return (blocks[0].Group, blocks[0].Part);
    }

    /// <summary>How many addresses of subnet s the layout hands out (its "IP used").</summary>
    public int SlotsUsed(int subnet)
    {
        long used = 0;
        long start = (long)subnet * HostsPerSubnet, end = start + HostsPerSubnet;
        foreach (var ((type, part), first) in privateSlots)
        {
            var (group, slots) = Layout[type];
            var last = first + (long)InPart(counts[type], part, PartsOf(group)) * slots;
            used += Math.Max(0, Math.Min(end, last) - Math.Max(start, first));
        }
        return (int)used;
    }

    private long PrivateSlot(string type, int i, int j)
    {
        var (group, slots) = Layout[type];
        var parts = PartsOf(group);
        return privateSlots[(type, i % parts)] + (long)(i / parts) * slots + j;
    }

    // ---- public addresses: VM EIPs, then free-standing EIPs, then load balancer EIPs ----

    private long PublicSlots => (long)counts["vm"] + counts["eip"] + counts["load-balancer"];

    public string VmEip(int vm) => Ipv4(100, 64, vm);

    public string FreeEip(int eip) => Ipv4(100, 64, counts["vm"] + (long)eip);

    public string LoadBalancerEip(int lb) => Ipv4(100, 64, counts["vm"] + (long)counts["eip"] + lb);

    // ---- IPv6: a /64 beside every second VM subnet ----

    /// <summary>Whether VM i sits in a dual-stack subnet (every second VM subnet).</summary>
    public bool DualStack(int vm) => (long)vm * VmSlots / HostsPerSubnet % 2 == 0;

    /// <summary>The j-th IPv6 address of a VM in a dual-stack subnet, inside the /64 beside it.</summary>
    public string VmIpv6(int vm, int j)
    {
        var slot = (long)vm * VmSlots;
        return $"2001:db8:{VmSubnetStart + slot / HostsPerSubnet:x}::{slot % HostsPerSubnet + j + 1:x}";
    }

    // ---- subnets: private, public, IPv6 ----

    public string SubnetCidr(int s)
    {
        if (s < PrivateSubnets)
            return $"10.{s / 256}.{s % 256}.0/24";
        if (s < PrivateSubnets + PublicSubnets)
        {
            var p = s - PrivateSubnets;
            return $"100.{64 + p / 256}.{p % 256}.0/24";
        }
        return $"2001:db8:{Ipv6Sibling(s):x}::/64";
    }

    public SubnetKind KindOf(int s) => s < PrivateSubnets ? SubnetKind.Private : s < PrivateSubnets + PublicSubnets ? SubnetKind.Public : SubnetKind.Ipv6;

    /// <summary>The VPC a subnet belongs to: private ones by block, IPv6 ones with their IPv4 sibling, public ones spread.</summary>
    public int VpcOfSubnet(int s) => KindOf(s) switch
    {
        SubnetKind.Private => s / SubnetsPerVpc,
        SubnetKind.Ipv6 => Ipv6Sibling(s) / SubnetsPerVpc,
        _ => (s - PrivateSubnets) % VpcCount,
    };

    /// <summary>The private (VM) subnet an IPv6 subnet is the sibling of.</summary>
    private int Ipv6Sibling(int s) => VmSubnetStart + 2 * (s - PrivateSubnets - PublicSubnets);

    public string VpcCidr(int v)
    {
        var first = v * SubnetsPerVpc;
        return $"10.{first / 256}.{first % 256}.0/{24 - System.Numerics.BitOperations.Log2((uint)SubnetsPerVpc)}";
    }

    internal (PrivateGroup Group, int Part) BlockOfVpc(int v) => BlockOf(v * SubnetsPerVpc);

    // ---- Kubernetes: cluster c's nodes are VMs [20c, 20c+20) and servers [2c, 2c+2) ----

    public int NodeVms => Math.Min(counts["vm"], counts["k8s-cluster"] * NodeVmsPerCluster);

    public int NodeServers => Math.Min(counts["server"], counts["k8s-cluster"] * NodeServersPerCluster);

    /// <summary>Item k of n spread evenly over m targets (monotone, so each target's items are one range).</summary>
    public static int Spread(int k, int n, int m) => (int)((long)k * m / n);

    /// <summary>The items of n spread over m that land on target t (the inverse of <see cref="Spread"/>).</summary>
    public static (int From, int To) SpreadOnto(int t, int n, int m) => ((int)(((long)t * n + m - 1) / m), (int)(((long)(t + 1) * n + m - 1) / m));

    private static string Ipv4(int first, int second, long slot)
    {
        var subnet = slot / HostsPerSubnet;
        return $"{first}.{second + subnet / 256}.{subnet % 256}.{slot % HostsPerSubnet + 1}";
    }
}

public enum SubnetKind { Private, Public, Ipv6 }

internal enum PrivateGroup { Facilities, Compute, Services, Containers }
