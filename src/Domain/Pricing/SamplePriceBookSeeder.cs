using Cmdb.Domain.Pricing.Catalog;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cmdb.Domain.Pricing;

/// <summary>
/// Once the schema is migrated, stores the sample price book entries for catalogue items that
/// have no entry yet (never overwriting a live or rule entry). Nodes starting together may both
/// try: the unique index keeps one row, the loser stops quietly.
/// </summary>
public sealed class SamplePriceBookSeeder(
    IDbContextFactory<CmdbDbContext> contexts, DatabaseReadiness readiness, IOptions<PricingOptions> options, PricingCatalog catalog,
    IPriceBookProvider priceBook, TimeProvider time, ILogger<SamplePriceBookSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SeedSamplePrices)
            return;
        try
        {
            await readiness.WaitUntilMigratedAsync(stoppingToken);
            var added = await SeedAsync(stoppingToken);
            if (added > 0)
                logger.LogInformation("Stored {Count} sample price book entries (synthetic, labelled sample)", added);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (DbUpdateException ex)
        {
            logger.LogInformation("Sample price book not stored by this node ({Reason}); another node stored it", ex.GetBaseException().Message);
        }
        catch (Exception ex)
        {
            // Never stop the service over sample data: estimates then list the items as unpriced.
            logger.LogWarning("Sample price book not stored: {Reason}", ex.GetBaseException().Message);
        }
    }

    public async Task<int> SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = (await db.PriceBookEntries.AsNoTracking().Select(e => new { e.Vendor, e.Region, e.Kind, e.ItemKey, e.Component }).ToListAsync(cancellationToken))
            .Select(e => (e.Vendor, e.Region, e.Kind, e.ItemKey, e.Component)).ToHashSet();
        var missing = SamplePriceBook.Generate(catalog, time.GetUtcNow().UtcDateTime.Date)
            .Where(e => !existing.Contains((e.Vendor, e.Region, e.Kind, e.ItemKey, e.Component))).ToList();
        if (missing.Count == 0)
            return 0;
        db.PriceBookEntries.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        priceBook.Invalidate();
        return missing.Count;
    }
}
