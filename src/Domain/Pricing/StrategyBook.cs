namespace Cmdb.Domain.Pricing;

/// <summary>
/// The IDC pricing strategies in memory. A lookup tries the exact env and host env, then
/// <c>*</c> for the host env, then for the env, then both; and the resource's cloud before
/// <c>idc</c>, the strategy for every IDC platform.
/// </summary>
public sealed class StrategyBook
{
    private readonly Dictionary<(string, string, string, string), PricingStrategy> _strategies;

    public StrategyBook(IEnumerable<PricingStrategy> strategies) =>
        _strategies = strategies.ToDictionary(s => (s.ResourceType, s.Env, s.HostEnv, s.Cloud));

    public static StrategyBook Empty { get; } = new([]);

    public int Count => _strategies.Count;

    public PricingStrategy? Find(string resourceType, string env, string hostEnv, string cloud)
    {
        foreach (var c in cloud == PricingNames.Idc ? [cloud] : new[] { cloud, PricingNames.Idc })
        {
            foreach (var (e, h) in new[] { (env, hostEnv), (env, PricingStrategy.Any), (PricingStrategy.Any, hostEnv), (PricingStrategy.Any, PricingStrategy.Any) })
            {
                if (_strategies.TryGetValue((resourceType, e, h, c), out var strategy))
                    return strategy;
            }
        }
        return null;
    }

    /// <summary>How many of the strategy's units a resource holds (cores, GB, TB, or 1 per resource); null when the unit is not one of <see cref="StrategyUnits"/>.</summary>
    public static decimal? Units(PricingStrategy strategy, decimal cores, decimal gigabytes) => strategy.Unit switch
    {
        StrategyUnits.Core => cores,
        StrategyUnits.Gb => gigabytes,
        StrategyUnits.Tb => gigabytes / 1024m,
        StrategyUnits.Unit => 1m,
        _ => null,
    };
}
