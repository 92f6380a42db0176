namespace Cmdb.Domain.Pricing;

/// <summary>One component of an item: unit price × units × quantity, rounded to two decimals (away from zero).</summary>
/// <param name="Source">live, price-book, rule or idc-strategy.</param>
/// <param name="Sample">The price is synthetic sample data, not a quote.</param>
public sealed record EstimateLine(string Component, string Description, string? ItemKey, string Unit, decimal UnitPrice, decimal Units, decimal Monthly,
    string Source, bool Sample);

/// <param name="MappedFrom">In a comparison: what the request asked for at the other vendor, and why this spec was chosen.</param>
/// <param name="Unpriced">Components that have no price (no price book entry, no strategy); they are not in the total.</param>
public sealed record ItemEstimate(int Index, string Vendor, string Kind, string Region, long Quantity, string? Spec, string? SpecDisplay,
    IReadOnlyList<EstimateLine> Lines, decimal Monthly, bool Sample, IReadOnlyList<string> Unpriced, string? MappedFrom = null);

public sealed record VendorEstimate(string Vendor, IReadOnlyList<ItemEstimate> Items, decimal Monthly, bool Sample, IReadOnlyList<string> Notes);

/// <param name="Sample">True when any line uses sample data: then the estimate is an illustration, not a quote.</param>
/// <param name="Comparison">With compare=true: the cloud items at Alibaba and at Tencent, side by side.</param>
public sealed record EstimateResult(string Currency, string Period, IReadOnlyList<ItemEstimate> Items, decimal Monthly, bool Sample, string? Notice,
    IReadOnlyList<VendorEstimate>? Comparison)
{
    public const string SampleNotice = "Some prices are synthetic sample data shipped with Cmdb (sample: true), not vendor quotes.";
}

public static class Money
{
    /// <summary>Two decimals, halves away from zero (0.125 → 0.13): each line is rounded, then lines are summed.</summary>
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}
