using Cmdb.Domain.Clusters;
using Cmdb.Domain.Common;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Tickets;
using Cmdb.Domain.Tickets.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cmdb.Api.Tickets.Rules;

/// <summary>
/// 门店修改集群: the stores and the target exist, no store is in the target already, and the target
/// has room for them counting the nodes other open tickets reserved. The reservation is taken in
/// the save; two tickets racing for the last room cannot both get it (the cluster's capacity
/// version is a concurrency token).
/// </summary>
public sealed class StoreReassignRules(IOptions<ClusterOptions> options) : IFormRules
{
    public string Form => StoreReassignForm.Name;

    public async Task<object> PrepareAsync(CmdbDbContext db, object form, Ticket? ticket, CancellationToken cancellationToken)
    {
        var move = (StoreReassignForm)form;
        move.StoreIds = move.StoreIds.Select(s => s.Trim()).ToList();
        var cluster = await db.Clusters.AsNoTracking().FirstOrDefaultAsync(c => c.Id == move.TargetClusterId, cancellationToken)
            ?? throw new NotFoundException("Cluster", move.TargetClusterId);
        var stores = await db.Stores.AsNoTracking().Where(s => move.StoreIds.Contains(s.StoreId)).ToListAsync(cancellationToken);
        var missing = move.StoreIds.Except(stores.Select(s => s.StoreId), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            throw new NotFoundException(missing.Count == 1 ? "Store" : "Stores", string.Join(", ", missing));
        var already = stores.Where(s => s.ClusterId == cluster.Id).Select(s => s.StoreId).Order(StringComparer.Ordinal).ToList();
        if (already.Count > 0)
            throw FormProblem.Field("storeIds", $"Already in {cluster.Name}: {string.Join(", ", already)}.");

        var load = await ClusterCapacity.LoadAsync(db, cluster, ticket?.Id, cancellationToken);
        if (load.Refusal(stores.Sum(s => s.NodeCount), options.Value.MaxUtilisation) is { } refusal)
            throw new ConflictException(refusal);
        return move;
    }

    public async Task HoldAsync(CmdbDbContext db, Ticket ticket, object form, CancellationToken cancellationToken)
    {
        var move = (StoreReassignForm)form;
        var cluster = await db.Clusters.FirstAsync(c => c.Id == move.TargetClusterId, cancellationToken);
        var nodes = await db.Stores.Where(s => move.StoreIds.Contains(s.StoreId)).SumAsync(s => s.NodeCount, cancellationToken);
        var load = await ClusterCapacity.LoadAsync(db, cluster, ticket.Id, cancellationToken);
        if (load.Refusal(nodes, options.Value.MaxUtilisation) is { } refusal)
            throw new ConflictException(refusal);

        var held = await db.CapacityReservations.Where(r => r.TicketId == ticket.Id).ToListAsync(cancellationToken);
        db.CapacityReservations.RemoveRange(held.Where(r => r.ClusterId != cluster.Id));
        var reservation = held.FirstOrDefault(r => r.ClusterId == cluster.Id);
        if (reservation is null)
            db.CapacityReservations.Add(reservation = new CapacityReservation { TicketId = ticket.Id, ClusterId = cluster.Id });
        reservation.Nodes = nodes;
        reservation.ReservedAt = DateTime.UtcNow;
        // The save fails if another reservation or move of this cluster was saved since it was read.
        cluster.CapacityVersion++;
        ticket.Env = cluster.Env;
    }
}
