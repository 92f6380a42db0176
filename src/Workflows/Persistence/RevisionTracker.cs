using System.Runtime.CompilerServices;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Persistence;

/// <summary>
/// Remembers the row revision each loaded <see cref="WorkflowInstance"/> was read at, without
/// changing WorkflowCore's model, so a save from a stale copy is refused instead of overwriting
/// newer progress.
/// </summary>
internal sealed class RevisionTracker
{
    private readonly ConditionalWeakTable<WorkflowInstance, StrongBox<long>> _revisions = new();

    public void Remember(WorkflowInstance instance, long revision) =>
        _revisions.AddOrUpdate(instance, new StrongBox<long>(revision));

    public bool TryGet(WorkflowInstance instance, out long revision)
    {
        if (_revisions.TryGetValue(instance, out var box))
        {
            revision = box.Value;
            return true;
        }
        revision = 0;
        return false;
    }
}
