namespace Cmdb.Domain.Pricing;

/// <summary>One line of an estimate request: what to price, where, and how many.</summary>
public sealed record EstimateItem(string? Vendor, string? Kind, string? Region, EstimateParameters? Parameters, long? Quantity = 1);

/// <summary>
/// The parameters of every kind in one shape (each kind reads its own): server (spec, image,
/// system and data disks, bandwidth), disk (diskType, size), rds (engine, version, series,
/// instanceType, class, storage), redis (architecture, capacityGb, shards, version), lb (spec,
/// bandwidth); IDC items (cpu, memory, size, env, hostEnv, cloud) are priced by strategies.
/// </summary>
public sealed record EstimateParameters
{
    public string? Spec { get; init; }
    public string? Image { get; init; }
    public DiskRequest? SystemDisk { get; init; }
    public IReadOnlyList<DiskRequest>? DataDisks { get; init; }
    public int? BandwidthMbps { get; init; }

    public string? DiskType { get; init; }
    public long? Size { get; init; }

    public string? Engine { get; init; }
    public string? Version { get; init; }
    public string? Series { get; init; }
    public string? InstanceType { get; init; }
    public string? Class { get; init; }
    public long? Storage { get; init; }

    public string? Architecture { get; init; }
    public int? CapacityGb { get; init; }
    public int? Shards { get; init; }

    public int? Cpu { get; init; }
    public decimal? Memory { get; init; }
    public string? Env { get; init; }
    public string? HostEnv { get; init; }
    public string? Cloud { get; init; }
}

public sealed record DiskRequest(string? Type, long? Size);

/// <summary>A broken rule of a request: the JSON path of the field (relative to the item) and what is allowed.</summary>
public sealed record PricingProblem(string Field, string Message);

public static class EstimateLimits
{
    public const int MaxItems = 1000;
    public const long MaxQuantity = 10_000;
    public const int MaxBandwidthMbps = 200;
    public const int MaxIdcCpu = 1024;
    public const decimal MaxIdcMemory = 16384;
    public const long MaxIdcDiskGb = 1_048_576;
}
