namespace Cmdb.Domain.Inventory.Sync;

/// <summary>A changed resource: its stored id and what it becomes.</summary>
public sealed record ChangedResource(long Id, NormalizedResource Resource);

/// <summary>What a sync would do to one resource type.</summary>
public sealed class ResourceDiff(string type)
{
    public string Type { get; } = type;
    public int Existing { get; set; }
    public int Unchanged { get; set; }
    public int LeftOut { get; set; }
    public int Duplicates { get; set; }
    public List<NormalizedResource> Added { get; } = [];
    public List<ChangedResource> Changed { get; } = [];
    public List<long> Removed { get; } = [];

    /// <summary>The uids of <see cref="Removed"/>, for resolving the same run's relations (not stored with a held diff).</summary>
    public List<string> RemovedUids { get; } = [];
}

/// <summary>A relation by the types and uids of its ends.</summary>
public sealed record RelationPair(string SourceType, string SourceUid, string TargetType, string TargetUid);

/// <summary>What a sync would do to one relation kind (only that kind is replaced).</summary>
public sealed class RelationDiff(string kind)
{
    public string Kind { get; } = kind;
    public int Existing { get; set; }
    public int Unresolved { get; set; }
    public List<RelationPair> Added { get; } = [];
    public List<RelationPair> Removed { get; } = [];
    public string Scope => RelationScope(Kind);

    public static string RelationScope(string kind) => "rel:" + kind;
}

/// <summary>One line of a run's summary.</summary>
public sealed record ScopeSummary(string Scope, int Existing, int Added, int Changed, int Removed, int LeftOut, bool OverThreshold, int Allowed);

/// <summary>Everything one run would change.</summary>
public sealed class SyncDiff
{
    public List<ResourceDiff> Resources { get; } = [];
    public List<RelationDiff> Relations { get; } = [];

    public int ChangeCount => Resources.Sum(r => r.Added.Count + r.Changed.Count + r.Removed.Count) + Relations.Sum(r => r.Added.Count + r.Removed.Count);

    public IReadOnlyList<ScopeSummary> Summarise(InventorySyncOptions options) =>
    [
        .. Resources.Select(r => Line(options, r.Type, r.Existing, r.Added.Count, r.Changed.Count, r.Removed.Count, r.LeftOut)),
        .. Relations.Select(r => Line(options, r.Scope, r.Existing, r.Added.Count, 0, r.Removed.Count, r.Unresolved)),
    ];

    private static ScopeSummary Line(InventorySyncOptions options, string scope, int existing, int added, int changed, int removed, int leftOut)
    {
        var threshold = options.ThresholdFor(scope);
        return new ScopeSummary(scope, existing, added, changed, removed, leftOut, threshold.IsExceeded(existing, added, removed), threshold.Allowed(existing));
    }
}
