using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Inventory.Sync;

namespace Cmdb.Domain.Inventory;

public static partial class InventoryNormalizer
{
    private static readonly HashSet<string> PublicClouds = new(StringComparer.OrdinalIgnoreCase) { "Alibaba Cloud", "Tencent Cloud", "AWS" };

    private static readonly HashSet<string> FailedScheduling = new(StringComparer.OrdinalIgnoreCase)
    {
        "failed_scheduling", "schedule_failed", "scheduling_failed", "调度失败",
    };

    /// <summary>
    /// One incoming record under every rule of DOMAIN.md, or null when the record is left out
    /// (a VM that failed scheduling). Unknown attributes are dropped, values are typed by their
    /// field's kind, addresses that do not parse stay in the attributes but not in the IP index.
    /// </summary>
    public static NormalizedResource? Normalize(IncomingResource incoming)
    {
        var type = InventoryTypes.Find(incoming.Type) ?? throw new ArgumentException($"Unknown resource type '{incoming.Type}'.", nameof(incoming));
        if (type.Key == "vm" && incoming.Status is { } raw && FailedScheduling.Contains(raw.Trim()))
            return null;
        var uid = Fit(incoming.Uid.Trim(), 200)!;
        var tags = Tags(incoming.Tags);
        var cloud = Fit(Cloud(incoming.Cloud, incoming.Account), 100)!;
        var attributes = Attributes(type, incoming.Attributes);
        if (type.Key == "vm" && PublicClouds.Contains(cloud))
            attributes.Remove("host");
        var addresses = Addresses(type, attributes);
        return new NormalizedResource(
            type.Key, uid, Fit(Clean(incoming.Name), 200) ?? uid, cloud, Fit(Clean(incoming.Account), 100), Fit(Clean(incoming.Subscription), 100),
            Fit(Clean(incoming.DataCenter), 100), Fit(Clean(incoming.Env)?.ToLowerInvariant(), 32), Fit(Clean(incoming.Owner) ?? tags.Owner, 100),
            Fit(tags.System, 100), Fit(tags.Module, 100), Fit(tags.Product, 100), Fit(Clean(incoming.Tags), 1000), Fit(Status(incoming.Status), 32),
            incoming.CreatedAt?.ToUniversalTime(), attributes.ToJsonString(JsonText), addresses, Range(type, attributes));
    }

    /// <summary>Attributes keep Chinese as it is (not \u escapes), so fuzzy search over them finds it.</summary>
    private static readonly System.Text.Json.JsonSerializerOptions JsonText = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Values longer than their column are cut, so one odd record cannot fail a whole sync.</summary>
    private static string? Fit(string? text, int length) => text is null || text.Length <= length ? text : text[..length];

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static JsonObject Attributes(InventoryType type, JsonObject? incoming)
    {
        var result = new JsonObject();
        if (incoming is null)
            return result;
        // Field names match in any case; the first spelling wins.
        var byName = new Dictionary<string, JsonNode?>(incoming.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var (key, node) in incoming)
            byName.TryAdd(key, node);
        // Canonical order (the type's field order) so equal content hashes equally.
        foreach (var field in type.OwnFields)
        {
            var value = byName.GetValueOrDefault(field.Name);
            if (Typed(field, value) is { } typed)
                result[field.Name] = typed;
        }
        if (result["uPosition"] is JsonValue position && position.TryGetValue<long>(out var u))
            result["uPosition"] = UPosition((int)u);
        if (result["aclRules"] is JsonArray rules)
            foreach (var rule in rules.OfType<JsonObject>())
                foreach (var end in new[] { "source", "destination" })
                    if (rule[end] is JsonValue address && address.TryGetValue<string>(out var text))
                        rule[end] = AclAddress(text);
        if (type.Key == "load-balancer" && result["memberIps"] is null && result["virtualServers"] is JsonArray servers)
            result["memberIps"] = MemberIps(servers);
        return result;
    }

    private static JsonNode? Typed(InventoryField field, JsonNode? value)
    {
        if (value is null)
            return null;
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s.Trim() : null;
        switch (field.Kind)
        {
            case FieldKind.Integer:
                var integer = value.GetValueKind() == JsonValueKind.Number ? value.ToJsonString() : text;
                if (long.TryParse(integer, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
                    return whole;
                return decimal.TryParse(integer, NumberStyles.Float, CultureInfo.InvariantCulture, out var rounded) ? (long)Math.Round(rounded) : null;
            case FieldKind.Decimal:
                var number = value.GetValueKind() == JsonValueKind.Number ? value.ToJsonString() : text;
                return decimal.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var dec) ? dec : null;
            case FieldKind.DateTime:
                return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
                    ? date.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) : null;
            case FieldKind.List:
                var items = value is JsonArray array
                    ? array.Select(i => i is JsonValue iv && iv.TryGetValue<string>(out var t) ? t.Trim() : i?.ToJsonString())
                    : (text ?? "").Split([';', ','], StringSplitOptions.TrimEntries);
                var list = items.Where(i => !string.IsNullOrEmpty(i)).Distinct().Select(i => (JsonNode?)JsonValue.Create(i)).ToArray();
                return list.Length == 0 ? null : new JsonArray(list);
            case FieldKind.Records:
                return value is JsonArray records && records.Count > 0 ? records.DeepClone() : null;
            default:
                var plain = text ?? (value is JsonValue other ? other.ToJsonString() : null);
                return string.IsNullOrEmpty(plain) ? null : plain;
        }
    }

    private static JsonArray? MemberIps(JsonArray virtualServers)
    {
        var ips = virtualServers.OfType<JsonObject>()
            .SelectMany(vs => (vs["pools"] as JsonArray ?? []).OfType<JsonObject>())
            .SelectMany(pool => (pool["members"] as JsonArray ?? []).Select(m => m?.GetValue<string>()))
            .Select(member => member is null ? null : member.Contains(']') ? member[1..member.IndexOf(']')] : member.Split(':')[0])
            .Where(ip => ip is not null && IPAddress.TryParse(ip, out _)).Distinct().Select(ip => (JsonNode?)JsonValue.Create(ip)).ToArray();
        return ips.Length == 0 ? null : new JsonArray(ips);
    }

    private static IReadOnlyList<HeldAddress> Addresses(InventoryType type, JsonObject attributes)
    {
        var held = new List<HeldAddress>();
        foreach (var field in type.AddressFields)
        {
            var values = attributes[field.Name] switch
            {
                JsonArray list => list.Select(i => i?.GetValue<string>()),
                JsonValue one when one.TryGetValue<string>(out var text) => [text],
                _ => [],
            };
            foreach (var value in values)
                if (value is not null && IPAddress.TryParse(value, out var address))
                    held.Add(new HeldAddress(address.ToString(), IpKey.Hex(address), field.IpRole!));
        }
        return held.DistinctBy(a => (a.Key, a.Role)).ToList();
    }

    private static AddressRange? Range(InventoryType type, JsonObject attributes)
    {
        if (type.Key != "subnet" || attributes["cidr"]?.GetValue<string>() is not { } cidr)
            return null;
        var query = IpQuery.Parse(cidr);
        return query.IsValid && cidr.Contains('/') ? new AddressRange(IpKey.Hex(query.Start!), IpKey.Hex(query.End!), cidr) : null;
    }
}
