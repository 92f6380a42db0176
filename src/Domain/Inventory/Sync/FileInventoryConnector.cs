using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sylvan.Data.Csv;

namespace Cmdb.Domain.Inventory.Sync;

/// <summary>
/// Reads inventory from a folder: <c>{type}.json</c> (an array of items) or <c>{type}.csv</c>, and
/// <c>relations/{kind}.json|csv</c>. Files are streamed, never loaded whole. A missing file means
/// the source has none of that type; a malformed one fails the run naming the file and line.
/// </summary>
public sealed class FileInventoryConnector(string folder) : IInventoryConnector
{
    private static readonly string[] CommonColumns = ["uid", "name", "cloud", "account", "subscription", "dataCenter", "env", "owner", "tags", "status", "createdAt"];

    public string Name => "file";

    public string Folder { get; } = Path.GetFullPath(folder);

    public IAsyncEnumerable<IncomingResource> ReadResourcesAsync(string type, CancellationToken cancellationToken)
    {
        var inventoryType = InventoryTypes.Find(type) ?? throw new ArgumentException($"Unknown resource type '{type}'.", nameof(type));
        return Read(Folder, inventoryType.Key,
            (stream, file, ct) => Json<InventoryItem>(stream, file, ct),
            (reader, file) => ResourceFromCsv(inventoryType, reader, file),
            item => item.ToIncoming(inventoryType.Key), cancellationToken);
    }

    public IAsyncEnumerable<IncomingRelation> ReadRelationsAsync(string kind, CancellationToken cancellationToken)
    {
        if (InventoryTypes.RelationKinds.All(k => k.Kind != kind))
            throw new ArgumentException($"Unknown relation kind '{kind}'.", nameof(kind));
        return Read(Path.Combine(Folder, "relations"), kind,
            (stream, file, ct) => Json<RelationItem>(stream, file, ct),
            (reader, _) => new RelationItem(Cell(reader, "sourceType"), Cell(reader, "sourceUid"), Cell(reader, "targetType"), Cell(reader, "targetUid")),
            item => item.ToIncoming(kind), cancellationToken);
    }

    private static async IAsyncEnumerable<TOut> Read<TItem, TOut>(string directory, string name,
        Func<Stream, string, CancellationToken, IAsyncEnumerable<TItem>> json, Func<CsvDataReader, string, TItem> csvRow, Func<TItem, TOut> map,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var jsonFile = Path.Combine(directory, name + ".json");
        var csvFile = Path.Combine(directory, name + ".csv");
        if (File.Exists(jsonFile))
        {
            await using var stream = Open(jsonFile);
            await foreach (var item in json(stream, jsonFile, cancellationToken))
                yield return map(item);
        }
        else if (File.Exists(csvFile))
        {
            using var text = new StreamReader(Open(csvFile), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            CsvDataReader reader;
            try
            {
                reader = await CsvDataReader.CreateAsync(text, new CsvDataReaderOptions { HeaderComparer = StringComparer.OrdinalIgnoreCase });
            }
            catch (Exception e) when (e is CsvFormatException or FormatException)
            {
                throw new InventorySourceException($"{csvFile}: the header row cannot be read ({e.Message}).", e);
            }
            await using (reader)
            {
                while (await NextAsync(reader, csvFile, cancellationToken))
                    yield return map(csvRow(reader, csvFile));
            }
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

    private static async Task<bool> NextAsync(CsvDataReader reader, string file, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken);
        }
        catch (Exception e) when (e is CsvFormatException or FormatException)
        {
            throw new InventorySourceException($"{file}, line {reader.RowNumber + 1}: {e.Message}", e);
        }
    }

    private static async IAsyncEnumerable<T> Json<T>(Stream stream, string file, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var items = JsonSerializer.DeserializeAsyncEnumerable<T>(stream, InventoryItemJson.Options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                T? item;
                try
                {
                    if (!await items.MoveNextAsync())
                        yield break;
                    item = items.Current;
                }
                catch (JsonException e)
                {
                    throw new InventorySourceException($"{file}, line {(e.LineNumber ?? 0) + 1}: not a JSON array of items ({e.Message})", e);
                }
                if (item is not null)
                    yield return item;
            }
        }
        finally
        {
            await items.DisposeAsync();
        }
    }

    private static string? Cell(CsvDataReader reader, string column)
    {
        var ordinal = Ordinal(reader, column);
        if (ordinal < 0)
            return null;
        var value = reader.GetString(ordinal);
        return value.Length == 0 ? null : value;
    }

    private static int Ordinal(CsvDataReader reader, string column)
    {
        try
        {
            return reader.GetOrdinal(column);
        }
        catch (IndexOutOfRangeException)
        {
            return -1;
        }
    }

    private static InventoryItem ResourceFromCsv(InventoryType type, CsvDataReader reader, string file)
    {
        var attributes = new JsonObject();
        foreach (var field in type.OwnFields)
        {
            if (Cell(reader, field.Name) is not { } cell)
                continue;
            attributes[field.Name] = field.Kind switch
            {
                FieldKind.Integer or FieldKind.Decimal when decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
                FieldKind.List => new JsonArray(cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
                FieldKind.Records => ParseRecords(cell, file, reader.RowNumber),
                _ => JsonValue.Create(cell),
            };
        }
        DateTime? created = Cell(reader, "createdAt") is { } text
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var moment) ? moment : null;
        return new InventoryItem(Cell(reader, "uid"), Cell(reader, "name"), Cell(reader, "cloud"), Cell(reader, "account"), Cell(reader, "subscription"),
            Cell(reader, "dataCenter"), Cell(reader, "env"), Cell(reader, "owner"), Cell(reader, "tags"), Cell(reader, "status"), created, attributes);
    }

    private static JsonNode? ParseRecords(string cell, string file, int row)
    {
        try
        {
            return JsonNode.Parse(cell);
        }
        catch (JsonException e)
        {
            throw new InventorySourceException($"{file}, line {row + 1}: a records cell is not JSON ({e.Message})", e);
        }
    }

    /// <summary>The CSV columns a type's file may have, in order: the common ones, then the type's own fields.</summary>
    public static IReadOnlyList<string> CsvColumns(InventoryType type) => [.. CommonColumns, .. type.OwnFields.Select(f => f.Name)];
}
