using Cmdb.Domain.Common;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tickets;

/// <summary>Resource claims of open tickets: a resource in one open ticket cannot be put in a second (in_process).</summary>
internal static class Claims
{
    /// <summary>Refuses when another open ticket holds any of the keys, naming it and the resource.</summary>
    public static async Task EnsureFreeAsync(CmdbDbContext db, IReadOnlyCollection<ClaimKey> keys, long? exceptTicket, CancellationToken cancellationToken)
    {
        foreach (var group in keys.GroupBy(k => k.ResourceType))
        {
            var wanted = group.Select(k => k.ResourceKey).ToList();
            var taken = await db.ResourceClaims.AsNoTracking()
                .Where(c => c.ResourceType == group.Key && wanted.Contains(c.ResourceKey) && c.TicketId != exceptTicket)
                .OrderBy(c => c.ResourceKey).FirstOrDefaultAsync(cancellationToken);
            if (taken is not null)
                throw new ConflictException($"in_process: {taken.ResourceType} '{taken.ResourceKey}' is already in open ticket {taken.TicketId}.");
        }
    }

    public static void Add(CmdbDbContext db, long ticketId, IEnumerable<ClaimKey> keys, DateTime now) =>
        db.ResourceClaims.AddRange(keys.Distinct().Select(k => new ResourceClaim
        {
            ResourceType = k.ResourceType, ResourceKey = k.ResourceKey, TicketId = ticketId, ClaimedAt = now,
        }));
}
