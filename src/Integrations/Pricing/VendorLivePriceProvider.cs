using System.Globalization;
using Cmdb.Domain.Pricing;
using Microsoft.Extensions.Logging;

namespace Cmdb.Integrations.Pricing;

/// <summary>
/// Live prices for the estimator from the vendors' price APIs, where a vendor is configured and
/// has an API for the item: Alibaba ECS, RDS and Redis; Tencent CVM, CDB (MySQL) and CLB. Anything
/// else, a vendor that is not configured, or a price API that does not answer gives null, and the
/// estimator uses the price book or a rule. A vendor's refusal is passed on in its own words.
/// </summary>
public sealed class VendorLivePriceProvider(IAlibabaPriceClient alibaba, ITencentPriceClient tencent, TimeProvider clock, ILogger<VendorLivePriceProvider> logger)
    : ILivePriceProvider
{
    public async Task<LivePrice?> TryPriceAsync(ResolvedItem item, CancellationToken cancellationToken)
    {
        try
        {
            var quote = item.Vendor switch
            {
                PricingNames.Alibaba when alibaba.IsConfigured && AlibabaAsync(item, cancellationToken) is { } call => await call,
                PricingNames.Tencent when tencent.IsConfigured && TencentAsync(item, cancellationToken) is { } call => await call,
                _ => null,
            };
            return quote is null ? null : new LivePrice(LiveComponents(item, quote), clock.GetUtcNow().UtcDateTime);
        }
        catch (VendorPriceException exception) when (exception.Unavailable)
        {
            logger.LogWarning("Live price for {Vendor} {Kind} unavailable, using the price book: {Reason}", item.Vendor, item.Kind, exception.Message);
            return null;
        }
        catch (VendorPriceException exception)
        {
            throw new LivePriceRefusedException(item.Vendor, exception.Message);
        }
    }

    private Task<VendorPrice>? AlibabaAsync(ResolvedItem item, CancellationToken cancellationToken) => item switch
    {
        ResolvedServer s => alibaba.GetEcsPriceAsync(new AlibabaEcsPriceRequest(s.Region, s.Spec.Id,
            new AlibabaDisk(s.SystemDisk.Type.Id, (int)s.SystemDisk.Size), [.. s.DataDisks.Select(d => new AlibabaDisk(d.Type.Id, (int)d.Size))],
            s.BandwidthMbps), cancellationToken),
        ResolvedRds r => alibaba.GetRdsPriceAsync(new AlibabaRdsPriceRequest(r.Region, AlibabaEngine(r.Engine.Id), r.Version, r.Class.Id,
            (int)r.Storage, "cloud_essd", ReadOnly: r.InstanceType == "readonly"), cancellationToken),
        ResolvedRedis r => alibaba.GetRedisPriceAsync(new AlibabaRedisPriceRequest(r.Region, r.Spec.Id), cancellationToken),
        _ => null,
    };

    private Task<VendorPrice>? TencentAsync(ResolvedItem item, CancellationToken cancellationToken) => item switch
    {
        ResolvedServer s when s.Image is not null => tencent.GetCvmPriceAsync(new TencentCvmPriceRequest(s.Region, DefaultZone(s.Region), s.Spec.Id, s.Image.Id,
            new TencentDisk(s.SystemDisk.Type.Id, (int)s.SystemDisk.Size), [.. s.DataDisks.Select(d => new TencentDisk(d.Type.Id, (int)d.Size))],
            s.BandwidthMbps), cancellationToken),
        // CDB is TencentDB for MySQL; the other engines are priced from the book or the rules.
        ResolvedRds { Engine.Id: "mysql" } r => tencent.GetCdbPriceAsync(new TencentCdbPriceRequest(r.Region, DefaultZone(r.Region), r.Class.Cpu,
            (int)(r.Class.Memory * 1000), (int)r.Storage, r.InstanceType == "readonly" ? "ro" : "master"), cancellationToken),
        ResolvedLb l => tencent.GetClbPriceAsync(new TencentClbPriceRequest(l.Region, "OPEN", l.Spec.Id == "clb.shared" ? null : l.Spec.Id,
            "BANDWIDTH_POSTPAID_BY_HOUR", l.BandwidthMbps), cancellationToken),
        _ => null,
    };

    /// <summary>The vendor's breakdown in the estimator's component names; the whole price as the instance when the API gives none.</summary>
    private static List<LiveComponent> LiveComponents(ResolvedItem item, VendorPrice quote)
    {
        if (quote.Components.Count == 0)
            return [new LiveComponent(Cmdb.Domain.Pricing.Components.Instance, $"{quote.Vendor} {quote.Product}", quote.MonthlyCny)];
        var components = quote.Components.Select(c => new LiveComponent(ComponentName(item, c.Name), c.Name, c.MonthlyCny)).ToList();
        // The breakdown may leave out what the vendor does not itemise; the rest belongs to the instance.
        var rest = quote.MonthlyCny - components.Sum(c => c.Amount);
        if (rest > 0.005m)
            components.Add(new LiveComponent(Cmdb.Domain.Pricing.Components.Instance, "not itemised by the vendor", rest));
        return components;
    }

    private static string ComponentName(ResolvedItem item, string vendorName) => vendorName.ToLowerInvariant() switch
    {
        "instancetype" or "instance" or "cvm" => Cmdb.Domain.Pricing.Components.Instance,
        "systemdisk" => Cmdb.Domain.Pricing.Components.SystemDisk,
        "datadisk" => Cmdb.Domain.Pricing.Components.DataDisk,
        "internetmaxbandwidthout" or "bandwidth" or "internetchargetype" => Cmdb.Domain.Pricing.Components.Bandwidth,
        "storage" or "volume" => Cmdb.Domain.Pricing.Components.Storage,
        _ => item is ResolvedRds or ResolvedRedis or ResolvedLb ? Cmdb.Domain.Pricing.Components.Instance : vendorName,
    };

    private static string AlibabaEngine(string engine) => engine switch
    {
        "mysql" => "MySQL",
        "postgresql" => "PostgreSQL",
        "sqlserver" => "SQLServer",
        "mariadb" => "MariaDB",
        _ => engine,
    };

    /// <summary>Tencent prices by zone; zone 2 exists in both catalogue regions (ap-shanghai-2, ap-hongkong-2).</summary>
    private static string DefaultZone(string region) => string.Create(CultureInfo.InvariantCulture, $"{region}-2");
}
