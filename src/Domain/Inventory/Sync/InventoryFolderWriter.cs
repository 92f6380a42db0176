using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cmdb.Domain.Inventory.Sync;

/// <summary>What <see cref="InventoryFolderWriter"/> wrote: items per type and per relation kind.</summary>
public sealed record WrittenInventory(IReadOnlyDictionary<string, long> Resources, IReadOnlyDictionary<string, long> Relations)
{
    public long ResourceCount => Resources.Values.Sum();
    public long RelationCount => Relations.Values.Sum();
}

/// <summary>
/// Writes a source in the folder format <see cref="FileInventoryConnector"/> reads:
/// <c>&lt;type&gt;.json</c> and <c>relations/&lt;kind&gt;.json</c>, JSON arrays with one item per
/// line. Streamed: an item is written as it is read, so the size of the source does not matter.
/// </summary>
public static class InventoryFolderWriter
{
    private static readonly JsonSerializerOptions Options = new(InventoryItemJson.Options) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private static readonly byte[] First = "[\n"u8.ToArray(), Next = ",\n"u8.ToArray(), Last = "\n]\n"u8.ToArray(), Empty = "[]\n"u8.ToArray();

    public static async Task<WrittenInventory> WriteAsync(IInventoryConnector source, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(folder, "relations"));
        var resources = new Dictionary<string, long>();
        foreach (var type in InventoryTypes.All)
            resources[type.Key] = await WriteArrayAsync(Path.Combine(folder, $"{type.Key}.json"),
                source.ReadResourcesAsync(type.Key, cancellationToken), InventoryItem.Of, cancellationToken);
        var relations = new Dictionary<string, long>();
        foreach (var (kind, _, _) in InventoryTypes.RelationKinds)
            relations[kind] = await WriteArrayAsync(Path.Combine(folder, "relations", $"{kind}.json"),
                source.ReadRelationsAsync(kind, cancellationToken), RelationItem.Of, cancellationToken);
        return new WrittenInventory(resources, relations);
    }

    private static async Task<long> WriteArrayAsync<TIn, TOut>(string path, IAsyncEnumerable<TIn> items, Func<TIn, TOut> map, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        long count = 0;
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            await file.WriteAsync(count++ == 0 ? First : Next, cancellationToken);
            await file.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(map(item), Options), cancellationToken);
        }
        await file.WriteAsync(count == 0 ? Empty : Last, cancellationToken);
        return count;
    }
}
