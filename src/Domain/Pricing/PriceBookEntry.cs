namespace Cmdb.Domain.Pricing;

/// <summary>
/// A stored unit price of one catalogue item's component (table <c>price_book_entries</c>), e.g.
/// (alibaba, cn-shanghai, server, ecs.g7.xlarge, instance, MONTH). One row per
/// (vendor, region, kind, item key, component).
/// </summary>
public sealed class PriceBookEntry
{
    public long Id { get; set; }
    public required string Vendor { get; set; }
    public required string Region { get; set; }
    public required string Kind { get; set; }

    /// <summary>Spec id, disk type, <c>engine:class</c>, <c>engine:series</c> (storage), <c>bandwidth</c>, <c>image:windows</c>, …</summary>
    public required string ItemKey { get; set; }

    public required string Component { get; set; }

    /// <summary><see cref="PriceUnits"/>: MONTH, GB-MONTH, MBPS-MONTH.</summary>
    public required string Unit { get; set; }

    /// <summary>CNY per unit.</summary>
    public decimal UnitPrice { get; set; }

    /// <summary><see cref="PriceSources"/>: sample, live or rule.</summary>
    public required string Source { get; set; }

    public DateTime AsOf { get; set; }
}
