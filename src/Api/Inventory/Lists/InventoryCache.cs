using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cmdb.Api.Inventory.Lists;

/// <summary>
/// Answers that read every row of a type (filter options, the overview's counts and capacity
/// sums) are asked for on every page load. They are kept until the inventory changes: every
/// write a sync or a person makes adds to the change journal, so its newest id is the
/// inventory's version, read with one primary-key look-up. Writes that bypass the journal (a
/// bulk load straight into the tables) are seen after <see cref="Lifetime"/>.
/// </summary>
public sealed class InventoryCache(IDbContextFactory<CmdbDbContext> contexts) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    public async Task<T> GetOrAddAsync<T>(string key, Func<CancellationToken, Task<T>> answer, CancellationToken cancellationToken) where T : class
    {
        var versioned = $"{await VersionAsync(cancellationToken)}\u001e{key}";
        if (_cache.TryGetValue(versioned, out T? cached) && cached is not null)
            return cached;
        var value = await answer(cancellationToken);
        _cache.Set(versioned, value, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return value;
    }

    private async Task<long> VersionAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.InventoryChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
    }

    public void Dispose() => _cache.Dispose();
}
