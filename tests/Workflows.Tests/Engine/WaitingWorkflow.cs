using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Tests.Engine;

public sealed class WaitingData
{
    public string Key { get; set; } = "";
    public string? Answer { get; set; }
    public bool Finished { get; set; }
}

/// <summary>Waits for the event <c>answer</c> with its key, keeps the event data, then finishes.</summary>
public sealed class WaitingWorkflow : IWorkflow<WaitingData>
{
    public string Id => "waiting";

    public int Version => 1;

    public void Build(IWorkflowBuilder<WaitingData> builder) => builder
        .StartWith(_ => ExecutionResult.Next())
        .WaitFor("answer", data => data.Key)
            .Output(data => data.Answer, step => step.EventData)
        .Then(context =>
        {
            ((WaitingData)context.Workflow.Data).Finished = true;
            return ExecutionResult.Next();
        });
}
