using Cmdb.Api.Common;
using Cmdb.Domain.Clusters;
using Cmdb.Domain.Common;
using Cmdb.Domain.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cmdb.Api.Clusters;

/// <param name="NoMarket">Only stores assigned a cluster but without a market (data to fix).</param>
public sealed record ListStores(
    long? ClusterId, string? Market, string? Do, string? Ownership, bool? NoMarket, string? Q, int Page = 1, int PageSize = 50)
    : IQuery<Paged<StoreView>>;

/// <summary>A prod cluster per store, with the reason, for a store reassignment.</summary>
public sealed record ProposePlacement(IReadOnlyList<string> StoreIds) : IQuery<PlacementProposal>;

public sealed record PlacementProposal(IReadOnlyList<PlacementChoice> Choices, IReadOnlyList<Unplaced> Unplaced, double Limit);

public sealed class StoreQueryHandlers(CmdbDbContext db, IOptions<ClusterOptions> options)
    : IQueryHandler<ListStores, Paged<StoreView>>, IQueryHandler<ProposePlacement, PlacementProposal>
{
    public async ValueTask<Paged<StoreView>> Handle(ListStores query, CancellationToken cancellationToken)
    {
        var rows = db.Stores.AsNoTracking();
        if (query.ClusterId is { } cluster)
            rows = rows.Where(s => s.ClusterId == cluster);
        if (!string.IsNullOrWhiteSpace(query.Market))
            rows = rows.Where(s => s.Market == query.Market);
        if (!string.IsNullOrWhiteSpace(query.Do))
            rows = rows.Where(s => s.Do == query.Do);
        if (!string.IsNullOrWhiteSpace(query.Ownership))
            rows = rows.Where(s => s.Ownership == query.Ownership);
        if (query.NoMarket == true)
            rows = rows.Where(s => s.ClusterId != null && (s.Market == null || s.Market == ""));
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim();
            rows = rows.Where(s => s.StoreId.Contains(q) || s.NameZh.Contains(q));
        }
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderBy(s => s.StoreId).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(s => new StoreView(s.StoreId, s.NameZh, s.Group, s.NodeCount, s.Province, s.Market, s.Do, s.Ownership, s.OpenStatus, s.ClusterId,
                db.Clusters.Where(c => c.Id == s.ClusterId).Select(c => c.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return new Paged<StoreView>(items, query.Page, query.PageSize, total);
    }

    public async ValueTask<PlacementProposal> Handle(ProposePlacement query, CancellationToken cancellationToken)
    {
        var ids = query.StoreIds.Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var stores = await db.Stores.AsNoTracking().Where(s => ids.Contains(s.StoreId))
            .Select(s => new StoreToPlace(s.StoreId, s.NodeCount, s.Do, s.Market, s.Ownership, s.ClusterId)).ToListAsync(cancellationToken);
        var missing = ids.Except(stores.Select(s => s.StoreId), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            throw new NotFoundException(missing.Count == 1 ? "Store" : "Stores", string.Join(", ", missing));

        var clusters = await db.Clusters.AsNoTracking().Where(c => c.Env == "prod").Select(c => new { c.Id, c.Name, c.Capacity }).ToListAsync(cancellationToken);
        var prodIds = clusters.Select(c => c.Id).ToList();
        var reserved = await db.CapacityReservations.AsNoTracking().Where(r => prodIds.Contains(r.ClusterId))
            .GroupBy(r => r.ClusterId).Select(g => new { Id = g.Key, Nodes = g.Sum(r => r.Nodes) }).ToDictionaryAsync(r => r.Id, r => r.Nodes, cancellationToken);
        var states = clusters.ToDictionary(c => c.Id, c => new ClusterState(c.Id, c.Name, c.Capacity, reserved.GetValueOrDefault(c.Id)));
        // Three groupings over the prod clusters' stores; placed nodes come with the ownership one.
        var placed = db.Stores.AsNoTracking().Where(s => s.ClusterId != null && prodIds.Contains(s.ClusterId!.Value));
        foreach (var g in await placed.GroupBy(s => new { Cluster = s.ClusterId!.Value, s.Ownership })
            .Select(g => new { g.Key.Cluster, g.Key.Ownership, N = g.Count(), Nodes = g.Sum(s => s.NodeCount) }).ToListAsync(cancellationToken))
        {
            states[g.Cluster].StoresByOwnership[g.Ownership] = g.N;
            states[g.Cluster].Used += g.Nodes;
        }
        foreach (var g in await placed.Where(s => s.Do != null).GroupBy(s => new { Cluster = s.ClusterId!.Value, s.Do }).Select(g => new { g.Key.Cluster, g.Key.Do, N = g.Count() }).ToListAsync(cancellationToken))
            states[g.Cluster].StoresByDo[g.Do!] = g.N;
        foreach (var g in await placed.Where(s => s.Market != null).GroupBy(s => new { Cluster = s.ClusterId!.Value, s.Market }).Select(g => new { g.Key.Cluster, g.Key.Market, N = g.Count() }).ToListAsync(cancellationToken))
            states[g.Cluster].StoresByMarket[g.Market!] = g.N;

        var plan = PlacementPlanner.Propose(stores, states.Values.OrderBy(s => s.Id).ToList(), options.Value.MaxUtilisation);
        return new PlacementProposal(plan.Choices, plan.Unplaced, options.Value.MaxUtilisation);
    }
}

public sealed class ListStoresValidator : AbstractValidator<ListStores>
{
    public ListStoresValidator()
    {
        RuleFor(q => q.Market).MaximumLength(100);
        RuleFor(q => q.Do).MaximumLength(100);
        RuleFor(q => q.Ownership).MaximumLength(16);
        RuleFor(q => q.Q).MaximumLength(100);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 500);
    }
}

public sealed class ProposePlacementValidator : AbstractValidator<ProposePlacement>
{
    public ProposePlacementValidator()
    {
        RuleFor(q => q.StoreIds).NotEmpty().WithMessage("Name the stores: stores=S0001,S0002.")
            .Must(s => s.Count <= 500).WithMessage("At most 500 stores at once.").OverridePropertyName("stores");
    }
}
