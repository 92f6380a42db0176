using Cmdb.Domain.Persistence;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;

namespace Cmdb.Workflows.Engine;

/// <summary>
/// Hosts WorkflowCore. It starts once the schema is migrated, so a database that is down at
/// start delays the engine instead of stopping the service.
/// </summary>
internal sealed class WorkflowEngineService(
    IWorkflowHost host,
    DatabaseReadiness readiness,
    IEnumerable<IEngineStartupTask> startupTasks,
    EngineState state,
    ILogger<WorkflowEngineService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await readiness.WaitUntilMigratedAsync(stoppingToken);
        foreach (var task in startupTasks)
            await task.RunAsync(host, stoppingToken);

        await host.StartAsync(stoppingToken);
        state.MarkRunning();
        logger.LogInformation("Workflow engine started");
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (state.IsRunning)
        {
            await host.StopAsync(cancellationToken);
            state.MarkStopped();
            logger.LogInformation("Workflow engine stopped");
        }
    }
}
