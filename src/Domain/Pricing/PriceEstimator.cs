namespace Cmdb.Domain.Pricing;

/// <summary>
/// Prices resolved items per component: a live price when the live provider answers, else the
/// price book, or Tencent's published rules (disks, MariaDB), or the IDC strategies. Each line is
/// rounded to two decimals, zero lines are left out, lines sum to the item, items to the total.
/// </summary>
public sealed class PriceEstimator(ILivePriceProvider live, TencentPriceRules rules)
{
    /// <param name="keepZeroLines">Keep lines that round to zero (for callers that multiply the lines of one unit themselves).</param>
    public async Task<ItemEstimate> EstimateAsync(int index, ResolvedItem item, PriceBook book, StrategyBook strategies, CancellationToken cancellationToken,
        string? mappedFrom = null, bool keepZeroLines = false)
    {
        var lines = new List<EstimateLine>();
        var unpriced = new List<string>();
        LivePrice? livePrice;
        try
        {
            livePrice = item is ResolvedIdc ? null : await live.TryPriceAsync(item, cancellationToken);
        }
        catch (LivePriceRefusedException refused)
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure($"items[{index}]", refused.Message)]);
        }
        if (livePrice is not null)
        {
            foreach (var c in livePrice.Components)
                Add(lines, new EstimateLine(c.Component, c.Description, null, PriceUnits.Month, c.Amount, 1, Money.Round(c.Amount * item.Quantity), LineSources.Live, false),
                    keepZeroLines);
        }
        else
        {
            var pricer = new LinePricer(item, book, strategies, rules, lines, unpriced, keepZeroLines);
            pricer.Price();
        }
        var (spec, display) = SpecOf(item);
        return new ItemEstimate(index, item.Vendor, item.Kind, item.Region, item.Quantity, spec, display, lines, lines.Sum(l => l.Monthly),
            lines.Any(l => l.Sample), unpriced, mappedFrom);
    }

    public static EstimateResult Total(IReadOnlyList<ItemEstimate> items, IReadOnlyList<VendorEstimate>? comparison)
    {
        var sample = items.Any(i => i.Sample) || (comparison?.Any(c => c.Sample) ?? false);
        return new EstimateResult("CNY", "month", items, items.Sum(i => i.Monthly), sample, sample ? EstimateResult.SampleNotice : null, comparison);
    }

    internal static void Add(List<EstimateLine> lines, EstimateLine line, bool keepZeroLines = false)
    {
        if (keepZeroLines || line.Monthly != 0)
            lines.Add(line);
    }

    private static (string?, string?) SpecOf(ResolvedItem item) => item switch
    {
        ResolvedServer s => (s.Spec.Id, s.Spec.Display),
        ResolvedCloudDisk d => (d.Disk.Type.Id, $"{d.Disk.Type.Name} {d.Disk.Size} GB"),
        ResolvedRds r => (r.Class.Id, $"{r.Engine.Name} {r.Version} {r.Class.Display}"),
        ResolvedRedis r => (r.Spec.Id, $"Redis {r.Version} {r.Spec.Architecture} {r.Spec.CapacityGb} GB"),
        ResolvedLb l => (l.Spec.Id, $"{l.Spec.Name} ({l.Spec.Id})"),
        _ => (null, null),
    };
}
