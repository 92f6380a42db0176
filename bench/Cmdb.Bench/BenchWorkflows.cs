using System.Collections.Concurrent;
using System.Diagnostics;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Bench;

public sealed class BenchData
{
    public string Key { get; set; } = "";
    public int Counter { get; set; }
}

/// <summary>Five steps, each persisted before the next starts.</summary>
public sealed class FiveStepWorkflow : IWorkflow<BenchData>
{
    public const string DefinitionId = "bench-five-steps";

    public string Id => DefinitionId;

    public int Version => 1;

    public void Build(IWorkflowBuilder<BenchData> builder) => builder
        .StartWith<CountStep>()
        .Then<CountStep>()
        .Then<CountStep>()
        .Then<CountStep>()
        .Then<CountStep>();
}

/// <summary>A step, then a wait for the event <c>bench</c>, then a step that notes when it started.</summary>
public sealed class EventWorkflow : IWorkflow<BenchData>
{
    public const string DefinitionId = "bench-event";
    public const string EventName = "bench";

    public string Id => DefinitionId;

    public int Version => 1;

    public void Build(IWorkflowBuilder<BenchData> builder) => builder
        .StartWith<CountStep>()
        .WaitFor(EventName, data => data.Key)
        .Then<MarkResumed>();
}

public sealed class CountStep : StepBody
{
    public override ExecutionResult Run(IStepExecutionContext context)
    {
        ((BenchData)context.Workflow.Data).Counter++;
        return ExecutionResult.Next();
    }
}

public sealed class MarkResumed : StepBody
{
    public static readonly ConcurrentDictionary<string, long> ResumedAt = new();

    public override ExecutionResult Run(IStepExecutionContext context)
    {
        ResumedAt.TryAdd(((BenchData)context.Workflow.Data).Key, Stopwatch.GetTimestamp());
        return ExecutionResult.Next();
    }
}
