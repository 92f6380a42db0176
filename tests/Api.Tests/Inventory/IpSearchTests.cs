using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cmdb.Api.Tests.Tickets;
using Cmdb.Domain.Inventory;

namespace Cmdb.Api.Tests.Inventory;

/// <summary>IP信息检索 on MariaDB: holders, subnets, VPCs, pods and clusters; bad entries reported one by one.</summary>
public sealed class IpSearchTests(TicketService service) : IClassFixture<TicketService>
{
    private static int _next;

    private async Task<InventoryResource> ResourceAsync(string type, string name, string cloud = "Tencent Cloud")
    {
        var resource = new InventoryResource
        {
            Type = type, ResourceUid = $"{type}-{Interlocked.Increment(ref _next)}-{Guid.NewGuid():N}"[..30], Name = name, Cloud = cloud, Status = "运行中",
            CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
        };
        await service.Db(async db =>
        {
            db.InventoryResources.Add(resource);
            return await db.SaveChangesAsync();
        });
        return resource;
    }

    private Task<int> HoldAsync(InventoryResource resource, string address, string role) => service.Db(async db =>
    {
        db.IpIndex.Add(new IpIndexEntry { Key = IpKey.Hex(System.Net.IPAddress.Parse(address)), Address = address, ResourceId = resource.Id, ResourceType = resource.Type, Role = role });
        return await db.SaveChangesAsync();
    });

    private Task<int> RelateAsync(InventoryResource source, InventoryResource target, string kind) => service.Db(async db =>
    {
        db.ResourceRelations.Add(new ResourceRelation { SourceId = source.Id, SourceType = source.Type, TargetId = target.Id, TargetType = target.Type, Kind = kind });
        return await db.SaveChangesAsync();
    });

    private async Task<InventoryResource> SubnetAsync(string cidr, InventoryResource? vpc = null)
    {
        var subnet = await ResourceAsync("subnet", $"subnet {cidr}");
        var parts = cidr.Split('/');
        var (start, end) = IpKey.Range(System.Net.IPAddress.Parse(parts[0]), int.Parse(parts[1]));
        await service.Db(async db =>
        {
            db.SubnetRanges.Add(new SubnetRange { ResourceId = subnet.Id, StartKey = IpKey.Hex(start), EndKey = IpKey.Hex(end), Cidr = cidr });
            return await db.SaveChangesAsync();
        });
        if (vpc is not null)
            await RelateAsync(subnet, vpc, "subnet-vpc");
        return subnet;
    }

    private async Task<List<JsonElement>> SearchAsync(params string[] ips)
    {
        var response = await service.As(TestAuth.IdcUser).PostAsJsonAsync("/api/inventory/ip-search", new { ips });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    [Fact]
    public async Task A_VM_address_finds_the_VM_its_subnet_and_VPC_and_its_pods_and_cluster()
    {
        var vpc = await ResourceAsync("vpc", "vpc-edge");
        await SubnetAsync("10.71.0.0/16", vpc);
        var vm = await ResourceAsync("vm", "pos-gateway-01");
        var pod = await ResourceAsync("pod", "gateway-7d9f");
        var cluster = await ResourceAsync("k8s-cluster", "casea-prod-east-01");
        await HoldAsync(vm, "10.71.3.4", "private");
        await RelateAsync(vm, pod, "vm-pod");
        await RelateAsync(vm, cluster, "vm-cluster");

        var result = Assert.Single(await SearchAsync(" 10.71.3.4 "));

        var holder = Assert.Single(result.GetProperty("holders").EnumerateArray());
        Assert.Equal("pos-gateway-01", holder.GetProperty("resource").GetProperty("name").GetString());
        Assert.Equal("private", holder.GetProperty("role").GetString());
        Assert.Equal("10.71.0.0/16", holder.GetProperty("subnet").GetProperty("cidr").GetString());
        Assert.Equal("vpc-edge", holder.GetProperty("subnet").GetProperty("vpc").GetProperty("name").GetString());
        Assert.Equal(["gateway-7d9f"], holder.GetProperty("pods").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(["casea-prod-east-01"], holder.GetProperty("clusters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task An_address_nobody_holds_still_returns_its_innermost_subnet()
    {
        await SubnetAsync("10.72.0.0/16");
        await SubnetAsync("10.72.5.0/24");

        var result = Assert.Single(await SearchAsync("10.72.5.200"));

        Assert.Empty(result.GetProperty("holders").EnumerateArray());
        Assert.Equal("10.72.5.0/24", result.GetProperty("subnet").GetProperty("cidr").GetString());
    }

    [Fact]
    public async Task An_address_past_a_nested_subnet_gets_the_enclosing_one_and_an_address_outside_every_subnet_gets_none()
    {
        await SubnetAsync("10.76.0.0/16");
        await SubnetAsync("10.76.1.0/24");
        await SubnetAsync("10.76.2.0/24");

        var results = await SearchAsync("10.76.9.1", "10.76.2.7", "10.77.0.1");

        Assert.Equal("10.76.0.0/16", results[0].GetProperty("subnet").GetProperty("cidr").GetString());
        Assert.Equal("10.76.2.0/24", results[1].GetProperty("subnet").GetProperty("cidr").GetString());
        Assert.Equal(JsonValueKind.Null, results[2].GetProperty("subnet").ValueKind);
    }

    [Fact]
    public async Task IPv6_CIDRs_ranges_and_several_holders_of_one_address_are_found()
    {
        var lb = await ResourceAsync("load-balancer", "lb-checkout");
        var vm = await ResourceAsync("vm", "checkout-01");
        await HoldAsync(lb, "2001:db8:73::10", "vip");
        await HoldAsync(vm, "2001:db8:73::10", "ipv6");
        var server = await ResourceAsync("server", "db-01");
        await HoldAsync(server, "10.73.0.9", "management");

        var results = await SearchAsync("2001:db8:73::10", "10.73.0.0/28", "10.73.0.1-10.73.0.8");

        Assert.Equal(2, results[0].GetProperty("holders").GetArrayLength());
        Assert.Equal(["10.73.0.9"], results[1].GetProperty("holders").EnumerateArray().Select(h => h.GetProperty("address").GetString()));
        Assert.Equal(0, results[2].GetProperty("holders").GetArrayLength());
    }

    [Fact]
    public async Task Invalid_entries_are_reported_each_without_failing_the_others()
    {
        var vm = await ResourceAsync("vm", "ok-01");
        await HoldAsync(vm, "10.74.0.1", "private");

        var results = await SearchAsync("10.74.0.1, 10.74.0.999", "10.74.0.0/40");

        Assert.Equal([true, false, false], results.Select(r => r.GetProperty("valid").GetBoolean()));
        Assert.Equal("not an IP address", results[1].GetProperty("problem").GetString());
        Assert.Equal("the prefix length must be 0–32", results[2].GetProperty("problem").GetString());
        Assert.Single(results[0].GetProperty("holders").EnumerateArray());
    }

    [Fact]
    public async Task An_empty_search_is_a_400_and_an_injection_attempt_is_just_a_bad_entry()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await service.As(TestAuth.IdcUser).PostAsJsonAsync("/api/inventory/ip-search", new { ips = Array.Empty<string>() })).StatusCode);
        var result = Assert.Single(await SearchAsync("1'OR'1'='1"));
        Assert.False(result.GetProperty("valid").GetBoolean());
    }
}
