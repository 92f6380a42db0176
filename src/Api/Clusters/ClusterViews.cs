using System.Text.Json;
using Cmdb.Domain.Clusters;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Clusters;

public sealed record ClusterView(
    long Id, string Name, string Env, string Location, string Size, int Capacity, string Domain, string IngressIp, string? K8sIp,
    string? ObIp, string? ObVip, string? ObUser, string? RancherClusterId, string? K8sId, string? LbId, IReadOnlyList<string> Tags,
    DateTime CreatedAt, DateTime UpdatedAt,
    int StoreCount, int MarketCount, int DoCount, int PlacedNodes, int ReservedNodes, double Utilisation);

public sealed record StoreView(
    string StoreId, string NameZh, string? Group, int NodeCount, string? Province, string? Market, string? Do, string Ownership,
    string OpenStatus, long? ClusterId, string? ClusterName);

/// <summary>What is computed per cluster from its stores and the open tickets' reservations: never stored.</summary>
internal sealed record ClusterFigures(int StoreCount, int MarketCount, int DoCount, int PlacedNodes, int ReservedNodes);

internal static class ClusterFiguresQuery
{
    public static async Task<Dictionary<long, ClusterFigures>> ForAsync(CmdbDbContext db, IReadOnlyCollection<long>? ids, CancellationToken cancellationToken)
    {
        var stores = db.Stores.AsNoTracking().Where(s => s.ClusterId != null);
        var reservations = db.CapacityReservations.AsNoTracking();
        if (ids is not null)
        {
            stores = stores.Where(s => ids.Contains(s.ClusterId!.Value));
            reservations = reservations.Where(r => ids.Contains(r.ClusterId));
        }
        var placed = await stores.GroupBy(s => s.ClusterId!.Value)
            .Select(g => new
            {
                Id = g.Key, Stores = g.Count(), Nodes = g.Sum(s => s.NodeCount),
                Markets = g.Select(s => s.Market).Distinct().Count(m => m != null),
                Dos = g.Select(s => s.Do).Distinct().Count(d => d != null),
            })
            .ToListAsync(cancellationToken);
        var reserved = await reservations.GroupBy(r => r.ClusterId).Select(g => new { Id = g.Key, Nodes = g.Sum(r => r.Nodes) })
            .ToDictionaryAsync(r => r.Id, r => r.Nodes, cancellationToken);
        var figures = placed.ToDictionary(p => p.Id, p => new ClusterFigures(p.Stores, p.Markets, p.Dos, p.Nodes, reserved.GetValueOrDefault(p.Id)));
        foreach (var (id, nodes) in reserved.Where(r => !figures.ContainsKey(r.Key)))
            figures[id] = new ClusterFigures(0, 0, 0, 0, nodes);
        return figures;
    }

    public static ClusterView View(Cluster c, ClusterFigures? f)
    {
        f ??= new ClusterFigures(0, 0, 0, 0, 0);
        var utilisation = c.Capacity <= 0 ? 0 : Math.Round((double)(f.PlacedNodes + f.ReservedNodes) / c.Capacity, 4);
        return new ClusterView(c.Id, c.Name, c.Env, c.Location, c.Size, c.Capacity, c.Domain, c.IngressIp, c.K8sIp, c.ObIp, c.ObVip, c.ObUser,
            c.RancherClusterId, c.K8sId, c.LbId, JsonSerializer.Deserialize<List<string>>(c.TagsJson) ?? [], c.CreatedAt, c.UpdatedAt,
            f.StoreCount, f.MarketCount, f.DoCount, f.PlacedNodes, f.ReservedNodes, utilisation);
    }
}
