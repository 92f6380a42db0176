namespace Cmdb.Domain.Pricing;

/// <summary>Settings under <c>Pricing</c>.</summary>
public sealed class PricingOptions
{
    public const string SectionName = "Pricing";

    /// <summary>Store the synthetic sample price book (entries labelled sample) for catalogue items that have no price yet. Default true.</summary>
    public bool SeedSamplePrices { get; set; } = true;

    /// <summary>How long a node keeps its in-memory copy of the price book before reading it again. Default one minute.</summary>
    public TimeSpan PriceBookCache { get; set; } = TimeSpan.FromMinutes(1);
}
