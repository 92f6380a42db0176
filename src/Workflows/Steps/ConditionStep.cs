using System.Text.Json.Nodes;
using Cmdb.Workflows.Definitions;
using Cmdb.Workflows.Tickets;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Steps;

/// <summary>An if step: routes to <c>then</c> or <c>else</c> by a condition over the ticket's data.</summary>
public sealed class ConditionStep(LoadedDefinitions definitions, TicketProgress progress) : FlowStep(definitions)
{
    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var step = Step(context);
        var ticket = await progress.LoadAsync(Data(context).TicketId, context.CancellationToken);
        var value = FlowExpressions.Evaluate(step.Condition!, Scope(context, ticket));
        return ExecutionResult.Outcome(IsTruthy(value) ? "true" : "false");
    }

    /// <summary>JavaScript truthiness of a JSON value.</summary>
    internal static bool IsTruthy(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<double>(out var d) => d != 0 && !double.IsNaN(d),
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        _ => true,
    };
}
