using System.Text.Json.Nodes;
using Cmdb.Domain.Inventory;
using Cmdb.Domain.Inventory.Sync;

namespace Cmdb.Domain.Tests.Inventory;

/// <summary>A whole incoming record under the DOMAIN.md rules: what is kept, typed, indexed or left out.</summary>
public sealed class RecordNormalizationTests
{
    private static NormalizedResource Normalize(IncomingResource incoming) => InventoryNormalizer.Normalize(incoming)!;

    private static JsonObject Attributes(NormalizedResource resource) => JsonNode.Parse(resource.AttributesJson)!.AsObject();

    [Fact]
    public void A_VM_that_failed_scheduling_is_left_out()
    {
        Assert.Null(InventoryNormalizer.Normalize(new IncomingResource("vm", "vm-1", Status: "schedule_failed")));
        Assert.Null(InventoryNormalizer.Normalize(new IncomingResource("vm", "vm-2", Status: "调度失败")));
        Assert.NotNull(InventoryNormalizer.Normalize(new IncomingResource("vm", "vm-3", Status: "running")));
    }

    [Fact]
    public void A_cloud_VM_has_no_host_and_an_office_VM_keeps_it()
    {
        var cloud = Normalize(new IncomingResource("vm", "vm-1", Cloud: "Qcloud", Attributes: new JsonObject { ["host"] = "esx-01" }));
        var office = Normalize(new IncomingResource("vm", "vm-2", Cloud: "vmware", Account: "office-vc", Attributes: new JsonObject { ["host"] = "esx-01" }));

        Assert.Null(Attributes(cloud)["host"]);
        Assert.Equal("office", office.Cloud);
        Assert.Equal("esx-01", Attributes(office)["host"]!.GetValue<string>());
    }

    [Fact]
    public void Attributes_are_typed_by_their_field_and_unknown_ones_dropped()
    {
        var vm = Normalize(new IncomingResource("vm", "vm-1", Attributes: new JsonObject
        {
            ["CPU"] = "8", ["memory"] = 15.6, ["privateIps"] = "10.1.0.1; 10.1.0.2,10.1.0.1", ["shoeSize"] = 44, ["osVersion"] = "  Linux 6 ",
        }));

        var attributes = Attributes(vm);
        Assert.Equal(8, attributes["cpu"]!.GetValue<long>());
        Assert.Equal(16, attributes["memory"]!.GetValue<long>());
        Assert.Equal(["10.1.0.1", "10.1.0.2"], attributes["privateIps"]!.AsArray().Select(i => i!.GetValue<string>()));
        Assert.Null(attributes["shoeSize"]);
        Assert.Equal("Linux 6", attributes["osVersion"]!.GetValue<string>());
    }

    [Fact]
    public void Addresses_go_to_the_IP_index_with_their_role_and_bad_ones_stay_out()
    {
        var vm = Normalize(new IncomingResource("vm", "vm-1", Attributes: new JsonObject
        {
            ["privateIps"] = new JsonArray("10.1.0.1", "not-an-ip"), ["eips"] = new JsonArray("203.0.113.7"), ["ipv6s"] = new JsonArray("2001:db8::7"),
        }));

        Assert.Equal([("10.1.0.1", "private"), ("203.0.113.7", "eip"), ("2001:db8::7", "ipv6")], vm.Addresses.Select(a => (a.Address, a.Role)));
        Assert.Equal(IpKey.Hex(System.Net.IPAddress.Parse("10.1.0.1")), vm.Addresses[0].Key);
    }

    [Fact]
    public void Tags_fill_owner_system_module_and_product_and_an_explicit_owner_wins()
    {
        var tagged = Normalize(new IncomingResource("vm", "vm-1", Tags: "owner:u1,system:pos,module:api,product:retail"));
        var owned = Normalize(new IncomingResource("vm", "vm-2", Owner: "u9", Tags: "owner:u1"));

        Assert.Equal(("u1", "pos", "api", "retail"), (tagged.Owner, tagged.System, tagged.Module, tagged.Product));
        Assert.Equal("u9", owned.Owner);
    }

