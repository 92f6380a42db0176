using Cmdb.Domain.Pricing.Catalog;

namespace Cmdb.Domain.Pricing;

/// <summary>
/// The sample price book the embedded default ships: every catalogue item gets a synthetic
/// monthly price from a simple formula (cpu and memory, family, region), labelled
/// <see cref="PriceSources.Sample"/>. These are not the vendors' prices and never a quote; a
/// live price or a stored live entry replaces them. Tencent disks and Tencent MariaDB are not
/// here: they come from <see cref="TencentPriceRules"/>.
/// </summary>
public static class SamplePriceBook
{
    public static IEnumerable<PriceBookEntry> Generate(PricingCatalog catalog, DateTime asOf)
    {
        foreach (var vendor in PricingNames.CloudVendors)
        {
            var v = catalog.Vendor(vendor)!;
            foreach (var region in v.Regions)
            {
                var r = catalog.Region(vendor, region)!;
                var factor = region.EndsWith("hongkong", StringComparison.Ordinal) ? 1.2m : 1m;
                foreach (var entry in Entries(r, vendor == PricingNames.Alibaba))
                    yield return new PriceBookEntry
                    {
                        Vendor = vendor, Region = region, Kind = entry.Kind, ItemKey = entry.Key, Component = entry.Component, Unit = entry.Unit,
                        UnitPrice = Math.Round(entry.Price * factor, 4, MidpointRounding.AwayFromZero), Source = PriceSources.Sample, AsOf = asOf,
                    };
            }
        }
    }

    private static IEnumerable<(string Kind, string Key, string Component, string Unit, decimal Price)> Entries(RegionCatalog r, bool alibaba)
    {
        foreach (var spec in r.Specs)
            yield return (PricingNames.Server, spec.Id, Components.Instance, PriceUnits.Month, Round2((spec.Cpu * 52m + spec.Memory * 17m) * FamilyFactor(spec)));
        // Alibaba charges a Windows licence per instance; Tencent includes it in the instance price (a zero line, left out of estimates).
        yield return (PricingNames.Server, "image:windows", Components.Image, PriceUnits.Month, alibaba ? 60m : 0m);
        yield return (PricingNames.Server, "bandwidth", Components.Bandwidth, PriceUnits.MbpsMonth, alibaba ? 23m : 20m);
        if (alibaba)
        {
            foreach (var (type, price) in new[] { ("cloud_efficiency", 0.35m), ("cloud_ssd", 1.00m), ("cloud_essd", 1.05m), ("cloud_auto", 1.00m) })
                yield return (PricingNames.Disk, type, Components.Disk, PriceUnits.GbMonth, price);
        }
        foreach (var engine in r.Vendor.RdsEngines)
        {
            if (!alibaba && engine.Id == "mariadb")
                continue;
            foreach (var c in engine.Classes)
            {
                IReadOnlyList<string?> versions = engine.PriceByVersion ? [.. c.Versions ?? engine.Versions] : [null];
                foreach (var version in versions)
                {
                    var key = version is null ? $"{engine.Id}:{c.Id}" : $"{engine.Id}:{version}:{c.Id}";
                    var price = (c.Cpu * 80m + c.Memory * 30m) * SeriesFactor(c) * EditionFactor(version) * (alibaba ? 1m : 0.95m);
                    yield return (PricingNames.Rds, key, Components.Instance, PriceUnits.Month, Round2(price));
                }
            }
            foreach (var series in engine.Series)
                yield return (PricingNames.Rds, $"{engine.Id}:{series}", Components.Storage, PriceUnits.GbMonth,
                    series switch { "basic" => 0.60m, "cluster" => 1.00m, _ => 0.80m } * (engine.Id == "sqlserver" ? 1.25m : 1m));
        }
        foreach (var spec in r.Vendor.Redis.Specs)
            yield return (PricingNames.Redis, spec.Id, Components.Instance, PriceUnits.Month,
                spec.CapacityGb * (alibaba ? 60m : 55m) + (spec.Architecture == "cluster" ? spec.Shards * 90m : 0m));
        yield return (PricingNames.Lb, "bandwidth", Components.Bandwidth, PriceUnits.MbpsMonth, alibaba ? 23m : 20m);
        foreach (var spec in r.Vendor.LbSpecs)
        {
            yield return (PricingNames.Lb, spec.Id, Components.Instance, PriceUnits.Month, 14.40m);
            // The smallest spec of each vendor has no spec fee (a zero line).
            yield return (PricingNames.Lb, spec.Id, Components.Spec, PriceUnits.Month, Round2(Math.Max(0, spec.MaxConnections - 50_000) / 50_000m * 158.40m));
        }
    }

    private static decimal FamilyFactor(ServerSpec spec) => char.ToLowerInvariant(spec.Family[0]) switch
    {
        't' => 0.6m,
        'c' => 0.95m,
        'r' or 'm' => 0.9m,
        _ => 1m,
    } * (1m + (spec.Generation - 6) * 0.04m);

    private static decimal SeriesFactor(RdsClass c) => c.InstanceType == "readonly" ? 0.5m : c.Series switch
    {
        "basic" => 0.5m,
        "cluster" => 1.5m,
        _ => 1m,
    };

    private static decimal EditionFactor(string? version) => version switch
    {
        null => 1m,
        _ when version.Contains("web", StringComparison.Ordinal) => 1.2m,
        _ when version.Contains("ent", StringComparison.Ordinal) => 3.5m,
        _ => 2m,
    };

    private static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
