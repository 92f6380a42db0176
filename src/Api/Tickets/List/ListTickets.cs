using Cmdb.Api.Auth;
using Cmdb.Api.Common;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Tickets;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tickets.List;

public sealed record ListTickets(bool Mine, string? Status, string? Flow, string? Requester, string? Text, int Page = 1, int PageSize = 20)
    : IQuery<Paged<TicketSummary>>;

/// <summary>Tickets the user may see, newest first, filtered.</summary>
public sealed class ListTicketsHandler(CmdbDbContext db, CurrentUser user) : IQueryHandler<ListTickets, Paged<TicketSummary>>
{
    public async ValueTask<Paged<TicketSummary>> Handle(ListTickets query, CancellationToken cancellationToken)
    {
        var rows = db.Tickets.AsNoTracking().VisibleTo(user);
        if (query.Mine)
            rows = rows.Where(t => t.Requester == user.UserName);
        if (query.Status is not null)
        {
            var status = Enum.Parse<TicketStatus>(query.Status, ignoreCase: true);
            rows = rows.Where(t => t.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(query.Flow))
            rows = rows.Where(t => t.FlowId == query.Flow);
        if (!string.IsNullOrWhiteSpace(query.Requester))
            rows = rows.Where(t => t.Requester == query.Requester);
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            var text = query.Text.Trim();
            var id = long.TryParse(text, out var number) ? number : -1;
            rows = rows.Where(t => t.Id == id || t.Title.Contains(text));
        }
        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize).ToListAsync(cancellationToken);
        return new Paged<TicketSummary>(page.Select(TicketViews.Summary).ToList(), query.Page, query.PageSize, total);
    }
}

public sealed class ListTicketsValidator : AbstractValidator<ListTickets>
{
    public ListTicketsValidator()
    {
        RuleFor(q => q.Status).Must(s => s is null || Enum.TryParse<TicketStatus>(s, ignoreCase: true, out _))
            .WithMessage($"Status must be one of {string.Join(", ", Enum.GetNames<TicketStatus>())}.");
        RuleFor(q => q.Text).MaximumLength(200);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 100);
    }
}
