namespace Cmdb.Domain.Pricing;

/// <summary>
/// Prices Tencent does not return from its price APIs, computed from its published rules:
/// <list type="bullet">
/// <item>Cloud disks (CBS): monthly = size (GB) × the type's price per GB-month × the region factor.</item>
/// <item>TencentDB for MariaDB: two nodes; monthly instance = 2 × (cpu × per-core + memory GB × per-GB) × region factor;
/// storage = size (GB) × per-GB-month × 2 nodes × region factor.</item>
/// </list>
/// The coefficients shipped here have the published rules' shape but are synthetic sample
/// values (<see cref="Sample"/> is true), so estimates using them are labelled sample.
/// </summary>
public sealed class TencentPriceRules
{
    public static TencentPriceRules Published { get; } = new();

    public bool Sample { get; init; } = true;

    public IReadOnlyDictionary<string, decimal> DiskPerGbMonth { get; init; } = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase)
    {
        ["CLOUD_PREMIUM"] = 0.35m, ["CLOUD_BSSD"] = 0.50m, ["CLOUD_SSD"] = 1.00m, ["CLOUD_HSSD"] = 1.20m,
    };

    public decimal MariaDbPerCoreMonth { get; init; } = 45m;
    public decimal MariaDbPerMemoryGbMonth { get; init; } = 20m;
    public decimal MariaDbStoragePerGbMonth { get; init; } = 0.60m;
    public int MariaDbNodes { get; init; } = 2;

    /// <summary>Hong Kong costs more than the mainland by this factor.</summary>
    public decimal HongKongFactor { get; init; } = 1.3m;

    public decimal RegionFactor(string region) => region.EndsWith("hongkong", StringComparison.Ordinal) ? HongKongFactor : 1m;

    /// <summary>The price per GB-month of a disk type in a region (the unit price of the rule).</summary>
    public decimal DiskUnitPrice(string diskType, string region) =>
        DiskPerGbMonth.TryGetValue(diskType, out var price)
            ? price * RegionFactor(region)
            : throw new ArgumentException($"No Tencent disk rule for '{diskType}'.", nameof(diskType));

    public decimal MariaDbInstanceMonthly(int cpu, decimal memoryGb, string region) =>
        MariaDbNodes * (cpu * MariaDbPerCoreMonth + memoryGb * MariaDbPerMemoryGbMonth) * RegionFactor(region);

    public decimal MariaDbStorageUnitPrice(string region) => MariaDbNodes * MariaDbStoragePerGbMonth * RegionFactor(region);
}
