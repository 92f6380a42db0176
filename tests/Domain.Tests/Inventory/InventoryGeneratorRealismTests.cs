using Cmdb.Domain.Inventory;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Cmdb.Domain.Tests.Inventory;

/// <summary>The generated records carry every case the normalisation rules of DOMAIN.md handle.</summary>
public sealed partial class InventoryGeneratorRealismTests(GeneratedInventory inventory) : IClassFixture<GeneratedInventory>
{
    [Fact]
    public void Clouds_come_in_their_raw_and_proper_spellings_with_office_and_unknown_ones()
    {
        var clouds = inventory.Resources.Select(r => r.Cloud).ToHashSet();
        var normalized = inventory.Normalized.Select(r => r.Cloud).ToHashSet();

        Assert.Superset(new HashSet<string?> { "Alibaba Cloud", "Aliyun", "Tencent Cloud", "Qcloud", "AWS", "Aws", "VMware", "" }, clouds);
        Assert.Contains(inventory.Resources, r => r.Account == "office-vc");
        Assert.Equal(new HashSet<string> { "Alibaba Cloud", "Tencent Cloud", "AWS", "VMware", "office", InventoryNormalizer.UnknownCloud }, normalized);
        Assert.Superset(new HashSet<string?> { "dc-east", "dc-west" }, inventory.Resources.Select(r => r.DataCenter).ToHashSet());
    }

    [Fact]
    public void Statuses_are_mostly_running_in_English_or_Chinese()
    {
        var vms = inventory.OfType("vm").ToList();
        var running = vms.Count(v => v.Status is "running" or "运行中");

        Assert.InRange((double)running / vms.Count, 0.75, 0.95);
        Assert.Contains(vms, v => v.Status == "已关机");
        Assert.Contains(vms, v => v.Status == "stopped");
    }

    [Fact]
    public void Tags_carry_synthetic_owners_systems_modules_and_products()
    {
        var tagged = inventory.Resources.Where(r => r.Tags is not null).ToList();

        Assert.InRange((double)tagged.Count / inventory.Resources.Count, 0.9, 1.0);
        Assert.All(tagged, r => Assert.Matches(OwnerTag(), r.Tags!));
        Assert.Contains(tagged, r => FullTags().IsMatch(r.Tags!));
        Assert.Contains(inventory.Normalized, r => r is { Owner: not null, System: not null, Module: not null, Product: not null });
    }

    [Fact]
    public void Racked_kit_has_U_positions_including_zero_and_ACLs_with_wildcard_masks()
    {
        var racked = inventory.Resources.Where(r => r.Type is "server" or "network-device").ToList();
        var rules = inventory.OfType("network-device").SelectMany(d => d.Attributes!["aclRules"]!.AsArray()).OfType<JsonObject>().ToList();

        Assert.Contains(racked, r => r.Attributes!["uPosition"]!.GetValue<int>() == 0);
        Assert.All(racked, r => Assert.InRange(r.Attributes!["uPosition"]!.GetValue<int>(), 0, 42));
        Assert.Contains(rules, r => Wildcard().IsMatch(r["source"]!.GetValue<string>()));
        Assert.Contains(rules, r => r["destination"]!.GetValue<string>() == "any");
        var normalizedRules = inventory.Normalized.Where(r => r.Type == "network-device").Select(r => r.AttributesJson).ToList();
        Assert.DoesNotContain(normalizedRules, json => Wildcard().IsMatch(json));
    }

    [Fact]
    public void F5s_have_virtual_servers_with_pools_of_VM_members_and_cloud_balancers_member_IPs()
    {
        var vmIps = inventory.OfType("vm").SelectMany(v => v.Attributes!["privateIps"]!.AsArray().Select(i => i!.GetValue<string>())).ToHashSet();
        var balancers = inventory.OfType("load-balancer").ToList();
        var members = balancers.Where(b => b.Attributes!["virtualServers"] is not null)
            .SelectMany(b => b.Attributes!["virtualServers"]!.AsArray()).SelectMany(vs => vs!["pools"]!.AsArray()).SelectMany(p => p!["members"]!.AsArray())
            .Select(m => m!.GetValue<string>()).ToList();

        Assert.Contains(balancers, b => b.Name!.StartsWith("f5-", StringComparison.Ordinal));
        Assert.Contains(balancers, b => b.Attributes!["memberIps"] is not null);
        Assert.NotEmpty(members);
        Assert.All(members, m => Assert.Matches(MemberAddress(), m));
        Assert.All(members, m => Assert.Contains(m[..m.IndexOf(':')], vmIps));
    }

    [GeneratedRegex(@"^owner[:=]u\d{4}[,;]system[:=][a-z]+")]
    private static partial Regex OwnerTag();

    [GeneratedRegex(@"^owner:u\d{4},system:[a-z]+,module:[a-z]+,product:[a-z]+$")]
    private static partial Regex FullTags();

    [GeneratedRegex(@"^10\.\d+\.\d+\.0 0\.0\.\d+\.255$")]
    private static partial Regex Wildcard();

    [GeneratedRegex(@"^10\.\d+\.\d+\.\d+:\d+$")]
    private static partial Regex MemberAddress();
}
