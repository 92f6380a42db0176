using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cmdb.Api.Health;

/// <summary>Ready only when the schema is migrated and the database answers a query now; otherwise says why.</summary>
public sealed class DatabaseHealthCheck(IDbContextFactory<CmdbDbContext> contextFactory, DatabaseReadiness readiness, DatabaseOptions options)
    : IHealthCheck
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object> { ["provider"] = options.Provider.ToString() };
        if (!readiness.IsMigrated)
            return HealthCheckResult.Unhealthy(readiness.LastError ?? "database not migrated yet", data: data);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(timeout.Token);
            await db.Database.ExecuteSqlRawAsync("SELECT 1", timeout.Token);
            return HealthCheckResult.Healthy("database answers", data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = ex is OperationCanceledException ? $"no answer within {ProbeTimeout.TotalSeconds:0} s" : ex.GetBaseException().Message;
            return HealthCheckResult.Unhealthy($"database unavailable: {reason}", data: data);
        }
    }
}
