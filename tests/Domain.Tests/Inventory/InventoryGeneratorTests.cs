using System.Net;
using Cmdb.Domain.Inventory;
using Cmdb.Domain.Inventory.Demo;
using Cmdb.Domain.Inventory.Sync;

namespace Cmdb.Domain.Tests.Inventory;

/// <summary>The synthetic inventory: deterministic, every type, relations that resolve, addresses inside subnets, about three IP rows per resource.</summary>
public sealed class InventoryGeneratorTests
{
    private static async Task<List<IncomingResource>> AllAsync(GeneratedInventoryConnector source)
    {
        var all = new List<IncomingResource>();
        foreach (var type in InventoryTypes.All)
            await foreach (var resource in source.ReadResourcesAsync(type.Key, CancellationToken.None))
                all.Add(resource);
        return all;
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_inventory_and_another_seed_another()
    {
        var a = await AllAsync(new GeneratedInventoryConnector(2000, seed: 7));
        var b = await AllAsync(new GeneratedInventoryConnector(2000, seed: 7));
        var c = await AllAsync(new GeneratedInventoryConnector(2000, seed: 8));

        Assert.Equal(a.Select(r => InventoryNormalizer.Normalize(r)?.Hash), b.Select(r => InventoryNormalizer.Normalize(r)?.Hash));
        Assert.NotEqual(a.Select(r => InventoryNormalizer.Normalize(r)?.Hash), c.Select(r => InventoryNormalizer.Normalize(r)?.Hash));
    }

    [Fact]
    public async Task Every_type_is_present_and_the_size_is_about_what_was_asked()
    {
        var all = await AllAsync(new GeneratedInventoryConnector(20_000));

        Assert.All(InventoryTypes.All, t => Assert.Contains(all, r => r.Type == t.Key));
        Assert.InRange(all.Count, 19_000, 21_500);
        Assert.Equal(all.Count, all.Select(r => (r.Type, r.Uid)).Distinct().Count());
    }

    [Fact]
    public async Task There_are_about_three_IP_index_rows_per_resource_and_every_address_lies_in_a_generated_subnet()
    {
        var all = await AllAsync(new GeneratedInventoryConnector(20_000));
        var normalized = all.Select(InventoryNormalizer.Normalize).OfType<NormalizedResource>().ToList();
        var ranges = normalized.Where(r => r.Range is not null).Select(r => r.Range!).OrderBy(r => r.StartKey, StringComparer.Ordinal).ToList();
        var starts = ranges.Select(r => r.StartKey).ToList();

        var addresses = normalized.SelectMany(r => r.Addresses).ToList();
        var perResource = (double)addresses.Count / all.Count;
        Assert.InRange(perResource, 2.5, 3.5);
        Assert.All(addresses, a =>
        {
            var index = starts.BinarySearch(a.Key, StringComparer.Ordinal);
            var range = ranges[index >= 0 ? index : ~index - 1];
            Assert.True(string.CompareOrdinal(a.Key, range.EndKey) <= 0, $"{a.Address} is in no subnet");
        });
        Assert.Contains(all, r => r.Cloud == "Qcloud");
        Assert.Contains(all, r => r.Account == "office-vc");
        Assert.Contains(all, r => r.Cloud == "");
        Assert.Contains(normalized.SelectMany(r => r.Addresses), a => a.Role == "ipv6");
        Assert.Contains(normalized.SelectMany(r => r.Addresses), a => a.Role == "member");
        Assert.True(all.Count - normalized.Count > 0, "some VMs failed scheduling and are left out");
    }

    [Fact]
    public async Task Every_relation_joins_two_generated_resources_of_its_kinds_types()
    {
        var source = new GeneratedInventoryConnector(5_000);
        var uids = (await AllAsync(source)).Select(r => (r.Type, r.Uid)).ToHashSet();
        foreach (var (kind, sourceType, targetType) in InventoryTypes.RelationKinds)
        {
            var count = 0;
            await foreach (var relation in source.ReadRelationsAsync(kind, CancellationToken.None))
            {
                count++;
                Assert.Equal(sourceType, relation.SourceType);
                Assert.True(targetType == "*" || targetType == relation.TargetType, $"{kind}: {relation.TargetType}");
                Assert.Contains((relation.SourceType, relation.SourceUid), uids);
                Assert.Contains((relation.TargetType, relation.TargetUid), uids);
            }
            Assert.True(count > 0 || kind == "server-pod", $"{kind} has relations");
        }
    }

    [Fact]
    public async Task A_million_resources_are_generated_lazily()
    {
        var source = new GeneratedInventoryConnector(1_000_000);
        var first = new List<IncomingResource>();
        await foreach (var vm in source.ReadResourcesAsync("vm", CancellationToken.None))
        {
            first.Add(vm);
            if (first.Count == 3)
                break;
        }

        Assert.Equal(450_000, source.Plan.Count("vm"));
        Assert.Equal(["vm-00000000", "vm-00000001", "vm-00000002"], first.Select(v => v.Uid));
        Assert.True(IPAddress.TryParse(first[0].Attributes!["privateIps"]![0]!.GetValue<string>(), out _));
    }
}
