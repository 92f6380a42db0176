using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Domain.Tickets;

/// <summary>What an open ticket holds: resource claims and capacity reservations. Released together when it ends.</summary>
public static class TicketResources
{
    /// <summary>Marks the ticket's claims and reservations for removal in the caller's save.</summary>
    public static async Task ReleaseAsync(CmdbDbContext db, long ticketId, CancellationToken cancellationToken)
    {
        db.ResourceClaims.RemoveRange(await db.ResourceClaims.Where(c => c.TicketId == ticketId).ToListAsync(cancellationToken));
        db.CapacityReservations.RemoveRange(await db.CapacityReservations.Where(r => r.TicketId == ticketId).ToListAsync(cancellationToken));
    }
}
