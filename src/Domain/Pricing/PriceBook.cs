namespace Cmdb.Domain.Pricing;

public sealed record PriceQuote(decimal UnitPrice, string Unit, string Source, DateTime AsOf);

/// <summary>An immutable in-memory copy of the price book, looked up by (vendor, region, kind, item key, component).</summary>
public sealed class PriceBook
{
    private readonly Dictionary<(string, string, string, string, string), PriceQuote> _quotes;

    public PriceBook(IEnumerable<PriceBookEntry> entries)
    {
        _quotes = [];
        foreach (var e in entries)
            _quotes[(e.Vendor, e.Region, e.Kind, e.ItemKey.ToLowerInvariant(), e.Component)] = new PriceQuote(e.UnitPrice, e.Unit, e.Source, e.AsOf);
    }

    public static PriceBook Empty { get; } = new([]);

    public int Count => _quotes.Count;

    public PriceQuote? Find(string vendor, string region, string kind, string itemKey, string component) =>
        _quotes.GetValueOrDefault((vendor, region, kind, itemKey.ToLowerInvariant(), component));
}

/// <summary>Gives the estimator the current price book (cached; refreshed after changes).</summary>
public interface IPriceBookProvider
{
    ValueTask<PriceBook> CurrentAsync(CancellationToken cancellationToken);

    /// <summary>Drops the cached copy, e.g. after a refresh wrote new entries.</summary>
    void Invalidate();
}

/// <summary>Refreshes the price book from the live price APIs (scheduled by <c>Pricing:RefreshCron</c>, or run by an admin).</summary>
public interface IPriceBookRefresher
{
    /// <summary>Asks the live APIs for every catalogue item and stores the answers as <see cref="PriceSources.Live"/> entries; returns how many were stored.</summary>
    Task<int> RefreshAsync(CancellationToken cancellationToken);
}
