using Cmdb.Domain.Pricing.Catalog;

namespace Cmdb.Domain.Pricing;

/// <summary>
/// Checks an estimate item against the catalogue and the rules of DOMAIN.md "Pricing" (regions,
/// specs, which disk types a spec supports, disk size bounds, storage ranges and steps,
/// quantities) and resolves it. Every problem names the field and the allowed values.
/// </summary>
public sealed class ItemResolver(PricingCatalog catalog)
{
    public (ResolvedItem? Item, IReadOnlyList<PricingProblem> Problems) Resolve(EstimateItem item)
    {
        var problems = new List<PricingProblem>();
        var resolved = Resolve(item, problems);
        return (problems.Count == 0 ? resolved : null, problems);
    }

    private ResolvedItem? Resolve(EstimateItem item, List<PricingProblem> problems)
    {
        var quantity = item.Quantity ?? 1;
        if (quantity < 1 || quantity > EstimateLimits.MaxQuantity)
            problems.Add(new("quantity", $"The quantity must be 1–{EstimateLimits.MaxQuantity:N0}."));
        var vendor = OneOf(item.Vendor, "vendor", PricingNames.Vendors, problems);
        var kinds = vendor == PricingNames.Idc ? PricingNames.IdcKinds : PricingNames.Kinds;
        var kind = OneOf(item.Kind, "kind", kinds, problems);
        var p = item.Parameters ?? new EstimateParameters();
        if (vendor == PricingNames.Idc)
            return kind is null ? null : Idc(kind, item.Region?.Trim().ToLowerInvariant() ?? "", quantity, p, problems);

        var regionName = vendor is null ? null : OneOf(item.Region, "region", catalog.RegionsOf(vendor), problems);
        if (vendor is null || kind is null || regionName is null)
            return null;
        var region = catalog.Region(vendor, regionName)!;
        return kind switch
        {
            PricingNames.Server => Server(region, quantity, p, problems),
            PricingNames.Disk => CloudDisk(region, quantity, p, problems),
            PricingNames.Rds => Rds(region, quantity, p, problems),
            PricingNames.Redis => Redis(region, quantity, p, problems),
            _ => Lb(region, quantity, p, problems),
        };
    }

    private static ResolvedServer? Server(RegionCatalog region, long quantity, EstimateParameters p, List<PricingProblem> problems)
    {
        var spec = Named(p.Spec, "parameters.spec", region.Specs.Select(s => s.Id), region.Spec, problems);
        ImageOption? image = null;
        if (p.Image is not null)
            image = Named(p.Image, "parameters.image", region.Images.Select(i => i.Id), region.Image, problems);
        var bandwidth = Bandwidth(p.BandwidthMbps, problems);
        if (spec is null)
            return null;
        var allowed = region.DiskTypesFor(spec);
        var systemDisk = p.SystemDisk is null
            ? new ResolvedDisk(allowed[0], region.Vendor.SystemDisk.Min)
            : Disk(region, spec, allowed, p.SystemDisk.Type, p.SystemDisk.Size, region.Vendor.SystemDisk, "parameters.systemDisk", problems);
        var dataDisks = new List<ResolvedDisk>();
        var requested = p.DataDisks ?? [];
        if (requested.Count > region.Vendor.MaxDataDisks)
            problems.Add(new("parameters.dataDisks", $"At most {region.Vendor.MaxDataDisks} data disks per server at {region.Vendor.Vendor}."));
        for (var i = 0; i < requested.Count && i < region.Vendor.MaxDataDisks; i++)
        {
            var type = region.DiskType(requested[i]?.Type ?? "");
            var disk = Disk(region, spec, allowed, requested[i]?.Type, requested[i]?.Size, type?.Data, $"parameters.dataDisks[{i}]", problems);
            if (disk is not null)
                dataDisks.Add(disk);
        }
        return systemDisk is null || problems.Count > 0 ? null
            : new ResolvedServer(region.Vendor.Vendor, region.Region, quantity, spec, image, systemDisk, dataDisks, bandwidth);
    }

