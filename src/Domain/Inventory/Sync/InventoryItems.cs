using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Cmdb.Domain.Inventory.Sync;

/// <summary>A resource as the CMP API and the import files carry it (docs/inventory-sync.md).</summary>
public sealed record InventoryItem(
    string? Uid,
    string? Name = null,
    string? Cloud = null,
    string? Account = null,
    string? Subscription = null,
    string? DataCenter = null,
    string? Env = null,
    string? Owner = null,
    string? Tags = null,
    string? Status = null,
    [property: JsonConverter(typeof(LenientUtcDateTimeConverter))] DateTime? CreatedAt = null,
    JsonObject? Attributes = null)
{
    /// <summary>
    /// The item as a resource of <paramref name="type"/>: attributes other than the type's own
    /// fields (matched in any case, renamed to the field's name, in the type's order) and null ones are dropped, so
    /// every connector hands the same shape for the same data.
    /// </summary>
    public IncomingResource ToIncoming(string type) =>
        new(type, Uid ?? "", Name, Cloud, Account, Subscription, DataCenter, Env, Owner, Tags, Status, CreatedAt, OwnFields(type, Attributes));

    public static InventoryItem Of(IncomingResource resource) => new(resource.Uid, resource.Name, resource.Cloud, resource.Account, resource.Subscription,
        resource.DataCenter, resource.Env, resource.Owner, resource.Tags, resource.Status, resource.CreatedAt, resource.Attributes);

    private static JsonObject? OwnFields(string type, JsonObject? attributes)
    {
        if (attributes is null || InventoryTypes.Find(type) is not { } inventoryType)
            return attributes;
        var properties = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in attributes)
            properties.TryAdd(name, value);
        attributes.Clear(); // detaches the values so they can move to the result
        var result = new JsonObject();
        foreach (var field in inventoryType.OwnFields) // the type's order, as the CSV reader gives it
            if (properties.GetValueOrDefault(field.Name) is { } value)
                result[field.Name] = value;
        return result;
    }

    /// <summary>
    /// A creation time in UTC: an ISO time with an offset is converted, one without is taken as UTC
    /// (never as the server's local time); one that does not parse is absent rather than failing the whole source.
    /// </summary>
    public static DateTime? ParseCreatedAt(string? text) =>
        !string.IsNullOrWhiteSpace(text) && DateTime.TryParse(text.Trim(), CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var moment) ? moment : null;
}

/// <summary>A relation as the CMP API and the import files carry it.</summary>
public sealed record RelationItem(string? SourceType, string? SourceUid, string? TargetType, string? TargetUid)
{
    public IncomingRelation ToIncoming(string kind) => new(kind, SourceType ?? "", SourceUid ?? "", TargetType ?? "", TargetUid ?? "");

    public static RelationItem Of(IncomingRelation relation) => new(relation.SourceType, relation.SourceUid, relation.TargetType, relation.TargetUid);
}

/// <summary>One page of the CMP API. <see cref="Total"/> may be left out; then a short page ends the list.</summary>
public sealed record InventoryPageDto<T>(int? Total, IReadOnlyList<T?>? Items);

public static class InventoryItemJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}

/// <summary>Reads <c>createdAt</c> with <see cref="InventoryItem.ParseCreatedAt"/>: any string, null or other token; writes ISO UTC.</summary>
public sealed class LenientUtcDateTimeConverter : JsonConverter<DateTime?>
{
    public override bool HandleNull => true;

    public override DateTime? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
            return InventoryItem.ParseCreatedAt(reader.GetString());
        // Custom converters get a whole value buffered, so skipping an object or array succeeds.
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
            throw new JsonException("createdAt is not complete.");
        return null;
    }

    public override void Write(Utf8JsonWriter writer, DateTime? value, JsonSerializerOptions options)
    {
        if (value is { } moment)
            writer.WriteStringValue((moment.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(moment, DateTimeKind.Utc) : moment.ToUniversalTime()).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
        else
            writer.WriteNullValue();
    }
}
