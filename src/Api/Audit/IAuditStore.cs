using Cmdb.Domain.Audit;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Audit;

/// <summary>Where audit records end up.</summary>
public interface IAuditStore
{
    Task WriteAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken);
}

internal sealed class EfAuditStore(IDbContextFactory<CmdbDbContext> contexts) : IAuditStore
{
    public async Task WriteAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditLogs.AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
    }
}
