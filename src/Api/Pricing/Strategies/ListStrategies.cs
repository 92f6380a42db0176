using Cmdb.Domain.Persistence;
using Cmdb.Domain.Pricing;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Pricing.Strategies;

/// <summary>Every strategy, optionally of one resource type, env or cloud (matched after the same normalisation as stored values).</summary>
public sealed record ListStrategies(string? ResourceType, string? Env, string? Cloud) : IQuery<IReadOnlyList<StrategyView>>;

public sealed class ListStrategiesHandler(CmdbDbContext db) : IQueryHandler<ListStrategies, IReadOnlyList<StrategyView>>
{
    public async ValueTask<IReadOnlyList<StrategyView>> Handle(ListStrategies query, CancellationToken cancellationToken)
    {
        var strategies = db.PricingStrategies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.ResourceType))
        {
            var resourceType = PricingStrategy.Value(query.ResourceType);
            strategies = strategies.Where(s => s.ResourceType == resourceType);
        }
        if (!string.IsNullOrWhiteSpace(query.Env))
        {
            var env = PricingStrategy.Value(query.Env);
            strategies = strategies.Where(s => s.Env == env);
        }
        if (!string.IsNullOrWhiteSpace(query.Cloud))
        {
            var cloud = PricingStrategy.Value(query.Cloud);
            strategies = strategies.Where(s => s.Cloud == cloud);
        }
        var list = await strategies.OrderBy(s => s.ResourceType).ThenBy(s => s.Env).ThenBy(s => s.HostEnv).ThenBy(s => s.Cloud).ToListAsync(cancellationToken);
        return [.. list.Select(StrategyView.Of)];
    }
}
