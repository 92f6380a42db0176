namespace Cmdb.Domain.Pricing;

/// <summary>Settings under <c>Pricing</c>.</summary>
public sealed class PricingOptions
{
    public const string SectionName = "Pricing";

    /// <summary>Store the synthetic sample price book (entries labelled sample) for catalogue items that have no price yet. Default true.</summary>
    public bool SeedSamplePrices { get; set; } = true;

    /// <summary>How long a node keeps its in-memory copy of the price book before reading it again. Default one minute.</summary>
    public TimeSpan PriceBookCache { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Quartz cron of the price book refresh from the live APIs (daily 02:30 by default; empty: never). Without vendor credentials it stores nothing.</summary>
    public string? RefreshCron { get; set; } = "0 30 2 * * ?";
}
