using Cmdb.Domain.Pricing.Catalog;

namespace Cmdb.Domain.Pricing;

/// <summary>A request item checked against the catalogue: every name resolved to the catalogue entry it means.</summary>
public abstract record ResolvedItem(string Vendor, string Kind, string Region, long Quantity);

public sealed record ResolvedDisk(DiskType Type, long Size);

public sealed record ResolvedServer(string Vendor, string Region, long Quantity, ServerSpec Spec, ImageOption? Image, ResolvedDisk SystemDisk,
    IReadOnlyList<ResolvedDisk> DataDisks, int BandwidthMbps) : ResolvedItem(Vendor, PricingNames.Server, Region, Quantity);

public sealed record ResolvedCloudDisk(string Vendor, string Region, long Quantity, ResolvedDisk Disk)
    : ResolvedItem(Vendor, PricingNames.Disk, Region, Quantity);

public sealed record ResolvedRds(string Vendor, string Region, long Quantity, RdsEngine Engine, string Version, string Series, string InstanceType,
    RdsClass Class, long Storage) : ResolvedItem(Vendor, PricingNames.Rds, Region, Quantity)
{
    /// <summary>The price book key of the instance: engine and class, and the version where it changes the price.</summary>
    public string InstanceKey => Engine.PriceByVersion ? $"{Engine.Id}:{Version}:{Class.Id}" : $"{Engine.Id}:{Class.Id}";

    public string StorageKey => $"{Engine.Id}:{Series}";
}

public sealed record ResolvedRedis(string Vendor, string Region, long Quantity, RedisSpec Spec, string Version)
    : ResolvedItem(Vendor, PricingNames.Redis, Region, Quantity);

public sealed record ResolvedLb(string Vendor, string Region, long Quantity, LbSpec Spec, int BandwidthMbps)
    : ResolvedItem(Vendor, PricingNames.Lb, Region, Quantity);

/// <summary>An elastic IP's bandwidth (the cost report prices inventory EIPs; estimates put bandwidth on servers and load balancers).</summary>
public sealed record ResolvedEip(string Vendor, string Region, long Quantity, int BandwidthMbps) : ResolvedItem(Vendor, "eip", Region, Quantity);

/// <summary>
/// An IDC resource, priced from the pricing strategies matching its env, host env and cloud: a
/// virtual server by its cpu, memory and disk, a physical one (<paramref name="Physical"/>) by the
/// <c>server</c> strategy, a disk by its size.
/// </summary>
public sealed record ResolvedIdc(string Kind, string Region, long Quantity, int Cpu, decimal Memory, long DiskGb, string Env, string HostEnv, string Cloud,
    bool Physical = false) : ResolvedItem(PricingNames.Idc, Kind, Region, Quantity);
