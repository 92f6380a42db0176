using WorkflowCore.Interface;

namespace Cmdb.Workflows.Engine;

/// <summary>Runs once the database is ready and before the engine takes work, e.g. to register workflow definitions.</summary>
public interface IEngineStartupTask
{
    Task RunAsync(IWorkflowHost host, CancellationToken cancellationToken);
}

internal sealed class RegisterWorkflowType<TWorkflow, TData> : IEngineStartupTask
    where TWorkflow : IWorkflow<TData>
    where TData : new()
{
    public Task RunAsync(IWorkflowHost host, CancellationToken cancellationToken)
    {
        host.RegisterWorkflow<TWorkflow, TData>();
        return Task.CompletedTask;
    }
}
