using System.Data.Common;
using System.Globalization;
using System.Text.Json.Nodes;
using Cmdb.Domain.Inventory;

namespace Cmdb.Api.Inventory.Lists;

/// <summary>A resource row as read for lists and exports: the columns and the parsed attributes.</summary>
public sealed class InventoryRow
{
    private readonly Dictionary<string, object?> _common = new(StringComparer.Ordinal);

    public long Id => (long)_common["id"]!;
    public JsonObject Attributes { get; private init; } = [];

    public static InventoryRow Read(DbDataReader reader)
    {
        var row = new InventoryRow { Attributes = JsonNode.Parse(reader.GetString(17)) as JsonObject ?? [] };
        row._common["id"] = reader.GetInt64(0);
        string[] names = ["type", "resourceUid", "name", "cloud", "account", "subscription", "dataCenter", "env", "owner", "system", "module", "product", "tags", "status"];
        for (var i = 0; i < names.Length; i++)
            row._common[names[i]] = reader.IsDBNull(i + 1) ? null : reader.GetString(i + 1);
        row._common["createdAt"] = DateTime.SpecifyKind(reader.GetDateTime(15), DateTimeKind.Utc);
        row._common["updatedAt"] = DateTime.SpecifyKind(reader.GetDateTime(16), DateTimeKind.Utc);
        return row;
    }

    public string Type => (string)_common["type"]!;

    /// <summary>The field's value as JSON (numbers as numbers, lists as arrays).</summary>
    public JsonNode? Json(InventoryField field)
    {
        if (!field.IsCommon)
            return Attributes[field.Name]?.DeepClone();
        return _common.GetValueOrDefault(field.Name) switch
        {
            null => null,
            long number => JsonValue.Create(number),
            DateTime moment => JsonValue.Create(moment),
            var other => JsonValue.Create(other.ToString()),
        };
    }

    /// <summary>The field's value as one cell: lists joined with commas, records as JSON, times as local-free ISO text.</summary>
    public string? Text(InventoryField field)
    {
        if (field.IsCommon)
            return _common.GetValueOrDefault(field.Name) switch
            {
                null => null,
                long number => number.ToString(CultureInfo.InvariantCulture),
                DateTime moment => moment.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                var other => other.ToString(),
            };
        return Attributes[field.Name] switch
        {
            null => null,
            JsonArray list when field.Kind == FieldKind.List => string.Join(",", list.Select(i => i?.GetValue<string>())),
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            var node => node.ToJsonString(),
        };
    }

    /// <summary>The sort value a cursor carries.</summary>
    public string? CursorValue(InventoryField field) => field.Kind == FieldKind.DateTime && field.IsCommon
        ? ((DateTime)_common[field.Name]!).ToString("O", CultureInfo.InvariantCulture)
        : Text(field) ?? "";

    public JsonObject ToJson(IEnumerable<InventoryField> fields)
    {
        var json = new JsonObject();
        foreach (var field in fields)
            json[field.Name] = Json(field);
        return json;
    }
}
