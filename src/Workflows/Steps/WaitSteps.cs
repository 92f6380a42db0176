using Cmdb.Workflows.Definitions;
using Cmdb.Workflows.Tickets;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Steps;

/// <summary>A wait step for an event: waits for the named event with the key its expression gives, and keeps the event's data as its output.</summary>
public sealed class WaitEventStep(LoadedDefinitions definitions, TicketProgress progress) : FlowStep(definitions)
{
    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var step = Step(context);
        if (!context.ExecutionPointer.EventPublished)
        {
            var ticket = await progress.LoadAsync(Data(context).TicketId, context.CancellationToken);
            var key = FlowExpressions.Evaluate(step.Key!, Scope(context, ticket))?.ToString() ?? "";
            return ExecutionResult.WaitForEvent(step.Event!, key, context.ExecutionPointer.StartTime ?? DateTime.UtcNow);
        }
        Data(context).Outputs[step.Id] = System.Text.Json.JsonSerializer.Serialize(context.ExecutionPointer.EventData);
        return ExecutionResult.Next();
    }
}

/// <summary>A wait step for a time: sleeps for its duration once, durably.</summary>
public sealed class DelayStep(LoadedDefinitions definitions) : FlowStep(definitions)
{
    public override Task<ExecutionResult> RunAsync(IStepExecutionContext context) =>
        Task.FromResult(context.PersistenceData is null
            ? ExecutionResult.Sleep(Durations.Parse(Step(context).Duration!), true)
            : ExecutionResult.Next());
}

/// <summary>An end step: settles the ticket as completed, rejected or cancelled.</summary>
public sealed class EndTicketStep(LoadedDefinitions definitions, TicketProgress progress) : FlowStep(definitions)
{
    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var step = Step(context);
        await progress.EndAsync(Data(context).TicketId, step.Id, step.Result ?? "completed", $"{Key(context)}:end", context.CancellationToken);
        return ExecutionResult.Next();
    }
}
