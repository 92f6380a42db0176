using System.Globalization;
using Cmdb.Domain.Pricing.Catalog;

namespace Cmdb.Domain.Pricing;

/// <summary>The pricing-relevant fields of inventory resources that share them (a group of <see cref="Count"/>).</summary>
public sealed record InventoryPriceKey(string Type, string Cloud, string? DataCenter, string? Env, string? Cpu, string? Memory, string? Size,
    string? DiskType, string? Engine, string? Version, string? Spec, string? Storage, string? Capacity, string? Bandwidth, long Count);

/// <summary>
/// Turns inventory resources into items to price: Alibaba Cloud and Tencent Cloud resources from
/// the catalogue (a VM by the nearest spec to its cpu and memory in its region, disks by type
/// and size, RDS by class and storage, Redis by capacity, load balancers by spec, EIPs by
/// bandwidth); resources of other platforms (VMware, office, …) from the IDC strategies, with
/// the platform as the cloud and the data centre as the host env. Anything else is returned with
/// the reason it cannot be priced.
/// </summary>
public sealed class InventoryPricing(PricingCatalog catalog)
{
    public static readonly IReadOnlyList<string> PricedTypes = ["vm", "server", "disk", "rds", "redis", "load-balancer", "eip"];

    private static readonly Dictionary<string, string> CloudVendors = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Alibaba Cloud"] = PricingNames.Alibaba, ["Tencent Cloud"] = PricingNames.Tencent,
    };

    private static readonly HashSet<string> UnpricedClouds = new(StringComparer.OrdinalIgnoreCase) { "AWS", "未知", "" };

    public (ResolvedItem? Item, string? Reason) Resolve(InventoryPriceKey r)
    {
        if (CloudVendors.TryGetValue(r.Cloud, out var vendor))
            return Cloud(vendor, r);
        if (UnpricedClouds.Contains(r.Cloud))
            return (null, r.Cloud is "" or "未知" ? "cloud unknown" : $"no catalogue for {r.Cloud}");
        var env = PricingStrategy.Value(r.Env ?? "");
        var hostEnv = PricingStrategy.Value(r.DataCenter ?? "");
        var cloud = PricingStrategy.Value(r.Cloud);
        return r.Type switch
        {
            "vm" => (new ResolvedIdc(PricingNames.Server, hostEnv, r.Count, Int(r.Cpu), Dec(r.Memory), 0, env, hostEnv, cloud), null),
            "server" => (new ResolvedIdc(PricingNames.Server, hostEnv, r.Count, Int(r.Cpu), Dec(r.Memory), 0, env, hostEnv, cloud, Physical: true), null),
            "disk" => (new ResolvedIdc(PricingNames.Disk, hostEnv, r.Count, 0, 0, Int(r.Size), env, hostEnv, cloud), null),
            _ => (null, $"no IDC pricing for {r.Type}"),
        };
    }

    private (ResolvedItem?, string?) Cloud(string vendor, InventoryPriceKey r)
    {
        var region = catalog.Region(vendor, r.DataCenter ?? "");
        if (region is null)
            return (null, $"{vendor} region '{r.DataCenter}' is not in the catalogue");
        switch (r.Type)
        {
            case "vm":
                if (Int(r.Cpu) <= 0)
                    return (null, "vm without cpu");
                var spec = VendorMapper.Nearest(region.Specs, Int(r.Cpu), Dec(r.Memory), s => s.Cpu, s => s.Memory);
                return (new ResolvedServer(vendor, region.Region, r.Count, spec, null, new ResolvedDisk(region.DiskTypesFor(spec)[0], 0), [], 0), null);
            case "disk":
                var type = region.DiskType(r.DiskType ?? "");
                return type is null
                    ? (null, $"disk type '{r.DiskType}' is not in the {vendor} catalogue")
                    : (new ResolvedCloudDisk(vendor, region.Region, r.Count, new ResolvedDisk(type, Int(r.Size))), null);
            case "rds":
                var engine = region.Engine(r.Engine?.Replace(" ", "") ?? "");
                var rdsClass = engine?.Classes.FirstOrDefault(c => string.Equals(c.Id, r.Spec, StringComparison.OrdinalIgnoreCase));
                if (engine is null || rdsClass is null)
                    return (null, $"RDS {r.Engine} class '{r.Spec}' is not in the {vendor} catalogue");
                var version = engine.Versions.Contains(r.Version ?? "") ? r.Version! : rdsClass.Versions?[0] ?? engine.Versions[^1];
                return (new ResolvedRds(vendor, region.Region, r.Count, engine, version, rdsClass.Series, rdsClass.InstanceType, rdsClass, Int(r.Storage)), null);
            case "redis":
                var redis = region.Vendor.Redis.Specs.FirstOrDefault(s => s.Architecture == "standard" && s.CapacityGb == Int(r.Capacity));
                return redis is null
                    ? (null, $"no {vendor} standard Redis spec of {r.Capacity} GB")
                    : (new ResolvedRedis(vendor, region.Region, r.Count, redis, r.Version ?? region.Vendor.Redis.Versions[^1]), null);
            case "load-balancer":
                var lb = region.LbSpec(r.Spec ?? "");
                return lb is null ? (null, $"load balancer spec '{r.Spec}' is not in the {vendor} catalogue")
                    : (new ResolvedLb(vendor, region.Region, r.Count, lb, 0), null);
            case "eip":
                return (new ResolvedEip(vendor, region.Region, r.Count, Int(r.Bandwidth)), null);
            default:
                return (null, $"no {vendor} pricing for {r.Type}");
        }
    }

    private static int Int(string? value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? (int)Math.Clamp(d, 0, int.MaxValue) : 0;

    private static decimal Dec(string? value) =>
        decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : 0;
}
