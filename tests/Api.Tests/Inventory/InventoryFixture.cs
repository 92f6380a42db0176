using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Api.Tests.Tickets;
using Cmdb.Domain.Inventory.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Api.Tests.Inventory;

/// <summary>A source held in memory: what a sync reads, set by the test.</summary>
public sealed class ListConnector(string name = "test") : IInventoryConnector
{
    public Dictionary<string, List<IncomingResource>> Resources { get; } = [];
    public Dictionary<string, List<IncomingRelation>> Relations { get; } = [];
    public Exception? Failure { get; set; }

    public string Name => name;

    public ListConnector With(params IncomingResource[] resources)
    {
        foreach (var resource in resources)
        {
            if (!Resources.TryGetValue(resource.Type, out var list))
                Resources[resource.Type] = list = [];
            list.Add(resource);
        }
        return this;
    }

    public ListConnector Relate(string kind, params IncomingRelation[] relations)
    {
        if (!Relations.TryGetValue(kind, out var list))
            Relations[kind] = list = [];
        list.AddRange(relations.Select(r => r with { Kind = kind }));
        return this;
    }

    public async IAsyncEnumerable<IncomingResource> ReadResourcesAsync(string type, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (Failure is not null)
            throw Failure;
        foreach (var resource in Resources.GetValueOrDefault(type) ?? [])
            yield return resource;
    }

    public async IAsyncEnumerable<IncomingRelation> ReadRelationsAsync(string kind, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var relation in Relations.GetValueOrDefault(kind) ?? [])
            yield return relation;
    }
}

/// <summary>The API on its own MariaDB database, with inventory loaded through the real sync service.</summary>
public class InventoryFixture : TicketService
{
    private static int _uids;

    public static string Uid(string prefix) => $"{prefix}-{Interlocked.Increment(ref _uids)}";

    public static IncomingResource Vm(string name, string? ip = null, string cloud = "Aliyun", string? owner = null, string? status = "running", int cpu = 4,
        string? env = "prod", string? extraTags = null) =>
        new("vm", Uid("vm"), name, cloud, "acct-main", null, "dc-east", env, owner, extraTags, status, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            new JsonObject { ["cpu"] = cpu, ["memory"] = cpu * 2, ["privateIps"] = ip is null ? null : new JsonArray(ip), ["osVersion"] = "Linux 6" });

    public InventorySyncService Syncs => Factory.Services.GetRequiredService<InventorySyncService>();

    /// <summary>Runs a sync of the given types (and relation kinds) from the connector and returns the run.</summary>
    public Task<InventorySyncRun> SyncAsync(ListConnector connector, string[] types, string[]? relations = null, string name = "test-sync") =>
        Syncs.RunAsync(new SyncRequest(name, connector, types, relations ?? [], "manual", "admin"), CancellationToken.None);

    public async Task<JsonElement> GetJsonAsync(string url, TestAuth.Persona? persona = null)
    {
        var response = await As(persona ?? TestAuth.Requester).GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<List<string>> NamesAsync(string url, TestAuth.Persona? persona = null) =>
        (await GetJsonAsync(url, persona)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
}