    private static ResolvedDisk? Disk(RegionCatalog region, ServerSpec? spec, IReadOnlyList<DiskType> allowed, string? typeId, long? size,
        SizeRange? range, string field, List<PricingProblem> problems, string typeName = "type", string sizeName = "size")
    {
        var type = Named(typeId, $"{field}.{typeName}", region.Vendor.DiskTypes.Select(d => d.Id), region.DiskType, problems);
        if (type is null)
            return null;
        if (!allowed.Contains(type))
        {
            problems.Add(new($"{field}.{typeName}", $"The spec {spec?.Id} ({spec?.Family} family) does not support the disk type '{type.Id}'; allowed: {string.Join(", ", allowed.Select(d => d.Id))}."));
            return null;
        }
        range ??= type.Data;
        if (size is null || !range.Allows(size.Value))
        {
            problems.Add(new($"{field}.{sizeName}", $"The size must be {range.Describe()} for {type.Id}."));
            return null;
        }
        return new ResolvedDisk(type, size.Value);
    }

    private static ResolvedCloudDisk? CloudDisk(RegionCatalog region, long quantity, EstimateParameters p, List<PricingProblem> problems)
    {
        var disk = Disk(region, null, region.Vendor.DiskTypes, p.DiskType, p.Size, null, "parameters", problems, typeName: "diskType");
        return disk is null ? null : new ResolvedCloudDisk(region.Vendor.Vendor, region.Region, quantity, disk);
    }

