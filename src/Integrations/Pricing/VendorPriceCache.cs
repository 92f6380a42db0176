using Microsoft.Extensions.Caching.Memory;

namespace Cmdb.Integrations.Pricing;

/// <summary>
/// Prices already quoted, per vendor, keyed by the canonical request parameters (never by
/// credentials, nonces or timestamps). Only prices are kept; a refusal is asked again next time.
/// </summary>
internal sealed class VendorPriceCache(TimeSpan lifetime, int entries) : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = entries });

    public async Task<VendorPrice> GetOrQuoteAsync(string key, Func<Task<VendorPrice>> quote)
    {
        if (lifetime <= TimeSpan.Zero)
            return await quote();
        if (_cache.TryGetValue(key, out VendorPrice? cached) && cached is not null)
            return cached;
        var price = await quote();
        _cache.Set(key, price, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = lifetime, Size = 1 });
        return price;
    }

    public void Dispose() => _cache.Dispose();
}
