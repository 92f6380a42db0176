using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Cmdb.Domain.Inventory.Sync;

/// <summary>
/// Reads inventory from a folder: <c>{type}.json</c> (an array of items) or <c>{type}.csv</c>, and
/// <c>relations/{kind}.json|csv</c> (docs/inventory-sync.md). Files are streamed, never loaded whole.
/// A missing file means the source has none of that type; a malformed one fails the run naming
/// the file and line. When both exist the JSON file is read.
/// </summary>
public sealed class FileInventoryConnector(string folder) : IInventoryConnector
{
    private static readonly string[] RelationColumns = ["sourceType", "sourceUid", "targetType", "targetUid"];

    public string Name => "file";

    public string Folder { get; } = Path.GetFullPath(folder);

    public IAsyncEnumerable<IncomingResource> ReadResourcesAsync(string type, CancellationToken cancellationToken)
    {
        var inventoryType = InventoryTypes.Find(type) ?? throw new ArgumentException($"Unknown resource type '{type}'.", nameof(type));
        return ReadAsync(Folder, inventoryType.Key,
            (InventoryItem item) => item.ToIncoming(inventoryType.Key),
            csv => InventoryCsv.Resources(inventoryType, csv), cancellationToken);
    }

    public IAsyncEnumerable<IncomingRelation> ReadRelationsAsync(string kind, CancellationToken cancellationToken)
    {
        if (InventoryTypes.RelationKinds.All(k => k.Kind != kind))
            throw new ArgumentException($"Unknown relation kind '{kind}'.", nameof(kind));
        return ReadAsync(Path.Combine(Folder, "relations"), kind,
            (RelationItem item) => item.ToIncoming(kind),
            csv => Relations(kind, csv), cancellationToken);
    }

    private static async IAsyncEnumerable<TOut> ReadAsync<TItem, TOut>(string directory, string name, Func<TItem, TOut> fromJson,
        Func<CsvRecordReader, IAsyncEnumerable<TOut>> fromCsv, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var jsonFile = Path.Combine(directory, name + ".json");
        var csvFile = Path.Combine(directory, name + ".csv");
        if (File.Exists(jsonFile))
        {
            await using var stream = Open(jsonFile);
            await foreach (var item in Json<TItem>(stream, jsonFile, cancellationToken))
                yield return fromJson(item);
        }
        else if (File.Exists(csvFile))
        {
            using var text = new StreamReader(Open(csvFile), new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
            var csv = new CsvRecordReader(text, csvFile);
            await using var rows = fromCsv(csv).GetAsyncEnumerator(cancellationToken);
            while (await NextAsync(rows, csv))
                yield return rows.Current;
        }
    }

    /// <summary>Bytes that are not UTF-8 (a file saved as GBK, say) surface from the decoder a buffer ahead, so the line is approximate.</summary>
    private static async ValueTask<bool> NextAsync<T>(IAsyncEnumerator<T> rows, CsvRecordReader csv)
    {
        try
        {
            return await rows.MoveNextAsync();
        }
        catch (DecoderFallbackException e)
        {
            throw new InventorySourceException($"{csv.File}: not UTF-8 text near line {csv.Line}; save it as CSV UTF-8 ({e.Message})", e);
        }
    }

    private static FileStream Open(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous | FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InventorySourceException($"{path} cannot be read: {e.Message}", e);
        }
    }

    private static async IAsyncEnumerable<T> Json<T>(Stream stream, string file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var items = JsonSerializer.DeserializeAsyncEnumerable<T>(stream, InventoryItemJson.Options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await items.MoveNextAsync())
                    yield break;
            }
            catch (JsonException e)
            {
                throw new InventorySourceException($"{file}, line {(e.LineNumber ?? 0) + 1}: not a JSON array of items ({e.Message})", e);
            }
            catch (DecoderFallbackException e)
            {
                throw new InventorySourceException($"{file}: not UTF-8 text ({e.Message})", e);
            }
            if (items.Current is { } item)
                yield return item;
        }
    }

    private static async IAsyncEnumerable<IncomingRelation> Relations(string kind, CsvRecordReader csv, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var header = await InventoryCsv.HeaderAsync(csv, cancellationToken);
        if (header is null)
            yield break;
        var columns = RelationColumns.Select(c => header.GetValueOrDefault(c, -1)).ToArray();
        if (Array.IndexOf(columns, -1) is var missing and >= 0)
            throw csv.Error(csv.Line, $"the header has no {RelationColumns[missing]} column (relation files need {string.Join(",", RelationColumns)}).");
        while (await InventoryCsv.RowAsync(csv, header.Count, cancellationToken) is { } row)
        {
            string? Cell(int i) => string.IsNullOrWhiteSpace(row[columns[i]]) ? null : row[columns[i]];
            yield return new RelationItem(Cell(0), Cell(1), Cell(2), Cell(3)).ToIncoming(kind);
        }
    }
}
