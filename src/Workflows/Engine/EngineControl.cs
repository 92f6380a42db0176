using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Engine;

/// <summary>
/// Suspends, resumes and terminates instances for admins. The engine refuses while a step of the
/// instance is executing (it holds the instance's lock), so each command is tried for a few
/// seconds before it reports failure.
/// </summary>
public sealed class EngineControl(IWorkflowHost host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public Task<bool> SuspendAsync(string id) => TryAsync(() => host.SuspendWorkflow(id));

    public Task<bool> ResumeAsync(string id) => TryAsync(() => host.ResumeWorkflow(id));

    public Task<bool> TerminateAsync(string id) => TryAsync(() => host.TerminateWorkflow(id));

    public async Task<WorkflowStatus?> StatusAsync(string id) => (await host.PersistenceStore.GetWorkflowInstance(id))?.Status;

    private static async Task<bool> TryAsync(Func<Task<bool>> command)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (await command())
                return true;
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(100);
        }
    }
}
