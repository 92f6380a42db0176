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

    private readonly Lock _stopGate = new();
    private Task? _stopping;

    /// <summary>
    /// Stops the engine once; a second caller waits for the first. Hosts may stop twice at once
    /// (a test host and the program's own run loop do, and the latter then disposes the
    /// services), and WorkflowCore's host must not be stopped twice or disposed mid-stop.
    /// </summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Task stopping;
        lock (_stopGate)
            stopping = _stopping ??= StopEngineAsync();
        await stopping;
    }

    private async Task StopEngineAsync()
    {
        if (!state.IsRunning)
            return;
        await host.StopAsync(CancellationToken.None);
        state.MarkStopped();
        logger.LogInformation("Workflow engine stopped");
    }
}
