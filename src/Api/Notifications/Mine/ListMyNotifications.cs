using Cmdb.Api.Auth;
using Cmdb.Domain.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Notifications.Mine;

public sealed record ListMyNotifications(bool UnreadOnly = false, int Page = 1, int PageSize = 20) : IQuery<MyNotifications>;

public sealed record MyNotifications(IReadOnlyList<MyNotification> Items, int Page, int PageSize, int Total, int Unread);

public sealed record MyNotification(long Id, DateTime CreatedAt, string Event, string Purpose, string Title, string Content,
    string? TicketId, string Status, string? Delivery, bool Read);

/// <summary>What was sent to me or to a role of mine, unread first, then newest first.</summary>
public sealed class ListMyNotificationsHandler(CmdbDbContext db, CurrentUser user) : IQueryHandler<ListMyNotifications, MyNotifications>
{
    public async ValueTask<MyNotifications> Handle(ListMyNotifications query, CancellationToken cancellationToken)
    {
        var me = user.UserName;
        var roles = user.Roles.ToList();
        var mine = db.Notifications.AsNoTracking()
            .Where(n => n.RecipientUser == me || (n.RecipientRole != null && roles.Contains(n.RecipientRole)))
            .Select(n => new { Notification = n, Read = db.NotificationReads.Any(r => r.NotificationId == n.Id && r.UserName == me) });

        var unread = await mine.CountAsync(x => !x.Read, cancellationToken);
        var shown = query.UnreadOnly ? mine.Where(x => !x.Read) : mine;
        var total = query.UnreadOnly ? unread : await mine.CountAsync(cancellationToken);
        var page = await shown
            .OrderBy(x => x.Read).ThenByDescending(x => x.Notification.CreatedAt).ThenByDescending(x => x.Notification.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);

        var items = page.Select(x => new MyNotification(x.Notification.Id, x.Notification.CreatedAt, x.Notification.Event, x.Notification.Purpose,
            x.Notification.Title, x.Notification.Content, x.Notification.TicketId, x.Notification.Status.ToString(),
            NotificationDelivery.Describe(x.Notification), x.Read)).ToList();
        return new MyNotifications(items, query.Page, query.PageSize, total, unread);
    }
}

public sealed class ListMyNotificationsValidator : AbstractValidator<ListMyNotifications>
{
    public ListMyNotificationsValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 100);
    }
}
