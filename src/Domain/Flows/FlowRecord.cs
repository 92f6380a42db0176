namespace Cmdb.Domain.Flows;

/// <summary>A flow and its draft; its published versions are <see cref="FlowVersionRecord"/>s.</summary>
public sealed class FlowRecord
{
    public required string Id { get; set; }
    public required string NameZh { get; set; }
    public required string NameEn { get; set; }
    public required string Form { get; set; }

    /// <summary>The definition being edited, not yet published; null when there is none.</summary>
    public string? DraftJson { get; set; }
    public DateTime? DraftUpdatedAt { get; set; }
    public string? DraftUpdatedBy { get; set; }

    /// <summary>Highest published version, 0 before the first.</summary>
    public int LatestVersion { get; set; }

    /// <summary>
    /// Highest version number ever published, removed versions included. Numbers are never
    /// reused: a node that still holds a removed version compiled can never run it for a new one.
    /// </summary>
    public int VersionsIssued { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A published version: never changed once written.</summary>
public sealed class FlowVersionRecord
{
    public required string FlowId { get; set; }
    public int Version { get; set; }
    public required string Json { get; set; }

    /// <summary>SHA-256 of the JSON, to tell a changed file from the stored version.</summary>
    public required string Checksum { get; set; }
    public DateTime PublishedAt { get; set; }
    public required string PublishedBy { get; set; }

    /// <summary><c>file</c> (imported from workflow-definitions/) or <c>designer</c>.</summary>
    public required string Source { get; set; }
}
