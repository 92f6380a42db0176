using Cmdb.Api.Common;
using Cmdb.Domain.Notifications;
using Cmdb.Domain.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Notifications.Outbox;

/// <summary>The whole outbox for admins, e.g. every notification that could not be sent.</summary>
public sealed record ListOutbox(string? Status, int Page = 1, int PageSize = 50) : IQuery<Paged<OutboxEntry>>;

public sealed record OutboxEntry(long Id, DateTime CreatedAt, string Event, string Purpose, string Title, string? TicketId,
    string Status, int Attempts, DateTime NextAttemptAt, DateTime? SentAt, string? LastError);

public sealed class ListOutboxHandler(CmdbDbContext db) : IQueryHandler<ListOutbox, Paged<OutboxEntry>>
{
    public async ValueTask<Paged<OutboxEntry>> Handle(ListOutbox query, CancellationToken cancellationToken)
    {
        var rows = db.Notifications.AsNoTracking();
        if (query.Status is not null)
        {
            var status = Enum.Parse<NotificationStatus>(query.Status, ignoreCase: true);
            rows = rows.Where(n => n.Status == status);
        }
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(n => new OutboxEntry(n.Id, n.CreatedAt, n.Event, n.Purpose, n.Title, n.TicketId, n.Status.ToString(),
                n.Attempts, n.NextAttemptAt, n.SentAt, n.LastError))
            .ToListAsync(cancellationToken);
        return new Paged<OutboxEntry>(items, query.Page, query.PageSize, total);
    }
}

public sealed class ListOutboxValidator : AbstractValidator<ListOutbox>
{
    public ListOutboxValidator()
    {
        RuleFor(q => q.Status).Must(s => s is null || Enum.TryParse<NotificationStatus>(s, ignoreCase: true, out _))
            .WithMessage($"Status must be one of {string.Join(", ", Enum.GetNames<NotificationStatus>())}.");
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
    }
}
