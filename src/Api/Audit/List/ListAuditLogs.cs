using Cmdb.Api.Auth;
using Cmdb.Api.Common;
using Cmdb.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Audit.List;

public sealed record ListAuditLogs(
    string? User, string? Operation, string? Module, string? Method, int? Status, DateTime? From, DateTime? To, int Page = 1, int PageSize = 50)
    : IQuery<Paged<AuditLogEntry>>;

public sealed record AuditLogEntry(
    long Id, DateTime Time, string Module, string Method, string? Operation, string? RouteTemplate, string Url, string? ClientIp,
    string? RequestArguments, bool RequestTruncated, int Status, string? Message, string? ResponseBody, bool ResponseTruncated,
    string? UserName, string? Nickname, double DurationMs, string? Scope);

public sealed class ListAuditLogsHandler(CmdbDbContext db, CurrentUser user) : IQueryHandler<ListAuditLogs, Paged<AuditLogEntry>>
{
    public async ValueTask<Paged<AuditLogEntry>> Handle(ListAuditLogs query, CancellationToken cancellationToken)
    {
        var rows = db.AuditLogs.AsNoTracking().VisibleTo(user);
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var key = query.User.Trim().ToLowerInvariant();
            rows = rows.Where(r => r.UserKey == key);
        }
        if (!string.IsNullOrWhiteSpace(query.Operation))
            rows = rows.Where(r => r.Operation == query.Operation);
        if (!string.IsNullOrWhiteSpace(query.Module))
            rows = rows.Where(r => r.Module == query.Module);
        if (!string.IsNullOrWhiteSpace(query.Method))
        {
            var method = query.Method.ToUpperInvariant();
            rows = rows.Where(r => r.Method == method);
        }
        if (query.Status is { } status)
            rows = rows.Where(r => r.Status == status);
        if (query.From is { } from)
        {
            var utc = from.ToUniversalTime();
            rows = rows.Where(r => r.Time >= utc);
        }
        if (query.To is { } to)
        {
            var utc = to.ToUniversalTime();
            rows = rows.Where(r => r.Time <= utc);
        }

        var total = await rows.CountAsync(cancellationToken);
        var items = await rows
            .OrderByDescending(r => r.Time).ThenByDescending(r => r.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(r => new AuditLogEntry(r.Id, r.Time, r.Module, r.Method, r.Operation, r.RouteTemplate, r.Url, r.ClientIp,
                r.RequestArguments, r.RequestTruncated, r.Status, r.Message, r.ResponseBody, r.ResponseTruncated,
                r.UserName, r.Nickname, r.DurationMs, r.Scope))
            .ToListAsync(cancellationToken);
        return new Paged<AuditLogEntry>(items, query.Page, query.PageSize, total);
    }
}
