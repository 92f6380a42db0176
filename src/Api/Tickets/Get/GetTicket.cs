using Cmdb.Api.Auth;
using Cmdb.Domain.Common;
using Cmdb.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tickets.Get;

public sealed record GetTicket(long Id) : IQuery<TicketDetail>;

public sealed class GetTicketHandler(CmdbDbContext db, CurrentUser user) : IQueryHandler<GetTicket, TicketDetail>
{
    public async ValueTask<TicketDetail> Handle(GetTicket query, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == query.Id, cancellationToken);
        if (ticket is null || !user.CanSee(ticket))
            throw new NotFoundException("Ticket", query.Id);
        return await db.DetailAsync(query.Id, user, cancellationToken);
    }
}
