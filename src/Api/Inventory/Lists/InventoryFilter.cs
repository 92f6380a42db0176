using System.Text;
using System.Text.Json;
using Cmdb.Domain.Inventory;
using FluentValidation;
using FluentValidation.Results;

namespace Cmdb.Api.Inventory.Lists;

public enum MatchKind
{
    Equals,
    Like,
    Empty,
}

/// <summary>One condition: <c>field=a&amp;field=b</c> (any of), <c>field:like=x</c>, <c>field:empty=true|false</c>.</summary>
public sealed record FieldCondition(InventoryField Field, MatchKind Match, IReadOnlyList<string> Values);

/// <summary>Where a keyset page starts: after the row with this sort value and id.</summary>
public sealed record InventoryCursor(string? Value, long Id)
{
    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static InventoryCursor? Decode(string text)
    {
        try
        {
            var base64 = text.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=');
            return JsonSerializer.Deserialize<InventoryCursor>(Convert.FromBase64String(base64));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// A list, options or export request on one resource type, read from the query string. Every
/// field name is checked against the type's catalogue, so only known columns and JSON paths
/// ever reach SQL; values only ever travel as parameters.
/// </summary>
public sealed record InventoryFilter(
    InventoryType Type,
    IReadOnlyList<FieldCondition> Conditions,
    string? Text,
    InventoryField SortField,
    bool Descending,
    InventoryCursor? Cursor,
    int Page,
    int PageSize,
    bool Count,
    string? Owner,
    IReadOnlyList<InventoryField> Fields)
{
    public const int MaxPageSize = 500;
    public const int DefaultPageSize = 50;
    private const int MaxValueLength = 200;

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "q", "sort", "cursor", "page", "pageSize", "mine", "fields", "format", "count",
    };

    public static InventoryType TypeOf(string key) => InventoryTypes.Find(key) ?? throw Invalid("type",
        $"Unknown resource type '{Shorten(key)}'. Known types: {string.Join(", ", InventoryTypes.All.Select(t => t.Key))}.");

    public static InventoryField FieldOf(InventoryType type, string name, string parameter) => type.Field(name) ?? throw Invalid(parameter,
        $"Unknown field '{Shorten(name)}' of {type.Key}. Known fields: {string.Join(", ", type.Fields.Select(f => f.Name))}.");

    public static InventoryFilter Parse(string typeKey, IQueryCollection query, string userName)
    {
        var type = TypeOf(typeKey);
        var conditions = new List<FieldCondition>();
        foreach (var (key, values) in query)
        {
            if (Reserved.Contains(key))
                continue;
            var colon = key.IndexOf(':');
            var name = colon < 0 ? key : key[..colon];
            var operation = colon < 0 ? "" : key[(colon + 1)..].ToLowerInvariant();
            var field = FieldOf(type, name, key);
            if (!field.Filterable)
                throw Invalid(key, $"The field '{field.Name}' holds nested records and cannot be filtered.");
            var texts = values.Where(v => v is not null).Select(v => v!.Trim()).ToList();
            if (texts.Any(v => v.Length > MaxValueLength))
                throw Invalid(key, $"A filter value is at most {MaxValueLength} characters.");
            conditions.Add(operation switch
            {
                "" => new FieldCondition(field, MatchKind.Equals, texts),
                "like" => new FieldCondition(field, MatchKind.Like, texts.Where(t => t.Length > 0).ToList()),
                "empty" => new FieldCondition(field, MatchKind.Empty, [Bool(key, texts.LastOrDefault()) ? "true" : "false"]),
                _ => throw Invalid(key, $"Unknown operation ':{Shorten(operation)}'; use field=value, field:like=text or field:empty=true."),
            });
        }
        var (sortField, descending) = Sort(type, query["sort"].LastOrDefault());
        InventoryCursor? cursor = null;
        if (query["cursor"].LastOrDefault() is { Length: > 0 } cursorText)
            cursor = InventoryCursor.Decode(cursorText) ?? throw Invalid("cursor", "The cursor is not one this service gave out.");
        var page = Int(query, "page", 1, 1, int.MaxValue);
        // Larger pages are capped rather than refused: a client asking for "everything" still gets a page.
        var pageSize = Math.Min(Int(query, "pageSize", DefaultPageSize, 1, int.MaxValue), MaxPageSize);
        var fields = (query["fields"].LastOrDefault() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => FieldOf(type, f, "fields")).DistinctBy(f => f.Name).ToList();
        var text = query["q"].LastOrDefault()?.Trim();
        if (text is { Length: > MaxValueLength })
            throw Invalid("q", $"The search text is at most {MaxValueLength} characters.");
        var mine = Bool("mine", query["mine"].LastOrDefault());
        return new InventoryFilter(type, conditions, string.IsNullOrEmpty(text) ? null : text, sortField, descending, cursor, page, pageSize,
            Count: cursor is null && !string.Equals(query["count"].LastOrDefault(), "false", StringComparison.OrdinalIgnoreCase),
            mine ? userName : null, fields.Count == 0 ? type.Fields : fields);
    }

    private static (InventoryField, bool) Sort(InventoryType type, string? sort)
    {
        if (string.IsNullOrWhiteSpace(sort))
            return (type.Field("id")!, true);
        var descending = sort.StartsWith('-');
        var field = FieldOf(type, sort.TrimStart('-', '+').Trim(), "sort");
        if (!field.Sortable)
            throw Invalid("sort", $"The list cannot be sorted by '{field.Name}'; sort by one of: {string.Join(", ", type.Fields.Where(f => f.Sortable).Select(f => f.Name))}.");
        return (field, descending);
    }

    private static bool Bool(string parameter, string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "false" or "0" => false,
        "true" or "1" => true,
        _ => throw Invalid(parameter, "Use true or false."),
    };

    private static int Int(IQueryCollection query, string parameter, int fallback, int min, int max)
    {
        var text = query[parameter].LastOrDefault();
        if (string.IsNullOrWhiteSpace(text))
            return fallback;
        if (!int.TryParse(text, out var value) || value < min || value > max)
            throw Invalid(parameter, $"'{parameter}' must be a whole number of at least {min}.");
        return value;
    }

    internal static ValidationException Invalid(string parameter, string message) => new([new ValidationFailure(parameter, message)]);

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;

    /// <summary>For a LIKE pattern: the user's <c>%</c>, <c>_</c> and the escape character match themselves.</summary>
    public static string LikePattern(string text)
    {
        var pattern = new StringBuilder("%");
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is '%' or '_' or '!')
                pattern.Append('!');
            pattern.Append(c);
        }
        return pattern.Append('%').ToString();
    }
}
