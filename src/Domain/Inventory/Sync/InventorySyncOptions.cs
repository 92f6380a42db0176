namespace Cmdb.Domain.Inventory.Sync;

/// <summary>
/// <c>Inventory</c> section: the configured syncs and the fluctuation thresholds (数据波动检查).
/// </summary>
public sealed class InventorySyncOptions
{
    public const string SectionName = "Inventory";

    /// <summary>Named syncs, e.g. <c>Inventory:Syncs:cmp-daily</c>.</summary>
    public Dictionary<string, SyncDefinition> Syncs { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public FluctuationThreshold Fluctuation { get; set; } = new();

    /// <summary>The embedded default loads a generated inventory of this size on first start (0: none); on with SQLite.</summary>
    public int DemoSize { get; set; } = 20_000;

    /// <summary>Per type (or <c>rel:{kind}</c>) thresholds overriding <see cref="Fluctuation"/>.</summary>
    public Dictionary<string, FluctuationThreshold> FluctuationByScope { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public FluctuationThreshold ThresholdFor(string scope) => FluctuationByScope.GetValueOrDefault(scope) ?? Fluctuation;
}

public sealed class SyncDefinition
{
    /// <summary><c>cmp</c>, <c>file</c> or <c>generated</c>.</summary>
    public string Connector { get; set; } = "cmp";

    /// <summary>A Quartz cron expression (seconds first), e.g. <c>0 10 0 * * ?</c> for 00:10 daily; none = run by hand only.</summary>
    public string? Cron { get; set; }

    /// <summary>The resource types it syncs; empty = every type, unless <see cref="Relations"/> are given (a relation-only sync).</summary>
    public List<string> Types { get; set; } = [];

    /// <summary>The relation kinds it syncs (only those are replaced).</summary>
    public List<string> Relations { get; set; } = [];

    /// <summary>For the file connector: the folder to read.</summary>
    public string? Path { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>For the generated connector: how many resources, and the seed.</summary>
    public int Size { get; set; } = 20_000;

    public int Seed { get; set; } = 1;
}

/// <summary>
/// A sync swings too far when its additions or its removals of a scope exceed
/// max(<see cref="Rows"/>, <see cref="Percent"/> % of the rows the scope holds now).
/// An empty scope has nothing to protect and is loaded without the check.
/// </summary>
public sealed class FluctuationThreshold
{
    public double Percent { get; set; } = 10;
    public int Rows { get; set; } = 50;

    public int Allowed(int existing) => Math.Max(Rows, (int)Math.Floor(existing * Percent / 100));

    public bool IsExceeded(int existing, int added, int removed) => existing > 0 && (added > Allowed(existing) || removed > Allowed(existing));
}
