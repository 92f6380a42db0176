using System.Net;
using Cmdb.Domain.Inventory;
using Cmdb.Domain.Inventory.Sync;

namespace Cmdb.Domain.Tests.Inventory;

/// <summary>The generated addresses, subnets, VPCs and relations hang together the way an inventory does.</summary>
public sealed class InventoryGeneratorTopologyTests(GeneratedInventory inventory) : IClassFixture<GeneratedInventory>
{
    [Fact]
    public void There_are_about_three_IP_index_rows_per_resource()
    {
        var rows = inventory.Normalized.Sum(r => r.Addresses.Count);

        Assert.InRange((double)rows / inventory.Resources.Count, 2.5, 3.5);
        Assert.Equal(["eip", "ipv6", "management", "member", "pod", "private", "vip"], inventory.Normalized.SelectMany(r => r.Addresses).Select(a => a.Role).Distinct().Order());
    }

    [Fact]
    public void Every_address_lies_in_a_generated_subnet()
    {
        var ranges = inventory.Normalized.Where(r => r.Range is not null).Select(r => r.Range!).OrderBy(r => r.StartKey, StringComparer.Ordinal).ToList();
        var starts = ranges.Select(r => r.StartKey).ToList();

        var addresses = inventory.Normalized.SelectMany(r => r.Addresses).ToList();
        Assert.All(addresses, a =>
        {
            var index = starts.BinarySearch(a.Key, StringComparer.Ordinal);
            Assert.True(index >= 0 || ~index > 0, $"{a.Address} is below every subnet");
            var range = ranges[index >= 0 ? index : ~index - 1];
            Assert.True(string.CompareOrdinal(a.Key, range.EndKey) <= 0, $"{a.Address} is in no subnet");
        });
        var vms = inventory.Normalized.Where(r => r.Type == "vm").ToList();
        var dualStack = vms.Count(v => v.Addresses.Any(a => IPAddress.Parse(a.Address).AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6));
        Assert.InRange((double)dualStack / vms.Count, 0.2, 0.6); // some IPv6, not everywhere
    }

    [Fact]
    public void An_address_has_one_holder_per_type_and_role()
    {
        var held = inventory.Normalized.SelectMany(r => r.Addresses.Where(a => a.Role != "member").Select(a => (r.Type, a.Role, a.Key))).ToList();

        Assert.Equal(held.Count, held.Distinct().Count());
        // A bound EIP is the VM's EIP: both hold it, as IP search should show.
        var vmEips = inventory.Normalized.Where(r => r.Type == "vm").SelectMany(r => r.Addresses.Where(a => a.Role == "eip").Select(a => a.Key)).ToHashSet();
        Assert.Contains(inventory.Normalized.Where(r => r.Type == "eip"), e => vmEips.Contains(e.Addresses[0].Key));
    }

    [Fact]
    public void Subnets_lie_in_their_VPCs_and_name_them()
    {
        var vpcs = inventory.OfType("vpc").ToDictionary(v => v.Name!, v => GeneratedInventory.Text(v, "cidr")!);
        var vpcByUid = inventory.OfType("vpc").ToDictionary(v => v.Uid, v => v.Name!);
        var subnetVpc = inventory.Relations.Where(r => r.Kind == "subnet-vpc").ToDictionary(r => r.SourceUid, r => vpcByUid[r.TargetUid]);

        foreach (var subnet in inventory.OfType("subnet"))
        {
            var vpc = GeneratedInventory.Text(subnet, "vpcName")!;
            Assert.True(vpcs.ContainsKey(vpc), $"{subnet.Name} names {vpc}");
            Assert.Equal(vpc, subnetVpc[subnet.Uid]);
            var cidr = GeneratedInventory.Text(subnet, "cidr")!;
            if (cidr.StartsWith("10.", StringComparison.Ordinal))
                Assert.True(IPNetwork.Parse(vpcs[vpc]).Contains(IPAddress.Parse(cidr[..cidr.IndexOf('/')])), $"{cidr} outside {vpc} {vpcs[vpc]}");
        }
    }

