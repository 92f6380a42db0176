namespace Cmdb.Domain.Inventory.Demo;

/// <summary>Who sits where and belongs to whom, computed from indexes (the relations and the attributes naming other resources both use these).</summary>
public sealed partial class InventoryGenerator
{
    private const int Tries = 24;

    private DemoPlacement VpcPlacement(int v) => Plan.BlockOfVpc(v) switch
    {
        (PrivateGroup.Facilities, var part) => part == 0 ? DemoPlacement.East : DemoPlacement.West,
        (PrivateGroup.Services, var part) => DemoPlacement.Services[part],
        _ => new DemoRandom(Seed, "vpc-placement", v).Weighted(DemoPlacement.Any),
    };

    private DemoPlacement PlacementOf(string type, int i) => type switch
    {
        "host" or "server" or "network-device" or "storage" or "vm" or "load-balancer" or "rds" or "redis" => vpcPlacements[VpcOf(type, i)],
        "pod" => clusterPlacements[ClusterOfPod(i)],
        "k8s-cluster" => clusterPlacements[i],
        "disk" => PlacementOf("vm", DiskVm(i)),
        "lun" => PlacementOf("storage", LunStorage(i)),
        "subnet" => vpcPlacements[Plan.VpcOfSubnet(i)],
        "vpc" => vpcPlacements[i],
        "l2-network" => vpcPlacements[i % Plan.VpcCount],
        "security-group" => vpcPlacements[i % Plan.VpcCount],
        "eip" => EipVm(i) is var vm and >= 0 ? PlacementOf("vm", vm) : new DemoRandom(Seed, "eip-placement", i).Weighted(DemoPlacement.Clouds),
        _ => new DemoRandom(Seed, "placement-" + type, i).Weighted(DemoPlacement.Any),
    };

    /// <summary>The VPC of a resource holding a private address.</summary>
    private int VpcOf(string type, int i) => Plan.PrivateSubnetOf(type, i) / Plan.SubnetsPerVpc;

    private string VpcName(int v) => $"vpc-{vpcPlacements[v].Slug}-{v:000}";

    private string SubnetName(int s) => $"vsw-{Plan.SubnetCidr(s).Replace('/', '-').Replace("::", "--")}";

    private string VmName(int vm)
    {
        var (system, module) = Identity("vm", vm);
        return $"{system}-{module}-{PlacementOf("vm", vm).Slug}-{vm:000000}";
    }

    private string ServerName(int s) => $"srv-{PlacementOf("server", s).Slug}-{s:00000}";

    private string ClusterName(int c) => $"k8s-{(c % 5 == 4 ? "uat" : "prod")}-{clusterPlacements[c].Slug}-{c:000}";

    private static string NetworkRole(int i) => (i % 10) switch { 0 => "core", 1 or 2 => "fw", _ => "sw" };

    /// <summary>The host of an own-data-centre VM (one in the same data centre), or -1 for a cloud VM.</summary>
    private int HostOfVm(int vm)
    {
        var placement = PlacementOf("vm", vm);
        if (!placement.OwnDataCentre)
            return -1;
        var random = new DemoRandom(Seed, "vm-host", vm);
        var host = 0;
        for (var t = 0; t < Tries; t++)
        {
            host = random.Next(Plan.Count("host"));
            if (placement.IsOffice || PlacementOf("host", host).DataCenter == placement.DataCenter)
                break;
        }
        return host;
    }

    /// <summary>Cloud VMs have an EIP four times in ten.</summary>
    private bool VmHasEip(int vm) => !PlacementOf("vm", vm).OwnDataCentre && new DemoRandom(Seed, "vm-eip", vm).Chance(40);

    /// <summary>The VM an EIP resource is bound to (it then shares the VM's EIP), or -1 for a free one.</summary>
    private int EipVm(int eip)
    {
        var vm = InventoryPlan.Spread(eip, Plan.Count("eip"), Plan.Count("vm"));
        return VmHasEip(vm) ? vm : -1;
    }

    private int DiskVm(int disk) => InventoryPlan.Spread(disk, Plan.Count("disk"), Plan.Count("vm"));

    private (int From, int To) VmDisks(int vm) => InventoryPlan.SpreadOnto(vm, Plan.Count("disk"), Plan.Count("vm"));

    private int LunHost(int lun) => InventoryPlan.Spread(lun, Plan.Count("lun"), Plan.Count("host"));

    private int LunStorage(int lun) => lun % Plan.Count("storage");

    private int HostL2(int host) => VpcOf("host", host) + host % InventoryPlan.L2NetworksPerVpc * Plan.VpcCount;

    /// <summary>The k-th security group of VPC v (group g belongs to VPC g mod VPC count).</summary>
    private int SecurityGroupOf(int vpc, int k)
    {
        var total = Plan.Count("security-group");
        var inVpc = total > vpc ? (total - vpc - 1) / Plan.VpcCount + 1 : 0;
        return inVpc == 0 ? k % total : vpc + k % inVpc * Plan.VpcCount;
    }

    private IEnumerable<int> VmSecurityGroups(int vm)
    {
        var vpc = VpcOf("vm", vm);
        var first = SecurityGroupOf(vpc, vm);
        yield return first;
        if (vm % 4 == 0 && SecurityGroupOf(vpc, vm + 1) is var second && second != first)
            yield return second;
    }

    private int ClusterOfPod(int pod) => pod % Plan.Count("k8s-cluster");

    /// <summary>The node a pod runs on: one of its cluster's 20 VMs, or of its 2 servers when the cluster is in an own data centre.</summary>
    private (string Type, int Index) PodNode(int pod)
    {
        var clusters = Plan.Count("k8s-cluster");
        var cluster = pod % clusters;
        var k = pod / clusters % (InventoryPlan.NodeVmsPerCluster + InventoryPlan.NodeServersPerCluster);
        if (k >= InventoryPlan.NodeVmsPerCluster && ServerNodeCluster(cluster * InventoryPlan.NodeServersPerCluster + k - InventoryPlan.NodeVmsPerCluster) == cluster)
            return ("server", cluster * InventoryPlan.NodeServersPerCluster + k - InventoryPlan.NodeVmsPerCluster);
        return ("vm", (cluster * InventoryPlan.NodeVmsPerCluster + k % InventoryPlan.NodeVmsPerCluster) % Plan.Count("vm"));
    }

    /// <summary>The cluster a server is a bare-metal node of, or -1.</summary>
    private int ServerNodeCluster(int server) =>
        server < Plan.NodeServers && clusterPlacements[server / InventoryPlan.NodeServersPerCluster].OwnDataCentre ? server / InventoryPlan.NodeServersPerCluster : -1;

    /// <summary>A VM behind load balancer lb: in an own data centre for an F5, in a cloud for a cloud balancer.</summary>
    private int MemberVm(int lb, int k, bool ownDataCentre)
    {
        var random = new DemoRandom(Seed, "lb-member", lb * 64L + k);
        var vm = 0;
        for (var t = 0; t < Tries; t++)
        {
            vm = random.Next(Plan.Count("vm"));
            if (PlacementOf("vm", vm).OwnDataCentre == ownDataCentre)
                break;
        }
        return vm;
    }
}
