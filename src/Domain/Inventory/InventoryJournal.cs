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
}

public static class InventoryChangeActions
{
    public const string Added = "added";
    public const string Changed = "changed";
    public const string Removed = "removed";
}
