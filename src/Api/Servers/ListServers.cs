using Cmdb.Api.Common;
using Cmdb.Domain.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Servers;

/// <summary>Store servers, for the server pickers of the Puppet flows.</summary>
public sealed record ListServers(string? Hostname, string? Store, string? Env, string? Group, int Page = 1, int PageSize = 50) : IQuery<Paged<ServerView>>;

public sealed record ServerView(long Id, string StoreId, string StoreName, string Hostname, string Ip, string Role, string Env, string? Group, string? Dn, string PuppetStatus);

public sealed class ListServersHandler(CmdbDbContext db) : IQueryHandler<ListServers, Paged<ServerView>>
{
    public async ValueTask<Paged<ServerView>> Handle(ListServers query, CancellationToken cancellationToken)
    {
        var rows = db.StoreServers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Hostname))
        {
            var host = query.Hostname.Trim().ToLowerInvariant();
            rows = rows.Where(s => s.Hostname.Contains(host));
        }
        if (!string.IsNullOrWhiteSpace(query.Store))
        {
            var store = query.Store.Trim();
            rows = rows.Where(s => s.StoreId == store || s.StoreName.Contains(store));
        }
        if (!string.IsNullOrWhiteSpace(query.Env))
            rows = rows.Where(s => s.Env == query.Env);
        if (!string.IsNullOrWhiteSpace(query.Group))
            rows = rows.Where(s => s.Group == query.Group);
        var total = await rows.CountAsync(cancellationToken);
        var items = await rows.OrderBy(s => s.Hostname).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(s => new ServerView(s.Id, s.StoreId, s.StoreName, s.Hostname, s.Ip, s.Role, s.Env, s.Group, s.Dn, s.PuppetStatus))
            .ToListAsync(cancellationToken);
        return new Paged<ServerView>(items, query.Page, query.PageSize, total);
    }
}

public sealed class ListServersValidator : AbstractValidator<ListServers>
{
    public ListServersValidator()
    {
        RuleFor(q => q.Hostname).MaximumLength(255);
        RuleFor(q => q.Store).MaximumLength(100);
        RuleFor(q => q.Env).Must(e => e is null || Cmdb.Domain.Tickets.Forms.Environments.All.Contains(e))
            .WithMessage($"Env must be one of {string.Join(", ", Cmdb.Domain.Tickets.Forms.Environments.All)}.");
        RuleFor(q => q.Group).MaximumLength(100);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 200);
    }
}
