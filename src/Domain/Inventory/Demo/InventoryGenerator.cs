using System.Text.Json.Nodes;
using Cmdb.Domain.Inventory.Sync;

namespace Cmdb.Domain.Inventory.Demo;

/// <summary>
/// A synthetic inventory of a retail chain's infra team: two own data centres (dc-east, dc-west)
/// and an office vCenter, three clouds reported the way a CMP reports them (Alibaba Cloud/Aliyun,
/// Tencent Cloud/Qcloud, AWS/Aws, now and then no cloud at all), every resource type with its
/// fields, relations and addresses (about three IP index rows per resource).
/// <para>
/// Deterministic and streamed: resource i of a type is made from (seed, type, i) and the
/// <see cref="InventoryPlan"/> alone, relations from index arithmetic, so a million resources are
/// never held in memory. Only the placement of each VPC and cluster (a few hundred) is kept.
/// </para>
/// </summary>
public sealed partial class InventoryGenerator
{
    private static readonly DateTime Epoch = new(2021, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Dictionary<string, string> UidPrefixes = new()
    {
        ["vm"] = "i", ["host"] = "host", ["server"] = "srv", ["network-device"] = "nd", ["storage"] = "stor", ["lun"] = "lun",
        ["subnet"] = "vsw", ["vpc"] = "vpc", ["l2-network"] = "l2", ["security-group"] = "sg", ["load-balancer"] = "lb", ["rds"] = "rm",
        ["redis"] = "r", ["disk"] = "d", ["domain-record"] = "dr", ["project"] = "prj", ["k8s-cluster"] = "cls", ["pod"] = "pod", ["eip"] = "eip",
    };

    private readonly DemoPlacement[] vpcPlacements;
    private readonly DemoPlacement[] clusterPlacements;

    public InventoryGenerator(int size, int seed = 1)
    {
        Plan = new InventoryPlan(size);
        Seed = seed;
        vpcPlacements = [.. Enumerable.Range(0, Plan.VpcCount).Select(VpcPlacement)];
        clusterPlacements = [.. Enumerable.Range(0, Plan.Count("k8s-cluster")).Select(c => PlacementOf("vm", Math.Min(c * InventoryPlan.NodeVmsPerCluster, Plan.Count("vm") - 1)))];
    }

    public InventoryPlan Plan { get; }
    public int Seed { get; }

    /// <summary>The stable id of resource i of a type (the same for every seed).</summary>
    public static string Uid(string type, int i) => $"{UidPrefixes.GetValueOrDefault(type, type)}-{i:x8}";

    /// <summary>Every resource of the type, made on demand.</summary>
    public IEnumerable<IncomingResource> Resources(string type)
    {
        var count = Plan.Count(type);
        for (var i = 0; i < count; i++)
            yield return Resource(type, i);
    }

    public IncomingResource Resource(string type, int i)
    {
        if (InventoryTypes.Find(type) is null || (uint)i >= (uint)Plan.Count(type))
            throw new ArgumentOutOfRangeException(nameof(i), $"There is no {type} {i} in this inventory.");
        var random = new DemoRandom(Seed, type, i);
        var (system, module) = Identity(random);
        var owner = DemoNames.User(random);
        var tags = DemoNames.Tags(random, system, module, owner);
        var env = random.Weighted(DemoNames.Envs);
        var status = random.Weighted(Passive(type) ? DemoNames.PassiveStatuses : DemoNames.RunningStatuses);
        if (type == "vm" && random.Chance(1))
            status = "schedule_failed"; // left out by the normaliser
        var created = Epoch.AddMinutes(random.Next(5 * 365 * 24 * 60));
        var placement = type == "project" ? null : PlacementOf(type, i);
        var cloud = placement?.Cloud(random);
        var attributes = Attributes(type, i, random, placement);
        foreach (var empty in attributes.Where(a => a.Value is null).Select(a => a.Key).ToList())
            attributes.Remove(empty);
        return new IncomingResource(type, Uid(type, i), Name(type, i, system, module, placement), cloud, placement?.Account, null,
            placement?.DataCenter, env, null, tags.Length == 0 ? null : tags, status.Length == 0 ? null : status, created, attributes);
    }

    /// <summary>The first draws of every resource: its system and module (so other resources can name it without making it).</summary>
    private static (string System, string Module) Identity(DemoRandom random) => (random.Pick(DemoNames.Systems), random.Pick(DemoNames.Modules));

    private (string System, string Module) Identity(string type, int i) => Identity(new DemoRandom(Seed, type, i));

    private static bool Passive(string type) => type is "subnet" or "vpc" or "l2-network" or "security-group" or "domain-record" or "project" or "eip" or "lun";

    private JsonObject Attributes(string type, int i, DemoRandom random, DemoPlacement? placement) => type switch
    {
        "vm" => Vm(i, random, placement!),
        "host" => Host(i, random),
        "server" => Server(i, random),
        "network-device" => NetworkDevice(i, random),
        "storage" => Storage(i, random),
        "lun" => Lun(i, random),
        "subnet" => Subnet(i),
        "vpc" => new JsonObject { ["cidr"] = Plan.VpcCidr(i), ["region"] = placement!.DataCenter },
        "l2-network" => new JsonObject { ["vlanId"] = 100 + i / Plan.VpcCount * 10 + i % Plan.VpcCount % 10, ["vpcName"] = VpcName(i % Plan.VpcCount) },
        "security-group" => SecurityGroup(i, random),
        "load-balancer" => LoadBalancer(i, random, placement!),
        "rds" => Rds(i, random),
        "redis" => Redis(i, random),
        "disk" => Disk(i, random, placement!),
        "domain-record" => DomainRecord(i, random),
        "project" => new JsonObject { ["code"] = $"PRJ{i + 1:00000}", ["manager"] = DemoNames.User(random) },
        "k8s-cluster" => Cluster(i, random),
        "pod" => Pod(i),
        "eip" => Eip(i, random),
        _ => [],
    };

    private string Name(string type, int i, string system, string module, DemoPlacement? placement) => type switch
    {
        "vm" => $"{system}-{module}-{placement!.Slug}-{i:000000}",
        "host" => $"esxi-{placement!.Slug}-{i:00000}",
        "server" => $"srv-{placement!.Slug}-{i:00000}",
        "network-device" => $"{NetworkRole(i)}-{placement!.Slug}-{i:0000}",
        "storage" => $"stor-{placement!.Slug}-{i:000}",
        "lun" => $"lun-{i:000000}",
        "subnet" => SubnetName(i),
        "vpc" => VpcName(i),
        "l2-network" => $"l2-{placement!.Slug}-{i:0000}",
        "security-group" => $"sg-{system}-{module}-{i:00000}",
        "load-balancer" => placement!.OwnDataCentre ? $"f5-{placement.Slug}-{i:0000}" : $"slb-{system}-{i:00000}",
        "rds" => $"rds-{system}-{i:00000}",
        "redis" => $"redis-{system}-{i:00000}",
        "disk" => $"{VmName(DiskVm(i))}-data{i % 3}",
        "domain-record" => $"{system}-{module}-{i:000000}.{DemoNames.Zones[i % DemoNames.Zones.Length]}",
        "project" => $"{system}-{module}-project-{i:0000}",
        "k8s-cluster" => ClusterName(i),
        "pod" => $"{system}-{module}-{Uid("pod", i)[4..]}-{i % 7:x}{i % 13:x}",
        "eip" => $"eip-{i:000000}",
        _ => Uid(type, i),
    };
}
