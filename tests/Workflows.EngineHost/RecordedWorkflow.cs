using WorkflowCore.Interface;

namespace Cmdb.Workflows.EngineHost;

public sealed class RecordedData
{
    /// <summary>The event key this instance waits for at its third step.</summary>
    public string Key { get; set; } = "";
}

/// <summary>Five persisted steps; the third only runs after the event <c>go</c> with the instance's key.</summary>
public sealed class RecordedWorkflow : IWorkflow<RecordedData>
{
    public const string DefinitionId = "recorded";
    public const string EventName = "go";

    public string Id => DefinitionId;

    public int Version => 1;

    public void Build(IWorkflowBuilder<RecordedData> builder) => builder
        .StartWith<RecordStep>().Input(s => s.Step, _ => 1)
        .Then<RecordStep>().Input(s => s.Step, _ => 2)
        .WaitFor(EventName, data => data.Key)
        .Then<RecordStep>().Input(s => s.Step, _ => 3)
        .Then<RecordStep>().Input(s => s.Step, _ => 4)
        .Then<RecordStep>().Input(s => s.Step, _ => 5);
}
