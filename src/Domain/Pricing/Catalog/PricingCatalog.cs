using System.Text.Json;

namespace Cmdb.Domain.Pricing.Catalog;

/// <summary>
/// The checked-in catalogues (embedded <c>Catalog/alibaba.json</c>, <c>tencent.json</c>), read
/// once, with the per-region views a form needs: specs sorted by cpu, memory and newest
/// generation, images without duplicates, the disk types a spec's family supports.
/// </summary>
public sealed class PricingCatalog
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Dictionary<string, VendorCatalog> _vendors;
    private readonly Dictionary<(string Vendor, string Region), RegionCatalog> _regions = [];

    public PricingCatalog(IEnumerable<VendorCatalog> vendors)
    {
        _vendors = vendors.ToDictionary(v => v.Vendor, StringComparer.Ordinal);
        foreach (var vendor in _vendors.Values)
            foreach (var region in vendor.Regions)
                _regions[(vendor.Vendor, region)] = new RegionCatalog(vendor, region);
    }

    /// <summary>The catalogues shipped with Cmdb.</summary>
    public static PricingCatalog Embedded { get; } = new(PricingNames.CloudVendors.Select(Load));

    public VendorCatalog? Vendor(string vendor) => _vendors.GetValueOrDefault(vendor);

    public IReadOnlyList<string> RegionsOf(string vendor) => _vendors.TryGetValue(vendor, out var v) ? v.Regions : [];

    public RegionCatalog? Region(string vendor, string region) => _regions.GetValueOrDefault((vendor, region));

    public static VendorCatalog Load(string vendor)
    {
        using var stream = typeof(PricingCatalog).Assembly.GetManifestResourceStream($"Cmdb.Pricing.{vendor}.json")
            ?? throw new InvalidOperationException($"The pricing catalogue of '{vendor}' is not embedded.");
        return JsonSerializer.Deserialize<VendorCatalog>(stream, Json) ?? throw new InvalidOperationException($"The pricing catalogue of '{vendor}' is empty.");
    }
}

/// <summary>One vendor's catalogue in one region.</summary>
public sealed class RegionCatalog
{
    private readonly Dictionary<string, ServerSpec> _specs;
    private readonly Dictionary<string, ImageOption> _images;
    private readonly Dictionary<string, DiskType> _diskTypes;

    public RegionCatalog(VendorCatalog vendor, string region)
    {
        Vendor = vendor;
        Region = region;
        Specs = SortSpecs(vendor.ServerSpecs.Where(s => Sold(s.Regions)));
        Images = DistinctImages(vendor.Images.Where(i => Sold(i.Regions)));
        _specs = Specs.ToDictionary(s => s.Id, StringComparer.OrdinalIgnoreCase);
        _images = Images.ToDictionary(i => i.Id, StringComparer.OrdinalIgnoreCase);
        _diskTypes = vendor.DiskTypes.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);
    }

    public VendorCatalog Vendor { get; }
    public string Region { get; }
    public IReadOnlyList<ServerSpec> Specs { get; }
    public IReadOnlyList<ImageOption> Images { get; }

    public ServerSpec? Spec(string id) => _specs.GetValueOrDefault(id);

    public ImageOption? Image(string id) => _images.GetValueOrDefault(id);

    public DiskType? DiskType(string id) => _diskTypes.GetValueOrDefault(id);

    public RdsEngine? Engine(string id) => Vendor.RdsEngines.FirstOrDefault(e => string.Equals(e.Id, id, StringComparison.OrdinalIgnoreCase));

    public RedisSpec? RedisSpec(string id) => Vendor.Redis.Specs.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    public LbSpec? LbSpec(string id) => Vendor.LbSpecs.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The disk types a spec's family can attach (all of them when no spec is named).</summary>
    public IReadOnlyList<DiskType> DiskTypesFor(ServerSpec? spec) =>
        spec is null ? Vendor.DiskTypes : [.. Vendor.DiskTypes.Where(d => d.Families.Contains(spec.Family, StringComparer.OrdinalIgnoreCase))];

    /// <summary>Cpu, then memory, then newest generation first (then id, so the order is stable).</summary>
    public static IReadOnlyList<ServerSpec> SortSpecs(IEnumerable<ServerSpec> specs) =>
        [.. specs.OrderBy(s => s.Cpu).ThenBy(s => s.Memory).ThenByDescending(s => s.Generation).ThenBy(s => s.Id, StringComparer.Ordinal)];

    /// <summary>Each image id once (vendors list shared images once per source); the first entry wins.</summary>
    public static IReadOnlyList<ImageOption> DistinctImages(IEnumerable<ImageOption> images) =>
        [.. images.DistinctBy(i => i.Id, StringComparer.OrdinalIgnoreCase)];

    private bool Sold(IReadOnlyList<string>? regions) => regions is null || regions.Contains(Region);
}
