using Cmdb.Domain.Persistence;
using Cmdb.Domain.Pricing.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Cmdb.Domain.Pricing;

/// <summary>
/// Asks the live price APIs for every server spec and Redis spec of the catalogue and stores the
/// instance prices as <see cref="PriceSources.Live"/> price book entries, so estimates and the
/// cost report use fresh prices when a live answer is not at hand. Items the vendor refuses or
/// does not answer for keep their stored price. Disks, bandwidth, RDS and load balancers keep
/// theirs too: their live quotes are whole configurations, not the per-unit prices the book holds.
/// </summary>
public sealed class LivePriceBookRefresher(
    PricingCatalog catalog, ILivePriceProvider live, IDbContextFactory<CmdbDbContext> contexts, IPriceBookProvider book, TimeProvider clock,
    ILogger<LivePriceBookRefresher> logger) : IPriceBookRefresher
{
    public async Task<int> RefreshAsync(CancellationToken cancellationToken)
    {
        var quotes = new List<(ResolvedItem Item, string ItemKey, decimal Monthly)>();
        var refused = 0;
        foreach (var item in Items())
        {
            try
            {
                if (await live.TryPriceAsync(item.Item, cancellationToken) is { } price
                    && price.Components.Where(c => c.Component == Components.Instance).Sum(c => c.Amount) is var instance and > 0)
                    quotes.Add((item.Item, item.Key, instance));
            }
            catch (LivePriceRefusedException exception)
            {
                refused++;
                logger.LogInformation("Price book refresh: {Vendor} refused {Kind} {Key}: {Reason}", item.Item.Vendor, item.Item.Kind, item.Key, exception.Message);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // One odd answer must not cost the other items their fresh prices.
                refused++;
                logger.LogWarning(exception, "Price book refresh: no price for {Vendor} {Kind} {Key}", item.Item.Vendor, item.Item.Kind, item.Key);
            }
        }
        var stored = await StoreAsync(quotes, cancellationToken);
        if (stored > 0)
            book.Invalidate();
        logger.LogInformation("Price book refresh stored {Stored} live prices ({Refused} refused)", stored, refused);
        return stored;
    }

    private IEnumerable<(ResolvedItem Item, string Key)> Items()
    {
        foreach (var vendor in PricingNames.CloudVendors)
            foreach (var regionName in catalog.RegionsOf(vendor))
            {
                if (catalog.Region(vendor, regionName) is not { } region)
                    continue;
                var image = region.Images.FirstOrDefault(i => !i.Windows);
                foreach (var spec in region.Specs)
                    if (region.DiskTypesFor(spec).FirstOrDefault() is { } disk)
                        yield return (new ResolvedServer(vendor, regionName, 1, spec, image, new ResolvedDisk(disk, region.Vendor.SystemDisk.Min), [], 0), spec.Id);
                var version = region.Vendor.Redis.Versions.FirstOrDefault() ?? "";
                foreach (var spec in region.Vendor.Redis.Specs)
                    yield return (new ResolvedRedis(vendor, regionName, 1, spec, version), spec.Id);
            }
    }

    private async Task<int> StoreAsync(List<(ResolvedItem Item, string ItemKey, decimal Monthly)> quotes, CancellationToken cancellationToken)
    {
        if (quotes.Count == 0)
            return 0;
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var kinds = quotes.Select(q => q.Item.Kind).Distinct().ToList();
        var existing = (await db.PriceBookEntries.Where(e => kinds.Contains(e.Kind) && e.Component == Components.Instance).ToListAsync(cancellationToken))
            .ToDictionary(e => (e.Vendor, e.Region, e.Kind, e.ItemKey.ToLowerInvariant()));
        foreach (var (item, key, monthly) in quotes)
        {
            if (!existing.TryGetValue((item.Vendor, item.Region, item.Kind, key.ToLowerInvariant()), out var entry))
            {
                entry = new PriceBookEntry
                {
                    Vendor = item.Vendor, Region = item.Region, Kind = item.Kind, ItemKey = key, Component = Components.Instance,
                    Unit = PriceUnits.Month, Source = PriceSources.Live,
                };
                db.PriceBookEntries.Add(entry);
            }
            entry.UnitPrice = Math.Round(monthly, 4, MidpointRounding.AwayFromZero);
            entry.Source = PriceSources.Live;
            entry.AsOf = now;
        }
        await db.SaveChangesAsync(cancellationToken);
        return quotes.Count;
    }
}
