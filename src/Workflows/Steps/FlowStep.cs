using System.Text.Json.Nodes;
using Cmdb.Domain.Flows;
using Cmdb.Workflows.Definitions;
using Cmdb.Workflows.Tickets;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Steps;

/// <summary>What every step of a JSON-defined flow shares: its own definition, its data, its expression scope.</summary>
public abstract class FlowStep(LoadedDefinitions definitions) : StepBodyAsync
{
    protected StepDocument Step(IStepExecutionContext context) =>
        definitions.Step(context.Workflow.WorkflowDefinitionId, context.Workflow.Version, context.Step.ExternalId);

    protected static FlowData Data(IStepExecutionContext context) => (FlowData)context.Workflow.Data;

    protected static string Name(StepDocument step, string language) => step.Name?.For(language) is { Length: > 0 } name ? name : step.Id;

    /// <summary>The same on every run of this step occurrence (this pointer), different for any other.</summary>
    protected static string Key(IStepExecutionContext context) => $"{Data(context).TicketId}:{context.ExecutionPointer.Id}";

    protected static ExpressionScope Scope(IStepExecutionContext context, TicketSnapshot ticket)
    {
        var data = Data(context);
        var outputs = new JsonObject();
        foreach (var (stepId, json) in data.Outputs)
            outputs[stepId] = JsonNode.Parse(json);
        var item = context.Item as ForEachItem;
        return new ExpressionScope(JsonNode.Parse(ticket.FormJson), ticket.ToJson(), outputs,
            item is null ? null : JsonNode.Parse(item.Json), item?.Index, data.LastOutcome);
    }
}
