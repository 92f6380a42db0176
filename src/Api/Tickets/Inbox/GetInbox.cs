using Cmdb.Api.Auth;
using Cmdb.Domain.Flows;
using Cmdb.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tickets.Inbox;

public sealed record GetInbox : IQuery<IReadOnlyList<InboxItem>>;

public sealed record InboxItem(long TicketId, string FlowId, string FlowName, string Title, string Requester, string RequesterName,
    string? Env, string TaskName, string TaskKind, DateTime Since, DateTime? DueAt);

/// <summary>The tasks the user can act on now, oldest first; a requester's own approvals are not theirs to act on.</summary>
public sealed class GetInboxHandler(CmdbDbContext db, CurrentUser user) : IQueryHandler<GetInbox, IReadOnlyList<InboxItem>>
{
    public async ValueTask<IReadOnlyList<InboxItem>> Handle(GetInbox query, CancellationToken cancellationToken)
    {
        var me = user.UserName;
        var named = $"|{me}|";
        var roles = user.Roles.ToList();
        return await db.Tickets.AsNoTracking()
            .Where(t => t.Task != null)
            .Where(t => (t.Task!.Role != null && roles.Contains(t.Task.Role))
                || (t.Task.Users != null && t.Task.Users.Contains(named))
                || (t.Task.Requester && t.Requester == me))
            .Where(t => !(t.Task!.Kind == HumanTaskKinds.Approve && t.Requester == me))
            .OrderBy(t => t.Task!.Since).ThenBy(t => t.Id)
            .Select(t => new InboxItem(t.Id, t.FlowId, t.FlowName, t.Title, t.Requester, t.RequesterName, t.Env,
                t.Task!.Name, t.Task.Kind, t.Task.Since, t.Task.DueAt))
            .Take(500)
            .ToListAsync(cancellationToken);
    }
}
