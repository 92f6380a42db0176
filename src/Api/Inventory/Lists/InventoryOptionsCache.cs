using Cmdb.Domain.Inventory;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cmdb.Api.Inventory.Lists;

/// <summary>
/// Filter boxes ask for the same distinct values on every page load, and counting them reads
/// every row of the type (hundreds of thousands of VMs). Answers are kept until the inventory
/// changes: every write a sync or a person makes adds to the change journal, so its newest id
/// is the inventory's version, read with one primary-key look-up. Writes that bypass the
/// journal (a bulk load straight into the tables) are seen after <see cref="Lifetime"/>.
/// </summary>
public sealed class InventoryOptionsCache(InventoryReader reader, IDbContextFactory<CmdbDbContext> contexts) : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    public async Task<IReadOnlyList<OptionCount>> OptionsAsync(InventoryFilter filter, InventoryField field, string requestKey, CancellationToken cancellationToken)
    {
        var key = $"{await VersionAsync(cancellationToken)}|{requestKey}";
        if (_cache.TryGetValue(key, out IReadOnlyList<OptionCount>? cached) && cached is not null)
            return cached;
        var options = await reader.OptionsAsync(filter, field, cancellationToken);
        _cache.Set(key, options, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
        return options;
    }

    private async Task<long> VersionAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.InventoryChanges.MaxAsync(c => (long?)c.Id, cancellationToken) ?? 0;
    }

    public void Dispose() => _cache.Dispose();
}
