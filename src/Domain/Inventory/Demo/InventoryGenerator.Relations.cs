using Cmdb.Domain.Inventory.Sync;

namespace Cmdb.Domain.Inventory.Demo;

/// <summary>The relations of <see cref="InventoryTypes.RelationKinds"/>, each derived from index arithmetic as it is read.</summary>
public sealed partial class InventoryGenerator
{
    /// <summary>Every relation of the kind (none for a kind this generator does not know).</summary>
    public IEnumerable<IncomingRelation> Relations(string kind)
    {
        IncomingRelation Link(string sourceType, int s, string targetType, int t) => new(kind, sourceType, Uid(sourceType, s), targetType, Uid(targetType, t));
        int Count(string type) => Plan.Count(type);
        switch (kind)
        {
            case "host-vm":
                for (var vm = 0; vm < Count("vm"); vm++)
                    if (HostOfVm(vm) is var host and >= 0)
                        yield return Link("host", host, "vm", vm);
                break;
            case "vm-security-group":
                for (var vm = 0; vm < Count("vm"); vm++)
                    foreach (var group in VmSecurityGroups(vm))
                        yield return Link("vm", vm, "security-group", group);
                break;
            case "vm-disk":
                for (var disk = 0; disk < Count("disk"); disk++)
                    yield return Link("vm", DiskVm(disk), "disk", disk);
                break;
            case "lb-security-group" or "rds-security-group" or "redis-security-group":
                var type = kind == "lb-security-group" ? "load-balancer" : kind[..kind.IndexOf('-')];
                for (var i = 0; i < Count(type); i++)
                    yield return Link(type, i, "security-group", SecurityGroupOf(VpcOf(type, i), i));
                break;
            case "host-lun":
                for (var lun = 0; lun < Count("lun"); lun++)
                    yield return Link("host", LunHost(lun), "lun", lun);
                break;
            case "storage-lun":
                for (var lun = 0; lun < Count("lun"); lun++)
                    yield return Link("storage", LunStorage(lun), "lun", lun);
                break;
            case "l2-network-host":
                for (var host = 0; host < Count("host"); host++)
                    yield return Link("l2-network", HostL2(host), "host", host);
                break;
            case "vpc-l2-network":
                for (var l2 = 0; l2 < Count("l2-network"); l2++)
                    yield return Link("vpc", l2 % Plan.VpcCount, "l2-network", l2);
                break;
            case "subnet-vpc":
                for (var subnet = 0; subnet < Count("subnet"); subnet++)
                    yield return Link("subnet", subnet, "vpc", Plan.VpcOfSubnet(subnet));
                break;
            case "vm-pod" or "server-pod":
                var nodeType = kind[..kind.IndexOf('-')];
                for (var pod = 0; pod < Count("pod"); pod++)
                    if (PodNode(pod) is var (podNodeType, node) && podNodeType == nodeType)
                        yield return Link(nodeType, node, "pod", pod);
                break;
            case "pod-cluster":
                for (var pod = 0; pod < Count("pod"); pod++)
                    yield return Link("pod", pod, "k8s-cluster", ClusterOfPod(pod));
                break;
            case "vm-cluster":
                for (var vm = 0; vm < Plan.NodeVms; vm++)
                    yield return Link("vm", vm, "k8s-cluster", vm / InventoryPlan.NodeVmsPerCluster);
                break;
            case "server-cluster":
                for (var server = 0; server < Plan.NodeServers; server++)
                    if (ServerNodeCluster(server) is var cluster and >= 0)
                        yield return Link("server", server, "k8s-cluster", cluster);
                break;
            case "project-resource":
                for (var vm = 0; vm < Count("vm"); vm += 10)
                    yield return Link("project", vm / 10 % Count("project"), "vm", vm);
                foreach (var owned in new[] { "load-balancer", "rds", "redis" })
                    for (var i = 0; i < Count(owned); i++)
                        yield return Link("project", i % Count("project"), owned, i);
                break;
        }
    }
}
