using Cmdb.Domain.Persistence;
using Cmdb.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Engine;

/// <summary>
/// Starts workflows and publishes engine events inside the caller's database transaction, so a
/// ticket and its workflow (or a decision and the signal that wakes the workflow) are saved
/// together or not at all. After the commit, <see cref="Nudge"/> tells this node's engine at
/// once; without it the engine's poll would find them within a second anyway.
/// </summary>
public sealed class EngineOutbox(IExecutionPointerFactory pointers, IQueueProvider queue)
{
    public string AddWorkflow(CmdbDbContext db, WorkflowDefinition definition, object data, string reference)
    {
        var instance = new WorkflowInstance
        {
            Id = Guid.NewGuid().ToString(),
            WorkflowDefinitionId = definition.Id,
            Version = definition.Version,
            Data = data,
            Description = definition.Description,
            Reference = reference,
            NextExecution = 0,
            Status = WorkflowStatus.Runnable,
            CreateTime = DateTime.UtcNow,
        };
        instance.ExecutionPointers.Add(pointers.BuildGenesisPointer(definition));
        db.Workflows.Add(instance.ToRecord());
        return instance.Id;
    }

    public string AddEvent(CmdbDbContext db, string name, string key, object data)
    {
        var evt = new Event
        {
            Id = Guid.NewGuid().ToString(),
            EventName = name,
            EventKey = key,
            EventData = data,
            EventTime = DateTime.UtcNow,
            IsProcessed = false,
        };
        db.Events.Add(evt.ToRecord());
        return evt.Id;
    }

    /// <summary>
    /// The signal that settles a person's task, replacing whatever else waits under its key (the
    /// task's timeout): retired in the same save, so a settled task leaves no event to poll.
    /// </summary>
    public async Task<string> SettleTaskAsync(CmdbDbContext db, string name, string key, object data, CancellationToken cancellationToken)
    {
        var pending = await db.Events.Where(e => e.Name == name && e.Key == key && !e.IsProcessed).ToListAsync(cancellationToken);
        foreach (var waiting in pending)
            waiting.IsProcessed = true;
        return AddEvent(db, name, key, data);
    }

    public async Task Nudge(IEnumerable<string> workflowIds, IEnumerable<string> eventIds)
    {
        foreach (var id in workflowIds)
            await queue.QueueWork(id, QueueType.Workflow);
        foreach (var id in eventIds)
            await queue.QueueWork(id, QueueType.Event);
    }
}
