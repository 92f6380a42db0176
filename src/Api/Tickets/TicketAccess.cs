using Cmdb.Api.Auth;
using Cmdb.Domain.Flows;
using Cmdb.Domain.Tickets;

namespace Cmdb.Api.Tickets;

/// <summary>Who may see a ticket and act on its open task (DOMAIN.md "People and roles").</summary>
public static class TicketAccess
{
    /// <summary>Approvers and admins see every ticket; anyone else their own and those whose task names them.</summary>
    public static bool CanSee(this CurrentUser user, Ticket ticket) =>
        user.HasRole(Roles.Approver) || user.HasRole(Roles.Admin) || ticket.Requester == user.UserName
        || (ticket.Task?.Users?.Contains($"|{user.UserName}|", StringComparison.Ordinal) ?? false);

    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, CurrentUser user)
    {
        if (user.HasRole(Roles.Approver) || user.HasRole(Roles.Admin))
            return tickets;
        var me = user.UserName;
        var named = $"|{me}|";
        return tickets.Where(t => t.Requester == me || (t.Task != null && t.Task.Users != null && t.Task.Users.Contains(named)));
    }

    /// <summary>Whether the user may act on the ticket's open task; a requester never approves their own ticket.</summary>
    public static bool CanAct(this CurrentUser user, Ticket ticket)
    {
        var task = ticket.Task;
        if (task is null)
            return false;
        if (task.Kind == HumanTaskKinds.Approve && ticket.Requester == user.UserName)
            return false;
        return (task.Role is not null && user.HasRole(task.Role))
            || (task.Users?.Contains($"|{user.UserName}|", StringComparison.Ordinal) ?? false)
            || (task.Requester && ticket.Requester == user.UserName);
    }

    /// <summary>Why the user may not act, for the 403 answer.</summary>
    public static string WhyNot(this CurrentUser user, Ticket ticket)
    {
        var task = ticket.Task;
        if (task is null)
            return "the ticket waits for no one now";
        if (task.Kind == HumanTaskKinds.Approve && ticket.Requester == user.UserName)
            return "a requester never approves their own ticket";
        var who = new List<string>();
        if (task.Role is not null)
            who.Add($"the {task.Role} role");
        if (task.Users is not null)
            who.Add("the users the form names");
        if (task.Requester)
            who.Add("the requester");
        return $"'{task.Name}' is for {string.Join(" or ", who)}";
    }

    public static bool CanCancel(this CurrentUser user, Ticket ticket) => ticket.Requester == user.UserName || user.HasRole(Roles.Admin);
}
