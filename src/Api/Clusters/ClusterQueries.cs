using Cmdb.Api.Common;
using Cmdb.Domain.Clusters;
using Cmdb.Domain.Common;
using Cmdb.Domain.Persistence;
using Environments = Cmdb.Domain.Tickets.Forms.Environments;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Clusters;

/// <summary>Clusters, newest first, each with its computed store, market and DO counts and utilisation.</summary>
public sealed record ListClusters(
    string? Env, string? Location, string? Size, string? Name, string? Tag, DateTime? CreatedFrom, DateTime? CreatedTo,
    int Page = 1, int PageSize = 20) : IQuery<Paged<ClusterView>>;

public sealed record GetCluster(long Id) : IQuery<ClusterDetail>;

public sealed record ClusterDetail(ClusterView Cluster, IReadOnlyList<StoreView> Stores);

public sealed record ClusterSummary(IReadOnlyList<ClusterUtilisation> Utilisation, IReadOnlyList<EnvStores> StoresPerEnv);

public sealed record ClusterUtilisation(long Id, string Name, string Env, double Utilisation, int PlacedNodes, int ReservedNodes, int Capacity);

public sealed record EnvStores(string Env, int Stores, int Clusters);

public sealed record GetClusterSummary : IQuery<ClusterSummary>;

public sealed class ClusterQueryHandlers(CmdbDbContext db)
    : IQueryHandler<ListClusters, Paged<ClusterView>>, IQueryHandler<GetCluster, ClusterDetail>, IQueryHandler<GetClusterSummary, ClusterSummary>
{
    public async ValueTask<Paged<ClusterView>> Handle(ListClusters query, CancellationToken cancellationToken)
    {
        var rows = db.Clusters.AsNoTracking();
        if (query.Env is not null)
            rows = rows.Where(c => c.Env == query.Env);
        if (query.Location is not null)
            rows = rows.Where(c => c.Location == query.Location);
        if (query.Size is not null)
            rows = rows.Where(c => c.Size == query.Size);
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var name = query.Name.Trim().ToLowerInvariant();
            rows = rows.Where(c => c.Name.Contains(name));
        }
        if (!string.IsNullOrWhiteSpace(query.Tag))
        {
            var tag = "\"" + query.Tag.Trim() + "\"";
            rows = rows.Where(c => c.TagsJson.Contains(tag));
        }
        if (query.CreatedFrom is { } from)
            rows = rows.Where(c => c.CreatedAt >= from.ToUniversalTime());
        if (query.CreatedTo is { } to)
            rows = rows.Where(c => c.CreatedAt < to.ToUniversalTime());

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(c => c.CreatedAt).ThenByDescending(c => c.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        var figures = await ClusterFiguresQuery.ForAsync(db, page.Select(c => c.Id).ToList(), cancellationToken);
        return new Paged<ClusterView>(page.Select(c => ClusterFiguresQuery.View(c, figures.GetValueOrDefault(c.Id))).ToList(), query.Page, query.PageSize, total);
    }

    public async ValueTask<ClusterDetail> Handle(GetCluster query, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.AsNoTracking().FirstOrDefaultAsync(c => c.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Cluster", query.Id);
        var figures = await ClusterFiguresQuery.ForAsync(db, [cluster.Id], cancellationToken);
        var stores = await db.Stores.AsNoTracking().Where(s => s.ClusterId == cluster.Id).OrderBy(s => s.StoreId)
            .Select(s => new StoreView(s.StoreId, s.NameZh, s.Group, s.NodeCount, s.Province, s.Market, s.Do, s.Ownership, s.OpenStatus, s.ClusterId, cluster.Name))
            .ToListAsync(cancellationToken);
        return new ClusterDetail(ClusterFiguresQuery.View(cluster, figures.GetValueOrDefault(cluster.Id)), stores);
    }

    public async ValueTask<ClusterSummary> Handle(GetClusterSummary query, CancellationToken cancellationToken)
    {
        var clusters = await db.Clusters.AsNoTracking().Select(c => new { c.Id, c.Name, c.Env, c.Capacity }).ToListAsync(cancellationToken);
        var figures = await ClusterFiguresQuery.ForAsync(db, null, cancellationToken);
        var utilisation = clusters.Select(c =>
        {
            var f = figures.GetValueOrDefault(c.Id) ?? new ClusterFigures(0, 0, 0, 0, 0);
            var u = c.Capacity <= 0 ? 0 : Math.Round((double)(f.PlacedNodes + f.ReservedNodes) / c.Capacity, 4);
            return new ClusterUtilisation(c.Id, c.Name, c.Env, u, f.PlacedNodes, f.ReservedNodes, c.Capacity);
        }).OrderByDescending(u => u.Utilisation).ToList();
        var perEnv = clusters.GroupBy(c => c.Env)
            .Select(g => new EnvStores(g.Key, g.Sum(c => figures.GetValueOrDefault(c.Id)?.StoreCount ?? 0), g.Count()))
            .OrderBy(e => Environments.All.ToList().IndexOf(e.Env)).ToList();
        var unassigned = await db.Stores.CountAsync(s => s.ClusterId == null, cancellationToken);
        if (unassigned > 0)
            perEnv.Add(new EnvStores("none", unassigned, 0));
        return new ClusterSummary(utilisation, perEnv);
    }
}

public sealed class ListClustersValidator : AbstractValidator<ListClusters>
{
    public ListClustersValidator()
    {
        RuleFor(q => q.Env).Must(e => e is null || Environments.All.Contains(e)).WithMessage($"Env must be one of {string.Join(", ", Environments.All)}.");
        RuleFor(q => q.Location).Must(l => l is null || ClusterRules.Locations.Contains(l)).WithMessage($"Location must be one of {string.Join(", ", ClusterRules.Locations)}.");
        RuleFor(q => q.Size).Must(s => s is null || ClusterRules.ProdSizes.Contains(s)).WithMessage($"Size must be one of {string.Join(", ", ClusterRules.ProdSizes)}.");
        RuleFor(q => q.Name).MaximumLength(100);
        RuleFor(q => q.Tag).MaximumLength(50);
        RuleFor(q => q.CreatedTo).GreaterThan(q => q.CreatedFrom).When(q => q.CreatedFrom is not null && q.CreatedTo is not null)
            .WithMessage("createdTo must be after createdFrom.");
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
    }
}