    [Fact]
    public void Every_relation_kind_joins_generated_resources_of_its_types()
    {
        var uids = inventory.Resources.Select(r => (r.Type, r.Uid)).ToHashSet();
        foreach (var (kind, sourceType, targetType) in InventoryTypes.RelationKinds)
        {
            var relations = inventory.Relations.Where(r => r.Kind == kind).ToList();
            Assert.True(relations.Count > 0, $"{kind} has relations");
            Assert.All(relations, relation =>
            {
                Assert.Equal(sourceType, relation.SourceType);
                Assert.True(targetType == "*" || targetType == relation.TargetType, $"{kind}: {relation.TargetType}");
                Assert.Contains((relation.SourceType, relation.SourceUid), uids);
                Assert.Contains((relation.TargetType, relation.TargetUid), uids);
            });
            Assert.Equal(relations.Count, relations.Select(r => (r.SourceUid, r.TargetUid)).Distinct().Count());
        }
    }

    [Fact]
    public void VMs_in_own_data_centres_run_on_a_host_there_and_cloud_VMs_on_none()
    {
        var hosts = inventory.OfType("host").ToDictionary(h => h.Uid);
        var vms = inventory.OfType("vm").ToDictionary(v => v.Uid);
        var hostOf = inventory.Relations.Where(r => r.Kind == "host-vm").ToDictionary(r => r.TargetUid, r => hosts[r.SourceUid]);

        Assert.All(hosts.Values, h => Assert.Contains(h.DataCenter, new[] { "dc-east", "dc-west" }));
        foreach (var vm in vms.Values)
        {
            var own = vm.Account is "idc-vc-east" or "idc-vc-west" or "office-vc";
            Assert.Equal(own, hostOf.ContainsKey(vm.Uid));
            if (own)
            {
                Assert.Equal(hostOf[vm.Uid].Name, GeneratedInventory.Text(vm, "host"));
                if (vm.Account != "office-vc")
                    Assert.Equal(vm.DataCenter, hostOf[vm.Uid].DataCenter);
            }
        }
    }

    [Fact]
    public void Attributes_that_name_other_resources_agree_with_the_relations()
    {
        var disks = inventory.Relations.Where(r => r.Kind == "vm-disk").ToLookup(r => r.SourceUid, r => r.TargetUid);
        var groups = inventory.Relations.Where(r => r.Kind == "vm-security-group").ToLookup(r => r.SourceUid, r => r.TargetUid);
        foreach (var vm in inventory.OfType("vm"))
        {
            Assert.Equal(disks[vm.Uid].Order(), (vm.Attributes!["disks"]?.AsArray().Select(d => d!.GetValue<string>()) ?? []).Order());
            Assert.Equal(groups[vm.Uid].Order(), vm.Attributes!["securityGroups"]!.AsArray().Select(d => d!.GetValue<string>()).Order());
        }
        var clusters = inventory.OfType("k8s-cluster").ToDictionary(c => c.Uid, c => c.Name);
        var podCluster = inventory.Relations.Where(r => r.Kind == "pod-cluster").ToDictionary(r => r.SourceUid, r => clusters[r.TargetUid]);
        var nodeNames = inventory.Resources.Where(r => r.Type is "vm" or "server").ToDictionary(r => r.Uid, r => r.Name);
        var podNode = inventory.Relations.Where(r => r.Kind is "vm-pod" or "server-pod").ToDictionary(r => r.TargetUid, r => nodeNames[r.SourceUid]);
        Assert.All(inventory.OfType("pod"), pod =>
        {
            Assert.Equal(podCluster[pod.Uid], GeneratedInventory.Text(pod, "clusterName"));
            Assert.Equal(podNode[pod.Uid], GeneratedInventory.Text(pod, "nodeName"));
        });
    }
}
