using Cmdb.Domain.Pricing;
using Cmdb.Domain.Pricing.Catalog;
using FluentValidation;
using Mediator;

namespace Cmdb.Api.Pricing.Catalog;

/// <summary>The options a form needs for one vendor, kind and region; <c>spec</c> narrows disk types to those it supports, <c>engine</c>/<c>version</c>/<c>series</c>/<c>instanceType</c> narrow RDS classes.</summary>
public sealed record GetCatalog(string Vendor, string Kind, string? Region, string? Spec, string? Engine, string? Version, string? Series, string? InstanceType)
    : IQuery<CatalogView>;

public sealed record SpecView(string Id, string Display, int Cpu, decimal Memory, string Family, int Generation);

public sealed record DiskTypeView(string Id, string Name, SizeRange Size);

public sealed record RdsClassView(string Id, string Display, int Cpu, decimal Memory, string Series, string InstanceType, IReadOnlyList<string>? Versions);

public sealed record RdsEngineView(string Id, string Name, IReadOnlyList<string> Versions, IReadOnlyList<string> Series, IReadOnlyList<string> InstanceTypes,
    SizeRange Storage, bool PriceByVersion, IReadOnlyList<RdsClassView> Classes);

public sealed record CatalogView(
    string Vendor, string Kind, string Region, IReadOnlyList<string> Regions,
    IReadOnlyList<SpecView>? Specs = null, IReadOnlyList<ImageOption>? Images = null, IReadOnlyList<DiskTypeView>? DiskTypes = null,
    SizeRange? SystemDisk = null, int? MaxDataDisks = null, int? MaxBandwidthMbps = null,
    IReadOnlyList<RdsEngineView>? Engines = null, IReadOnlyList<string>? Versions = null, IReadOnlyList<RedisSpec>? RedisSpecs = null,
    IReadOnlyList<LbSpec>? LbSpecs = null);

public sealed class GetCatalogHandler(PricingCatalog catalog) : IQueryHandler<GetCatalog, CatalogView>
{
    public ValueTask<CatalogView> Handle(GetCatalog query, CancellationToken cancellationToken)
    {
        var vendor = query.Vendor.ToLowerInvariant();
        var regions = catalog.RegionsOf(vendor);
        var region = catalog.Region(vendor, query.Region ?? regions[0])!;
        var kind = query.Kind.ToLowerInvariant();
        var view = new CatalogView(vendor, kind, region.Region, regions);
        var spec = query.Spec is null ? null : region.Spec(query.Spec);
        IReadOnlyList<DiskTypeView> Disks(IReadOnlyList<DiskType> types) => [.. types.Select(d => new DiskTypeView(d.Id, d.Name, d.Data))];
        return ValueTask.FromResult(kind switch
        {
            PricingNames.Server => view with
            {
                Specs = [.. region.Specs.Select(s => new SpecView(s.Id, s.Display, s.Cpu, s.Memory, s.Family, s.Generation))],
                Images = region.Images, DiskTypes = Disks(region.DiskTypesFor(spec)), SystemDisk = region.Vendor.SystemDisk,
                MaxDataDisks = region.Vendor.MaxDataDisks, MaxBandwidthMbps = EstimateLimits.MaxBandwidthMbps,
            },
            PricingNames.Disk => view with { DiskTypes = Disks(region.Vendor.DiskTypes) },
            PricingNames.Rds => view with { Engines = Engines(region, query) },
            PricingNames.Redis => view with { Versions = region.Vendor.Redis.Versions, RedisSpecs = region.Vendor.Redis.Specs },
            _ => view with { LbSpecs = region.Vendor.LbSpecs, MaxBandwidthMbps = EstimateLimits.MaxBandwidthMbps },
        });
    }

    private static IReadOnlyList<RdsEngineView> Engines(RegionCatalog region, GetCatalog query) =>
    [
        .. region.Vendor.RdsEngines
            .Where(e => query.Engine is null || string.Equals(e.Id, query.Engine, StringComparison.OrdinalIgnoreCase))
            .Select(e => new RdsEngineView(e.Id, e.Name, e.Versions, e.Series, e.InstanceTypes, e.Storage, e.PriceByVersion,
            [
                .. e.Classes
                    .Where(c => (query.Version is null || c.Versions is null || c.Versions.Contains(query.Version))
                        && (query.Series is null || c.Series == query.Series) && (query.InstanceType is null || c.InstanceType == query.InstanceType))
                    .Select(c => new RdsClassView(c.Id, c.Display, c.Cpu, c.Memory, c.Series, c.InstanceType, c.Versions)),
            ])),
    ];
}

public sealed class GetCatalogValidator : AbstractValidator<GetCatalog>
{
    public GetCatalogValidator(PricingCatalog catalog)
    {
        RuleFor(q => q.Vendor).Must(v => PricingNames.CloudVendors.Contains(v?.ToLowerInvariant()))
            .WithMessage(q => $"'{q.Vendor}' has no catalogue; one of: {string.Join(", ", PricingNames.CloudVendors)} (IDC prices are the pricing strategies).");
        RuleFor(q => q.Kind).Must(k => PricingNames.Kinds.Contains(k?.ToLowerInvariant()))
            .WithMessage(q => $"'{q.Kind}' is not one of: {string.Join(", ", PricingNames.Kinds)}.");
        When(q => PricingNames.CloudVendors.Contains(q.Vendor?.ToLowerInvariant()), () =>
        {
            RuleFor(q => q.Region).Must((q, r) => r is null || catalog.Region(q.Vendor.ToLowerInvariant(), r) is not null)
                .WithMessage(q => $"'{q.Region}' is not one of: {string.Join(", ", catalog.RegionsOf(q.Vendor.ToLowerInvariant()))}.");
            When(q => q.Region is null || catalog.Region(q.Vendor.ToLowerInvariant(), q.Region) is not null, () =>
            {
                RuleFor(q => q.Spec).Must((q, s) => s is null || Region(catalog, q).Spec(s) is not null)
                    .WithMessage(q => $"'{q.Spec}' is not a server spec in {Region(catalog, q).Region}; allowed: {string.Join(", ", Region(catalog, q).Specs.Select(s => s.Id))}.");
                RuleFor(q => q.Engine).Must((q, e) => e is null || Region(catalog, q).Engine(e) is not null)
                    .WithMessage(q => $"'{q.Engine}' is not one of: {string.Join(", ", Region(catalog, q).Vendor.RdsEngines.Select(e => e.Id))}.");
            });
        });
    }

    private static RegionCatalog Region(PricingCatalog catalog, GetCatalog q)
    {
        var vendor = q.Vendor.ToLowerInvariant();
        return catalog.Region(vendor, q.Region ?? catalog.RegionsOf(vendor)[0])!;
    }
}
