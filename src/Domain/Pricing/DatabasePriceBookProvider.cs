using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cmdb.Domain.Pricing;

/// <summary>The price book table in memory, read again after <see cref="PricingOptions.PriceBookCache"/> or <see cref="Invalidate"/>.</summary>
public sealed class DatabasePriceBookProvider(IDbContextFactory<CmdbDbContext> contexts, IOptions<PricingOptions> options, TimeProvider time)
    : IPriceBookProvider
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private (PriceBook Book, DateTimeOffset Until)? _cached;

    public async ValueTask<PriceBook> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } cached && cached.Until > time.GetUtcNow())
            return cached.Book;
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_cached is { } again && again.Until > time.GetUtcNow())
                return again.Book;
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var book = new PriceBook(await db.PriceBookEntries.AsNoTracking().ToListAsync(cancellationToken));
            _cached = (book, time.GetUtcNow() + options.Value.PriceBookCache);
            return book;
        }
        finally
        {
            _loading.Release();
        }
    }

    public void Invalidate() => _cached = null;
}
