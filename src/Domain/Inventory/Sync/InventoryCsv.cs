using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmdb.Domain.Inventory.Sync;

/// <summary>
/// The CSV form of inventory items: a header row, the common columns and the type's own fields in
/// any order and any case, other columns ignored, an empty cell absent. Own fields are typed by
/// their kind so a CSV row gives the same <see cref="IncomingResource"/> as the JSON item.
/// </summary>
public static class InventoryCsv
{
    public static readonly IReadOnlyList<string> CommonColumns =
        ["uid", "name", "cloud", "account", "subscription", "dataCenter", "env", "owner", "tags", "status", "createdAt"];

    /// <summary>The CSV columns a type's file may have, in order: the common ones, then the type's own fields.</summary>
    public static IReadOnlyList<string> Columns(InventoryType type) => [.. CommonColumns, .. type.OwnFields.Select(f => f.Name)];

    internal static async IAsyncEnumerable<IncomingResource> Resources(InventoryType type, CsvRecordReader csv, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var header = await HeaderAsync(csv, cancellationToken);
        if (header is null)
            yield break;
        if (!header.TryGetValue("uid", out _))
            throw csv.Error(csv.Line, "the header has no uid column.");
        var common = CommonColumns.Select(c => header.GetValueOrDefault(c, -1)).ToArray();
        var own = type.OwnFields.Where(f => header.ContainsKey(f.Name)).Select(f => (Field: f, Index: header[f.Name])).ToArray();
        while (await RowAsync(csv, header.Count, cancellationToken) is { } row)
        {
            string? Cell(int column) => column < 0 || string.IsNullOrWhiteSpace(row[column]) ? null : row[column];
            var attributes = new JsonObject();
            foreach (var (field, index) in own)
                if (Cell(index) is { } cell && Typed(field, cell, csv) is { } value)
                    attributes[field.Name] = value;
            yield return new IncomingResource(type.Key, Cell(common[0]) ?? "", Cell(common[1]), Cell(common[2]), Cell(common[3]), Cell(common[4]),
                Cell(common[5]), Cell(common[6]), Cell(common[7]), Cell(common[8]), Cell(common[9]), InventoryItem.ParseCreatedAt(Cell(common[10])), attributes);
        }
    }

    /// <summary>Column name → position (any case), or null for an empty file. A name given twice is refused.</summary>
    internal static async Task<Dictionary<string, int>?> HeaderAsync(CsvRecordReader csv, CancellationToken cancellationToken)
    {
        var names = await csv.ReadAsync(cancellationToken);
        if (names is null)
            return null;
        var header = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim().TrimStart('\uFEFF');
            if (name.Length > 0 && !header.TryAdd(name, i))
                throw csv.Error(csv.Line, $"the column {name} appears twice in the header.");
        }
        return header;
    }

    /// <summary>The next row; one with more or fewer cells than the header is refused (its cells would land in the wrong columns).</summary>
    internal static async Task<List<string>?> RowAsync(CsvRecordReader csv, int columns, CancellationToken cancellationToken)
    {
        var row = await csv.ReadAsync(cancellationToken);
        if (row is not null && row.Count != columns)
            throw csv.Error(csv.Line, $"{row.Count} cells where the header has {columns}.");
        return row;
    }

    /// <summary>
    /// Integer and Decimal cells become numbers, List cells are split on <c>;</c>, Records cells are
    /// JSON; a number cell that is not a number stays text, as the same value in a JSON file would,
    /// and the normaliser drops it.
    /// </summary>
    private static JsonNode? Typed(InventoryField field, string cell, CsvRecordReader csv)
    {
        var text = cell.Trim();
        switch (field.Kind)
        {
            case FieldKind.Integer when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole):
                return JsonValue.Create(whole);
            case FieldKind.Integer or FieldKind.Decimal when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return JsonValue.Create(number);
            case FieldKind.List:
                var items = text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                return items.Length == 0 ? null : new JsonArray([.. items.Select(i => (JsonNode?)JsonValue.Create(i))]);
            case FieldKind.Records:
                try
                {
                    return JsonNode.Parse(text);
                }
                catch (JsonException e)
                {
                    throw csv.Error(csv.Line, $"the {field.Name} cell is not JSON ({e.Message})");
                }
            default:
                return JsonValue.Create(cell);
        }
    }
}
