namespace Cmdb.Domain.Inventory.Sync;

/// <summary>One run of a configured sync (or a file import): what it found, and whether it was applied, held or failed.</summary>
public sealed class InventorySyncRun
{
    public long Id { get; set; }
    public required string SyncName { get; set; }
    public required string Connector { get; set; }

    /// <summary>schedule, manual (an admin) or startup (the embedded default's demo load).</summary>
    public required string Trigger { get; set; }

    public string? StartedBy { get; set; }
    public required string Status { get; set; }

    /// <summary>The types and relation kinds the run covers, comma separated (<c>vm,host,rel:host-vm</c>).</summary>
    public required string Scopes { get; set; }

    /// <summary>Per scope: existing, added, changed, removed, left out, and whether the fluctuation threshold was exceeded (JSON).</summary>
    public string SummaryJson { get; set; } = "[]";

    public int ChangeCount { get; set; }
    public string? Problem { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
}

public static class SyncRunStatuses
{
    public const string Running = "running";
    public const string Applied = "applied";

    /// <summary>Refused by the fluctuation check: its diff is stored for an admin to apply or discard.</summary>
    public const string Held = "held";

    public const string Discarded = "discarded";
    public const string Failed = "failed";
}

/// <summary>One change of a held run's diff, kept for review and for applying later.</summary>
public sealed class InventorySyncChange
{
    public long Id { get; set; }
    public long RunId { get; set; }

    /// <summary>A resource type or <c>rel:{kind}</c>.</summary>
    public required string Scope { get; set; }

    public required string Action { get; set; }

    /// <summary>The resource uid, or <c>{sourceUid}→{targetUid}</c> for a relation.</summary>
    public required string Key { get; set; }

    /// <summary>Added/changed resource: the normalised resource (JSON); removed: the stored id; relation: the ids of both ends.</summary>
    public required string PayloadJson { get; set; }
}