    [Fact]
    public void Rack_and_ACL_rules_follow_the_rules_of_the_room()
    {
        var device = Normalize(new IncomingResource("network-device", "sw-1", Attributes: new JsonObject
        {
            ["uPosition"] = 0,
            ["aclRules"] = new JsonArray(new JsonObject { ["source"] = "10.1.0.0 0.0.255.255", ["destination"] = "any", ["ports"] = "443" }),
        }));

        var attributes = Attributes(device);
        Assert.Equal(-1, attributes["uPosition"]!.GetValue<long>());
        Assert.Equal("10.1.0.0/16", attributes["aclRules"]![0]!["source"]!.GetValue<string>());
        Assert.Equal("any", attributes["aclRules"]![0]!["destination"]!.GetValue<string>());
    }

    [Fact]
    public void F5_pool_members_are_indexed_as_member_addresses()
    {
        var lb = Normalize(new IncomingResource("load-balancer", "lb-1", Attributes: new JsonObject
        {
            ["ips"] = new JsonArray("10.2.0.10"),
            ["virtualServers"] = new JsonArray(new JsonObject
            {
                ["name"] = "vs-web", ["address"] = "10.2.0.10:443",
                ["pools"] = new JsonArray(new JsonObject { ["name"] = "pool-web", ["members"] = new JsonArray("10.2.1.1:8080", "10.2.1.2:8080") }),
            }),
        }));

        Assert.Equal([("10.2.0.10", "vip"), ("10.2.1.1", "member"), ("10.2.1.2", "member")], lb.Addresses.Select(a => (a.Address, a.Role)));
    }

    [Fact]
    public void A_subnet_gets_its_address_range()
    {
        var subnet = Normalize(new IncomingResource("subnet", "sn-1", Attributes: new JsonObject { ["cidr"] = "10.3.0.0/16" }));

        Assert.Equal("10.3.0.0/16", subnet.Range!.Cidr);
        Assert.Equal(IpKey.Hex(System.Net.IPAddress.Parse("10.3.0.0")), subnet.Range.StartKey);
        Assert.Equal(IpKey.Hex(System.Net.IPAddress.Parse("10.3.255.255")), subnet.Range.EndKey);
    }

    [Fact]
    public void Equal_content_hashes_equal_and_any_change_changes_the_hash()
    {
        var a = Normalize(new IncomingResource("vm", "vm-1", "n", Attributes: new JsonObject { ["cpu"] = 4, ["memory"] = 8 }));
        var b = Normalize(new IncomingResource("vm", "vm-1", "n", Attributes: new JsonObject { ["memory"] = "8", ["cpu"] = "4" }));
        var c = Normalize(new IncomingResource("vm", "vm-1", "n", Attributes: new JsonObject { ["cpu"] = 4, ["memory"] = 16 }));

        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a.Hash, c.Hash);
    }

    [Fact]
    public void Values_longer_than_their_column_are_cut_and_Chinese_is_kept_readable()
    {
        var vm = Normalize(new IncomingResource("vm", "vm-1", new string('n', 300), Attributes: new JsonObject { ["osVersion"] = "麒麟 V10" }));

        Assert.Equal(200, vm.Name.Length);
        Assert.Contains("麒麟 V10", vm.AttributesJson);
    }

    [Fact]
    public void Every_field_name_is_a_plain_identifier_so_it_is_safe_in_a_JSON_path()
    {
        Assert.All(InventoryTypes.All.SelectMany(t => t.Fields), f => Assert.Matches("^[a-zA-Z][a-zA-Z0-9]*$", f.Name));
        Assert.All(InventoryTypes.All, t => Assert.Equal(t.Fields.Count, t.Fields.Select(f => f.Name.ToLowerInvariant()).Distinct().Count()));
    }
}
