using System.Text.Json.Nodes;
using Cmdb.Domain.Flows;
using Cmdb.Domain.Tickets;
using Cmdb.Workflows.Definitions;
using Cmdb.Workflows.Notifications;
using Cmdb.Workflows.Tickets;
using Microsoft.Extensions.Options;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Steps;

/// <summary>
/// Waits for a person. First run: opens the task on the ticket (who may act, until when) and
/// waits for the task's signal. Second run: reads the decision from the ticket, where the API
/// wrote it in the same transaction as the signal, and routes by it.
/// </summary>
public sealed class HumanTaskStep(
    LoadedDefinitions definitions, TicketProgress progress, IPersistenceProvider store, IOptions<NotificationOptions> options)
    : FlowStep(definitions)
{
    /// <summary>How far back a task's subscription reaches, for clocks of different nodes that disagree.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var step = Step(context);
        var data = Data(context);
        var key = Key(context);
        var name = Name(step, options.Value.Language);

        if (!context.ExecutionPointer.EventPublished)
        {
            var opened = DateTime.UtcNow;
            var ticket = await progress.LoadAsync(data.TicketId, context.CancellationToken);
            if (ticket.Status.IsFinal())
                return Route(data, "cancel");

            var timeout = step.Timeout is { } text ? Durations.Parse(text) : (TimeSpan?)null;
            var task = new OpenTask
            {
                Key = key,
                StepId = step.Id,
                Name = name,
                Kind = step.Task!,
                Role = step.Actors?.Role,
                Users = UsersOf(step.Actors?.FormField, ticket.FormJson),
                Requester = step.Actors?.Requester == true,
                DueAt = opened + timeout,
            };
            await progress.OpenTaskAsync(ticket.Id, step, name, task, $"{key}:opened", context.CancellationToken);
            if (timeout is { } wait)
            {
                await store.CreateEvent(new Event
                {
                    EventName = HumanTaskSignal.EventName, EventKey = key, EventTime = opened + wait,
                    EventData = new HumanTaskSignal { Action = "timeout" },
                }, context.CancellationToken);
            }
            return ExecutionResult.WaitForEvent(HumanTaskSignal.EventName, key, opened - ClockSkew);
        }

        var signal = context.ExecutionPointer.EventData as HumanTaskSignal;
        var current = await progress.LoadAsync(data.TicketId, context.CancellationToken);
        if (current.ResolvedTaskKey != key && signal?.Action == "timeout")
        {
            await progress.TimeOutTaskAsync(current.Id, key, step, name, context.CancellationToken);
            current = await progress.LoadAsync(data.TicketId, context.CancellationToken);
        }
        var action = current.ResolvedTaskKey == key ? current.ResolvedTaskAction : signal?.Action;
        return Route(data, action ?? "timeout");
    }

    private static ExecutionResult Route(FlowData data, string action)
    {
        var outcome = action switch
        {
            "approve" => "approved",
            "reject" => "rejected",
            "submit" => "submitted",
            "confirm" => "confirmed",
            "cancel" => FlowDefinitionCompiler.CancelledOutcome,
            _ => "timedOut",
        };
        data.LastOutcome = outcome;
        return ExecutionResult.Outcome(outcome);
    }

    /// <summary>The users a form field names (a string or a list of strings), as <c>|a|b|</c>.</summary>
    private static string? UsersOf(string? field, string formJson)
    {
        if (field is null)
            return null;
        JsonNode? node = JsonNode.Parse(formJson);
        foreach (var part in field.Split('.'))
            node = node is JsonObject obj ? obj[part] : null;
        var users = node switch
        {
            JsonArray list => list.Select(u => u?.ToString()).Where(u => !string.IsNullOrWhiteSpace(u)).ToList(),
            JsonValue value => [value.ToString()],
            _ => [],
        };
        return users.Count == 0 ? null : "|" + string.Join('|', users) + "|";
    }
}
