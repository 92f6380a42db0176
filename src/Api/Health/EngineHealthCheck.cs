using Cmdb.Workflows.Engine;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Cmdb.Api.Health;

public sealed class EngineHealthCheck(EngineState engine) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(engine.IsRunning
            ? HealthCheckResult.Healthy("workflow engine running")
            : HealthCheckResult.Unhealthy("workflow engine not started: it starts once the database is migrated"));
}
