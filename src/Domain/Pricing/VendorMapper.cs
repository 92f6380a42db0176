using Cmdb.Domain.Pricing.Catalog;

namespace Cmdb.Domain.Pricing;

/// <summary>
/// Maps a resolved cloud item to the nearest equivalent at the other vendor, for side-by-side
/// comparison: the same city, the spec (or RDS class) with the same cpu and memory (newest
/// generation first), else the nearest one at least as large, else the largest; equivalent
/// disk types the spec supports; storage fitted to the other vendor's range and step.
/// </summary>
public sealed class VendorMapper(PricingCatalog catalog)
{
    private static readonly Dictionary<string, string> DiskPeers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cloud_efficiency"] = "CLOUD_PREMIUM", ["cloud_ssd"] = "CLOUD_SSD", ["cloud_essd"] = "CLOUD_HSSD", ["cloud_auto"] = "CLOUD_BSSD",
        ["CLOUD_PREMIUM"] = "cloud_efficiency", ["CLOUD_SSD"] = "cloud_ssd", ["CLOUD_HSSD"] = "cloud_essd", ["CLOUD_BSSD"] = "cloud_auto",
    };

    /// <summary>The item at <paramref name="vendor"/> and a sentence saying what was chosen (null note: same vendor, unchanged).</summary>
    public (ResolvedItem? Item, string? Note) Map(ResolvedItem item, string vendor)
    {
        if (item.Vendor == vendor || item is ResolvedIdc)
            return (item, null);
        var region = catalog.Region(vendor, PricingNames.PeerRegion[item.Region])!;
        switch (item)
        {
            case ResolvedServer s:
                {
                    var spec = Nearest(region.Specs, s.Spec.Cpu, s.Spec.Memory, x => x.Cpu, x => x.Memory);
                    var allowed = region.DiskTypesFor(spec);
                    var image = s.Image is null ? null : region.Images.FirstOrDefault(i => i.Windows == s.Image.Windows);
                    var system = Disk(s.SystemDisk, allowed, region.Vendor.SystemDisk);
                    var data = s.DataDisks.Take(region.Vendor.MaxDataDisks).Select(d => Disk(d, allowed, null)).ToList();
                    var mapped = new ResolvedServer(vendor, region.Region, s.Quantity, spec, image, system, data, s.BandwidthMbps);
                    var disks = string.Join(", ", new[] { system }.Concat(data).Select(d => $"{d.Type.Id} {d.Size} GB"));
                    return (mapped, $"{s.Spec.Display} at {s.Vendor} → {spec.Display} (nearest by cpu and memory); disks {disks}");
                }
            case ResolvedCloudDisk d:
                {
                    var disk = Disk(d.Disk, region.Vendor.DiskTypes, null);
                    return (new ResolvedCloudDisk(vendor, region.Region, d.Quantity, disk), $"{d.Disk.Type.Id} → {disk.Type.Id} {disk.Size} GB");
                }
            case ResolvedRds r:
                {
                    var engine = region.Engine(r.Engine.Id)!;
                    var version = engine.Versions.Contains(r.Version) ? r.Version : engine.Versions[^1];
                    var classes = engine.Classes.Where(c => c.InstanceType == "primary" && (c.Versions is null || c.Versions.Contains(version))).ToList();
                    var sameSeries = classes.Where(c => c.Series == r.Series).ToList();
                    var rdsClass = Nearest(sameSeries.Count > 0 ? sameSeries : classes, r.Class.Cpu, r.Class.Memory, c => c.Cpu, c => c.Memory);
                    var storage = engine.Storage.Fit(r.Storage);
                    var mapped = new ResolvedRds(vendor, region.Region, r.Quantity, engine, version, rdsClass.Series, "primary", rdsClass, storage);
                    return (mapped, $"{r.Engine.Name} {r.Version} {r.Class.Display} {r.Storage} GB at {r.Vendor} → {engine.Name} {version} {rdsClass.Display} {storage} GB");
                }
            case ResolvedRedis r:
                {
                    var specs = region.Vendor.Redis.Specs.Where(x => x.Architecture == r.Spec.Architecture).OrderBy(x => x.CapacityGb).ToList();
                    var spec = specs.FirstOrDefault(x => x.CapacityGb >= r.Spec.CapacityGb) ?? specs[^1];
                    var versions = region.Vendor.Redis.Versions;
                    var version = versions.Contains(r.Version) ? r.Version : versions.LastOrDefault(v => string.CompareOrdinal(v, r.Version) <= 0) ?? versions[0];
                    return (new ResolvedRedis(vendor, region.Region, r.Quantity, spec, version), $"{r.Spec.Id} → {spec.Id} ({spec.CapacityGb} GB, Redis {version})");
                }
            case ResolvedLb l:
                {
                    var specs = region.Vendor.LbSpecs.OrderBy(x => x.MaxConnections).ToList();
                    var spec = specs.FirstOrDefault(x => x.MaxConnections >= l.Spec.MaxConnections) ?? specs[^1];
                    return (new ResolvedLb(vendor, region.Region, l.Quantity, spec, l.BandwidthMbps),
                        $"{l.Spec.Id} ({l.Spec.MaxConnections:N0} connections) → {spec.Id} ({spec.MaxConnections:N0})");
                }
            default:
                return (null, null);
        }
    }

    /// <summary>The same cpu and memory (first in catalogue order, i.e. newest generation), else the smallest at least as large, else the largest.</summary>
    public static T Nearest<T>(IReadOnlyList<T> candidates, int cpu, decimal memory, Func<T, int> cpuOf, Func<T, decimal> memoryOf)
    {
        var exact = candidates.FirstOrDefault(c => cpuOf(c) == cpu && memoryOf(c) == memory);
        if (exact is not null)
            return exact;
        var larger = candidates.Where(c => cpuOf(c) >= cpu && memoryOf(c) >= memory)
            .OrderBy(c => cpuOf(c) - cpu + (double)(memoryOf(c) - memory) / 4).FirstOrDefault();
        return larger ?? candidates.OrderByDescending(cpuOf).ThenByDescending(memoryOf).First();
    }

    private static ResolvedDisk Disk(ResolvedDisk disk, IReadOnlyList<DiskType> allowed, SizeRange? range)
    {
        var type = allowed.FirstOrDefault(t => DiskPeers.TryGetValue(disk.Type.Id, out var peer) && string.Equals(peer, t.Id, StringComparison.OrdinalIgnoreCase))
            ?? allowed[0];
        return new ResolvedDisk(type, (range ?? type.Data).Fit(disk.Size));
    }
}
