using System.Text.Json.Nodes;
using Cmdb.Workflows.Definitions;
using Cmdb.Workflows.Notifications;
using Microsoft.Extensions.Options;
using Cmdb.Workflows.Tickets;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Steps;

/// <summary>
/// Runs its block once per item of a list (all at once, or one after another with
/// <c>parallel: false</c>). The list is evaluated once and kept, so an edit of the form during
/// the loop does not change what it iterates.
/// </summary>
public sealed class ForEachStep(LoadedDefinitions definitions, TicketProgress progress, IOptions<NotificationOptions> options) : FlowStep(definitions)
{
    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var step = Step(context);
        if (context.PersistenceData is not ForEachState state)
        {
            var ticket = await progress.LoadAsync(Data(context).TicketId, context.CancellationToken);
            await progress.StepStartedAsync(ticket.Id, step.Id, Name(step, options.Value.Language), $"{Key(context)}:started", context.CancellationToken);
            var list = FlowExpressions.Evaluate(step.Items!, Scope(context, ticket)) as JsonArray
                ?? throw new ExpressionException(step.Items!, "it must give a list");
            if (list.Count == 0)
                return ExecutionResult.Next();
            state = new ForEachState
            {
                Items = list.Select(i => i?.ToJsonString() ?? "null").ToList(),
                Parallel = step.Parallel ?? true,
                ChildrenActive = true,
            };
            return state.Parallel
                ? ExecutionResult.Branch(state.Items.Select((json, i) => (object)new ForEachItem { Index = i, Json = json }).ToList(), state)
                : ExecutionResult.Branch([new ForEachItem { Index = 0, Json = state.Items[0] }], state);
        }

        if (!context.Workflow.IsBranchComplete(context.ExecutionPointer.Id))
            return ExecutionResult.Persist(state);
        if (!state.Parallel && state.Index + 1 < state.Items.Count)
        {
            state.Index++;
            return ExecutionResult.Branch([new ForEachItem { Index = state.Index, Json = state.Items[state.Index] }], state);
        }
        return ExecutionResult.Next();
    }
}

public sealed class ForEachState
{
    public List<string> Items { get; set; } = [];
    public bool Parallel { get; set; }
    public bool ChildrenActive { get; set; }
    public int Index { get; set; }
}
