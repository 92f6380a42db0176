using Cmdb.Domain.Engine;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Persistence;

/// <summary>Between WorkflowCore's models and our stored records.</summary>
internal static class RecordMapping
{
    public static void CopyTo(this WorkflowInstance instance, WorkflowRecord record)
    {
        record.DefinitionId = instance.WorkflowDefinitionId;
        record.Version = instance.Version;
        record.Description = instance.Description;
        record.Reference = instance.Reference;
        record.Status = (int)instance.Status;
        record.NextExecution = instance.NextExecution;
        record.Data = EngineJson.Serialize(instance.Data);
        record.ExecutionPointers = EngineJson.Serialize(instance.ExecutionPointers.ToList());
        record.CreateTime = instance.CreateTime;
        record.CompleteTime = instance.CompleteTime;
    }

    public static WorkflowRecord ToRecord(this WorkflowInstance instance)
    {
        var record = new WorkflowRecord { Id = instance.Id, DefinitionId = instance.WorkflowDefinitionId, ExecutionPointers = "[]" };
        instance.CopyTo(record);
        return record;
    }

    public static WorkflowInstance ToInstance(this WorkflowRecord record) => new()
    {
        Id = record.Id,
        WorkflowDefinitionId = record.DefinitionId,
        Version = record.Version,
        Description = record.Description,
        Reference = record.Reference,
        Status = (WorkflowStatus)record.Status,
        NextExecution = record.NextExecution,
        Data = EngineJson.Deserialize(record.Data),
        ExecutionPointers = new ExecutionPointerCollection(EngineJson.Deserialize<List<ExecutionPointer>>(record.ExecutionPointers)),
        CreateTime = record.CreateTime,
        CompleteTime = record.CompleteTime,
    };

    public static SubscriptionRecord ToRecord(this EventSubscription subscription) => new()
    {
        Id = subscription.Id,
        WorkflowId = subscription.WorkflowId,
        StepId = subscription.StepId,
        ExecutionPointerId = subscription.ExecutionPointerId,
        EventName = subscription.EventName,
        EventKey = subscription.EventKey,
        SubscribeAsOf = subscription.SubscribeAsOf.AsUtc(),
        Data = EngineJson.Serialize(subscription.SubscriptionData),
        ExternalToken = subscription.ExternalToken,
        ExternalWorkerId = subscription.ExternalWorkerId,
        ExternalTokenExpiry = subscription.ExternalTokenExpiry,
    };

    public static EventSubscription ToSubscription(this SubscriptionRecord record) => new()
    {
        Id = record.Id,
        WorkflowId = record.WorkflowId,
        StepId = record.StepId,
        ExecutionPointerId = record.ExecutionPointerId,
        EventName = record.EventName,
        EventKey = record.EventKey,
        SubscribeAsOf = record.SubscribeAsOf,
        SubscriptionData = EngineJson.Deserialize(record.Data),
        ExternalToken = record.ExternalToken,
        ExternalWorkerId = record.ExternalWorkerId,
        ExternalTokenExpiry = record.ExternalTokenExpiry,
    };

    public static EventRecord ToRecord(this Event evt) => new()
    {
        Id = evt.Id,
        Name = evt.EventName,
        Key = evt.EventKey,
        Data = EngineJson.Serialize(evt.EventData),
        EventTime = evt.EventTime.AsUtc(),
        IsProcessed = evt.IsProcessed,
    };

    public static Event ToEvent(this EventRecord record) => new()
    {
        Id = record.Id,
        EventName = record.Name,
        EventKey = record.Key,
        EventData = EngineJson.Deserialize(record.Data),
        EventTime = record.EventTime,
        IsProcessed = record.IsProcessed,
    };
}
