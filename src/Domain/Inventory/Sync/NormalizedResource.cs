using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmdb.Domain.Inventory.Sync;

/// <summary>An address a resource holds, with its index key and role.</summary>
public sealed record HeldAddress(string Address, string Key, string Role);

/// <summary>The address range of a subnet resource.</summary>
public sealed record AddressRange(string StartKey, string EndKey, string Cidr);

/// <summary>
/// A resource after the DOMAIN.md rules, exactly as it will be stored: the columns, the type's own
/// fields as canonical JSON, the addresses for the IP index, and a hash of all of it so an
/// unchanged resource is recognised without comparing field by field.
/// </summary>
public sealed record NormalizedResource(
    string Type,
    string Uid,
    string Name,
    string Cloud,
    string? Account,
    string? Subscription,
    string? DataCenter,
    string? Env,
    string? Owner,
    string? System,
    string? Module,
    string? Product,
    string? Tags,
    string? Status,
    DateTime? CreatedAt,
    string AttributesJson,
    IReadOnlyList<HeldAddress> Addresses,
    AddressRange? Range)
{
    public string Hash { get; } = ComputeHash(Type, Uid, Name, Cloud, Account, Subscription, DataCenter, Env, Owner, System, Module, Product, Tags, Status, CreatedAt, AttributesJson);

    /// <summary>Every field as text, by API name: what the change journal compares.</summary>
    public IReadOnlyDictionary<string, string?> Fields() => InventoryFieldValues.Of(this);

    public void CopyTo(InventoryResource row)
    {
        row.Name = Name;
        row.Cloud = Cloud;
        row.Account = Account;
        row.Subscription = Subscription;
        row.DataCenter = DataCenter;
        row.Env = Env;
        row.Owner = Owner;
        row.System = System;
        row.Module = Module;
        row.Product = Product;
        row.Tags = Tags;
        row.Status = Status;
        row.AttributesJson = AttributesJson;
        row.ContentHash = Hash;
    }

    private static string ComputeHash(params object?[] parts)
    {
        var text = JsonSerializer.Serialize(parts);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 16).ToLowerInvariant();
    }
}

/// <summary>Fields of a stored or incoming resource as text by API name (lists and records as JSON).</summary>
public static class InventoryFieldValues
{
    public static IReadOnlyDictionary<string, string?> Of(NormalizedResource r) =>
        Build(r.Name, r.Cloud, r.Account, r.Subscription, r.DataCenter, r.Env, r.Owner, r.System, r.Module, r.Product, r.Tags, r.Status, r.AttributesJson);

    public static IReadOnlyDictionary<string, string?> Of(InventoryResource r) =>
        Build(r.Name, r.Cloud, r.Account, r.Subscription, r.DataCenter, r.Env, r.Owner, r.System, r.Module, r.Product, r.Tags, r.Status, r.AttributesJson);

    private static Dictionary<string, string?> Build(string name, string cloud, string? account, string? subscription, string? dataCenter,
        string? env, string? owner, string? system, string? module, string? product, string? tags, string? status, string attributesJson)
    {
        var fields = new Dictionary<string, string?>
        {
            ["name"] = name, ["cloud"] = cloud, ["account"] = account, ["subscription"] = subscription, ["dataCenter"] = dataCenter,
            ["env"] = env, ["owner"] = owner, ["system"] = system, ["module"] = module, ["product"] = product, ["tags"] = tags, ["status"] = status,
        };
        if (JsonNode.Parse(attributesJson) is JsonObject attributes)
            foreach (var (key, value) in attributes)
                fields[key] = value is JsonValue v && v.TryGetValue<string>(out var text) ? text : value?.ToJsonString();
        return fields;
    }

    /// <summary>Before/after of the fields that differ (a field missing on one side counts as null).</summary>
    public static Dictionary<string, FieldChange> Diff(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        var changes = new Dictionary<string, FieldChange>();
        foreach (var key in before.Keys.Union(after.Keys))
        {
            var old = before.GetValueOrDefault(key);
            var now = after.GetValueOrDefault(key);
            if (!string.Equals(old, now, StringComparison.Ordinal))
                changes[key] = new FieldChange(old, now);
        }
        return changes;
    }
}

public sealed record FieldChange(string? Before, string? After);
