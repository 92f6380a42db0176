using System.Text.Json.Nodes;
using Cmdb.Activities;
using Cmdb.Domain.Tickets;
using Cmdb.Workflows.Definitions;
using Cmdb.Workflows.Notifications;
using Cmdb.Workflows.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Steps;

/// <summary>
/// Runs a registered activity with inputs evaluated from the definition's expressions. A failure
/// is retried after a growing delay (the attempt count is kept with the step); after the last
/// retry the step fails: inside a saga the saga compensates; elsewhere the ticket becomes an
/// incident and the workflow is suspended until an admin retries or terminates it.
/// </summary>
public sealed class ActivityStep(
    LoadedDefinitions definitions, ActivityCatalog activities, TicketProgress progress,
    IOptions<NotificationOptions> options, IOptions<ActivityOptions> retries, ILogger<ActivityStep> logger) : FlowStep(definitions)
{
    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var step = Step(context);
        var data = Data(context);
        var name = Name(step, options.Value.Language);
        var key = Key(context);
        var attempt = context.PersistenceData is ActivityAttempt previous ? previous.Number : 0;
        var ticket = await progress.LoadAsync(data.TicketId, context.CancellationToken);
        if (ticket.Status.IsFinal())
        {
            // Cancelled or terminated while this step was on its way: no side effect any more.
            logger.LogInformation("Ticket {Ticket} is {Status}: step {Step} does not run and the workflow stops", ticket.Id, ticket.Status, step.Id);
            context.Workflow.Status = WorkflowStatus.Terminated;
            return ExecutionResult.Persist(context.PersistenceData);
        }
        if (attempt == 0)
            await progress.StepStartedAsync(ticket.Id, step.Id, name, $"{key}:started", context.CancellationToken);

        try
        {
            var scope = Scope(context, ticket);
            var inputs = (step.Inputs ?? []).ToDictionary(i => i.Key, i => FlowExpressions.Evaluate(i.Value, scope));
            var activity = activities.Get(step.Activity!);
            var ticketInfo = new ActivityTicket(ticket.Id, ticket.FlowId, ticket.FlowName, ticket.Title, ticket.Requester, ticket.RequesterName, ticket.Env);
            var result = await activity.ExecuteAsync(new ActivityContext(inputs, ticketInfo, step.Id, key), context.CancellationToken);

            data.Outputs[step.Id] = result.Outputs.ToJsonString();
            data.LastOutcome = result.Outcome;
            await progress.StepCompletedAsync(ticket.Id, step.Id, name, result.Outcome, Summary(result.Outputs), $"{key}:completed", context.CancellationToken);
            return ExecutionResult.Outcome(result.Outcome);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bad expression or input will not heal by waiting: it goes straight to an incident.
            var final = attempt >= (step.Retries ?? retries.Value.DefaultRetries) || ex is ExpressionException or ActivityInputException;
            logger.LogWarning("Step {Step} of ticket {Ticket} failed (attempt {Attempt}{Final}): {Error}",
                step.Id, ticket.Id, attempt + 1, final ? ", giving up" : "", ex.Message);
            var failure = !final ? StepFailure.WillRetry
                : FlowDefinitionCompiler.RollsBackOnFailure(context.Step) ? StepFailure.RollsBack : StepFailure.Incident;
            await progress.StepFailedAsync(ticket.Id, step.Id, name, ex.Message, failure, $"{key}:failed:{attempt}", context.CancellationToken);
            if (final)
                throw new StepFailedException(step.Id, ex.Message, ex);
            return ExecutionResult.Sleep(Delay(step, attempt), new ActivityAttempt { Number = attempt + 1 });
        }
    }

    private TimeSpan Delay(Domain.Flows.StepDocument step, int attempt)
    {
        var first = step.RetryDelay is { } text ? Durations.Parse(text) : retries.Value.DefaultRetryDelay;
        var delay = first * Math.Pow(2, attempt);
        return delay < retries.Value.MaxRetryDelay ? delay : retries.Value.MaxRetryDelay;
    }

    private static string? Summary(JsonObject outputs)
    {
        if (outputs.Count == 0)
            return null;
        var text = outputs.ToJsonString();
        return text.Length <= 500 ? text : text[..500];
    }
}

/// <summary>How many attempts of an activity step have failed so far.</summary>
public sealed class ActivityAttempt
{
    public int Number { get; set; }
}

/// <summary>An activity failed past its retries; the workflow is suspended as an incident.</summary>
public sealed class StepFailedException(string stepId, string message, Exception inner)
    : Exception($"Step '{stepId}' failed: {message}", inner);
