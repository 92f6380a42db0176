using Cmdb.Api.Auth;
using Cmdb.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Audit.Options;

/// <summary>The distinct values the audit log's filter boxes offer, among the records the user may see.</summary>
public sealed record GetAuditLogOptions : IQuery<AuditLogOptions>;

public sealed record AuditLogOptions(IReadOnlyList<string> Modules, IReadOnlyList<string> Operations, IReadOnlyList<string> Methods, IReadOnlyList<int> Statuses);

public sealed class GetAuditLogOptionsHandler(CmdbDbContext db, CurrentUser user) : IQueryHandler<GetAuditLogOptions, AuditLogOptions>
{
    private const int MaxValues = 500;

    public async ValueTask<AuditLogOptions> Handle(GetAuditLogOptions query, CancellationToken cancellationToken)
    {
        var rows = db.AuditLogs.AsNoTracking().VisibleTo(user);
        return new AuditLogOptions(
            await rows.Select(r => r.Module).Distinct().OrderBy(m => m).Take(MaxValues).ToListAsync(cancellationToken),
            await rows.Where(r => r.Operation != null).Select(r => r.Operation!).Distinct().OrderBy(o => o).Take(MaxValues).ToListAsync(cancellationToken),
            await rows.Select(r => r.Method).Distinct().OrderBy(m => m).ToListAsync(cancellationToken),
            await rows.Select(r => r.Status).Distinct().OrderBy(s => s).ToListAsync(cancellationToken));
    }
}
