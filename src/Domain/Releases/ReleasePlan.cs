namespace Cmdb.Domain.Releases;

/// <summary>
/// A batched Puppet release (one per release ticket): its temporary branch, the stages it goes
/// through in order and every merge and revert made for it.
/// </summary>
public sealed class ReleasePlan
{
    public long TicketId { get; set; }

    /// <summary><c>release/&lt;ticket id&gt;</c>, made from <c>production</c>.</summary>
    public required string TempBranch { get; set; }

    /// <summary>The temporary branch's first commit (production's head when it was made): the change is everything after it.</summary>
    public required string BaseCommit { get; set; }

    /// <summary>The Puppetfile blob r10k last passed, so an unchanged file is not checked again.</summary>
    public string? ValidatedBlob { get; set; }

    /// <summary>Set by a rollback: the plan can never be released again, only cancelled.</summary>
    public bool RolledBack { get; set; }

    /// <summary>When the long-lived branches were brought level after the rollback (uat → production → zones).</summary>
    public DateTime? LevelledAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Bumped by every change, so live views know when to refresh.</summary>
    public int Revision { get; set; }
}

/// <summary>One stage: <c>uat</c> (temp → uat), <c>production</c> (uat → production), or a batch (production → each of its zones).</summary>
public sealed class ReleaseStage
{
    public long TicketId { get; set; }

    /// <summary>0 = uat, 1 = production, 2… = the batches in plan order.</summary>
    public int Order { get; set; }

    public required string Name { get; set; }
    public required string Kind { get; set; }

    /// <summary>The branches this stage merges into, as a JSON array.</summary>
    public string TargetsJson { get; set; } = "[]";

    /// <summary>The stores of a batch, as a JSON array (a batch with none says so on the page).</summary>
    public string StoresJson { get; set; } = "[]";

    public ReleaseStageStatus Status { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? StartedBy { get; set; }
}

public static class ReleaseStageKinds
{
    public const string Uat = "uat";
    public const string Production = "production";
    public const string Batch = "batch";
}

/// <summary>DOMAIN.md's batch states (0–5) plus rolled back.</summary>
public enum ReleaseStageStatus
{
    Pending = 0,
    Releasing = 1,
    Failed = 2,
    Released = 3,
    RollingBack = 4,
    RollbackFailed = 5,
    RolledBack = 6,
}

/// <summary>A merge, revert or levelling merge, written as it happens.</summary>
public sealed class ReleaseMerge
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public int StageOrder { get; set; }

    /// <summary>release, revert or level.</summary>
    public required string Action { get; set; }

    public required string Source { get; set; }
    public required string Target { get; set; }

    /// <summary>The merge or revert commit (the target's head when it had the change already).</summary>
    public string? Commit { get; set; }

    /// <summary>For a revert: the merge commit it reverts.</summary>
    public string? Reverts { get; set; }

    /// <summary>done, upToDate (already there: recorded, not repeated), conflict or error.</summary>
    public required string Result { get; set; }

    public string? ConflictPaths { get; set; }
    public string? Error { get; set; }
    public required string Message { get; set; }
    public string? By { get; set; }
    public DateTime At { get; set; }
}

public static class ReleaseMergeActions
{
    public const string Release = "release";
    public const string Revert = "revert";
    public const string Level = "level";
}

public static class ReleaseMergeResults
{
    public const string Done = "done";
    public const string UpToDate = "upToDate";
    public const string Conflict = "conflict";
    public const string Error = "error";

    public static bool Succeeded(string result) => result is Done or UpToDate;
}
