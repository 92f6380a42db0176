using Cmdb.Api.Auth;
using Cmdb.Domain.Common;
using Cmdb.Domain.Notifications;
using Cmdb.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Notifications.MarkRead;

/// <summary>Marks one notification (or, without an id, all of mine) as read; repeating it changes nothing.</summary>
public sealed record MarkNotificationsRead(long? Id) : ICommand<int>;

public sealed class MarkNotificationsReadHandler(CmdbDbContext db, CurrentUser user) : ICommandHandler<MarkNotificationsRead, int>
{
    public async ValueTask<int> Handle(MarkNotificationsRead command, CancellationToken cancellationToken)
    {
        var me = user.UserName;
        var roles = user.Roles.ToList();
        var mine = db.Notifications.Where(n => n.RecipientUser == me || (n.RecipientRole != null && roles.Contains(n.RecipientRole)));
        if (command.Id is { } id)
        {
            mine = mine.Where(n => n.Id == id);
            if (!await mine.AnyAsync(cancellationToken))
                throw new NotFoundException("Notification", id);
        }

        var unread = await mine.Where(n => !db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserName == me))
            .Select(n => n.Id).ToListAsync(cancellationToken);
        var now = DateTime.UtcNow;
        db.NotificationReads.AddRange(unread.Select(n => new NotificationRead { NotificationId = n, UserName = me, ReadAt = now }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (command.Id is not null)
        {
            // The same user marked it read at the same moment from another tab: it is read either way.
        }
        return unread.Count;
    }
}