    private static ResolvedRds? Rds(RegionCatalog region, long quantity, EstimateParameters p, List<PricingProblem> problems)
    {
        var engine = Named(p.Engine, "parameters.engine", region.Vendor.RdsEngines.Select(e => e.Id), region.Engine, problems);
        if (engine is null)
            return null;
        var version = OneOf(p.Version ?? engine.Versions[^1], "parameters.version", engine.Versions, problems);
        var instanceType = OneOf(p.InstanceType ?? "primary", "parameters.instanceType", engine.InstanceTypes, problems);
        var series = p.Series is null ? null : OneOf(p.Series, "parameters.series", engine.Series, problems);
        if (p.Storage is null || !engine.Storage.Allows(p.Storage.Value))
            problems.Add(new("parameters.storage", $"The storage of {engine.Name} at {region.Vendor.Vendor} must be {engine.Storage.Describe()}."));
        if (version is null || instanceType is null || (p.Series is not null && series is null))
            return null;
        var classes = engine.Classes
            .Where(c => c.InstanceType == instanceType && (series is null || c.Series == series) && (c.Versions is null || c.Versions.Contains(version)))
            .ToList();
        var rdsClass = Named(p.Class, "parameters.class", classes.Select(c => c.Id),
            id => classes.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.OrdinalIgnoreCase)), problems,
            $" for {engine.Name} {version}, {instanceType}{(series is null ? "" : ", " + series)}");
        return rdsClass is null || problems.Count > 0 ? null
            : new ResolvedRds(region.Vendor.Vendor, region.Region, quantity, engine, version, series ?? rdsClass.Series, instanceType, rdsClass, p.Storage!.Value);
    }

    private static ResolvedRedis? Redis(RegionCatalog region, long quantity, EstimateParameters p, List<PricingProblem> problems)
    {
        var redis = region.Vendor.Redis;
        var version = OneOf(p.Version ?? redis.Versions[^1], "parameters.version", redis.Versions, problems);
        var architecture = OneOf(p.Architecture ?? "standard", "parameters.architecture", ["standard", "cluster"], problems);
        if (architecture is null)
            return null;
        var candidates = redis.Specs.Where(s => s.Architecture == architecture).ToList();
        var spec = candidates.FirstOrDefault(s => s.CapacityGb == p.CapacityGb && (p.Shards is null || s.Shards == p.Shards));
        if (spec is null)
        {
            var allowed = candidates.Select(s => architecture == "cluster" ? $"{s.CapacityGb} GB/{s.Shards} shards" : $"{s.CapacityGb} GB");
            problems.Add(new("parameters.capacityGb", $"No {architecture} Redis spec of {p.CapacityGb} GB{(p.Shards is null ? "" : $" with {p.Shards} shards")} at {region.Vendor.Vendor}; allowed: {string.Join(", ", allowed)}."));
        }
        return spec is null || version is null ? null : new ResolvedRedis(region.Vendor.Vendor, region.Region, quantity, spec, version);
    }

    private static ResolvedLb? Lb(RegionCatalog region, long quantity, EstimateParameters p, List<PricingProblem> problems)
    {
        var spec = Named(p.Spec, "parameters.spec", region.Vendor.LbSpecs.Select(s => s.Id), region.LbSpec, problems);
        var bandwidth = Bandwidth(p.BandwidthMbps, problems);
        return spec is null || problems.Count > 0 ? null : new ResolvedLb(region.Vendor.Vendor, region.Region, quantity, spec, bandwidth);
    }

    private static ResolvedIdc? Idc(string kind, string region, long quantity, EstimateParameters p, List<PricingProblem> problems)
    {
        var cpu = p.Cpu ?? 0;
        var memory = p.Memory ?? 0;
        var disk = p.Size ?? 0;
        if (cpu < 0 || cpu > EstimateLimits.MaxIdcCpu)
            problems.Add(new("parameters.cpu", $"The cpu must be 0–{EstimateLimits.MaxIdcCpu} cores."));
        if (memory < 0 || memory > EstimateLimits.MaxIdcMemory)
            problems.Add(new("parameters.memory", $"The memory must be 0–{EstimateLimits.MaxIdcMemory} GB."));
        if (disk < 0 || disk > EstimateLimits.MaxIdcDiskGb)
            problems.Add(new("parameters.size", $"The disk size must be 0–{EstimateLimits.MaxIdcDiskGb} GB."));
        if (kind == PricingNames.Disk && disk <= 0)
            problems.Add(new("parameters.size", "An IDC disk needs its size in GB (1 or more)."));
        if (kind == PricingNames.Server && cpu == 0 && memory == 0 && disk == 0)
            problems.Add(new("parameters.cpu", "An IDC server needs its cpu, memory or disk size."));
        if (string.IsNullOrWhiteSpace(p.Env))
            problems.Add(new("parameters.env", "The env (prod, uat, test, dev, …) chooses the pricing strategy; it is required for IDC items."));
        return problems.Count > 0 ? null
            : new ResolvedIdc(kind, region, quantity, cpu, memory, disk, PricingStrategy.Value(p.Env!),
                PricingStrategy.Value(p.HostEnv ?? PricingStrategy.Any), PricingStrategy.Value(p.Cloud ?? PricingNames.Idc));
    }

    private static int Bandwidth(int? mbps, List<PricingProblem> problems)
    {
        if (mbps is < 0 or > EstimateLimits.MaxBandwidthMbps)
            problems.Add(new("parameters.bandwidthMbps", $"The bandwidth must be 0–{EstimateLimits.MaxBandwidthMbps} Mbps."));
        return Math.Clamp(mbps ?? 0, 0, EstimateLimits.MaxBandwidthMbps);
    }

    private static string? OneOf(string? value, string field, IReadOnlyList<string> allowed, List<PricingProblem> problems)
    {
        var match = allowed.FirstOrDefault(a => string.Equals(a, value?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (match is null)
            problems.Add(new(field, value is null ? $"Required; one of: {string.Join(", ", allowed)}." : $"'{value}' is not one of: {string.Join(", ", allowed)}."));
        return match;
    }

    private static T? Named<T>(string? id, string field, IEnumerable<string> allowed, Func<string, T?> find, List<PricingProblem> problems, string where = "")
        where T : class
    {
        var found = id is null ? null : find(id.Trim());
        if (found is null)
            problems.Add(new(field, id is null ? $"Required{where}; allowed: {string.Join(", ", allowed)}." : $"'{id}' is not known{where}; allowed: {string.Join(", ", allowed)}."));
        return found;
    }
}
