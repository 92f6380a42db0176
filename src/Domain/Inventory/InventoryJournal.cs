using System.Text.Json;
using Cmdb.Domain.Inventory.Sync;

namespace Cmdb.Domain.Inventory;

/// <summary>One change a sync or a user made to a resource: the changed fields before and after.</summary>
public sealed class InventoryChange
{
    public long Id { get; set; }
    public long ResourceId { get; set; }
    public required string ResourceType { get; set; }
    public required string ResourceUid { get; set; }
    public required string ResourceName { get; set; }

    /// <summary>added, changed or removed.</summary>
    public required string Action { get; set; }

    /// <summary><c>{"field": {"before": …, "after": …}}</c> of the fields that changed.</summary>
    public required string ChangesJson { get; set; }

    /// <summary>Who made it: <c>sync:{name}#{run}</c> or <c>user:{name}</c>.</summary>
    public required string Source { get; set; }

    public DateTime At { get; set; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static InventoryChange Of(long resourceId, string type, string uid, string name, string action,
        IReadOnlyDictionary<string, FieldChange> changes, string source, DateTime at) => new()
    {
        ResourceId = resourceId, ResourceType = type, ResourceUid = uid, ResourceName = name, Action = action,
        ChangesJson = JsonSerializer.Serialize(changes, Json), Source = source, At = at,
    };
}

public static class InventoryChangeActions
{
    public const string Added = "added";
    public const string Changed = "changed";
    public const string Removed = "removed";
}
