using Cmdb.Api.Auth;
using Cmdb.Domain.Common;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tickets;

internal static class TicketLoader
{
    /// <summary>The ticket, tracked for a change; one the user may not see is "not found", so its existence does not leak.</summary>
    public static async Task<Ticket> LoadVisibleAsync(this CmdbDbContext db, long id, CurrentUser user, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null || !user.CanSee(ticket))
            throw new NotFoundException("Ticket", id);
        return ticket;
    }

    public static async Task<TicketDetail> DetailAsync(this CmdbDbContext db, long id, CurrentUser user, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == id, cancellationToken);
        var timeline = await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == id).ToListAsync(cancellationToken);
        return TicketViews.Detail(ticket, timeline, user);
    }

    /// <summary>Saves a decision; if someone else changed the ticket since it was read, theirs stands and this is a conflict.</summary>
    public static async Task SaveDecisionAsync(this CmdbDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("Someone else acted on this ticket at the same moment; reload it to see what changed.");
        }
    }
}
