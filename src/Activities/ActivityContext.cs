using System.Text.Json.Nodes;

namespace Cmdb.Activities;

/// <summary>What an activity gets: its evaluated inputs and the ticket it works for.</summary>
public sealed class ActivityContext(
    IReadOnlyDictionary<string, JsonNode?> inputs,
    ActivityTicket ticket,
    string stepId,
    string idempotencyKey,
    ActivityPolling? polling = null)
{
    /// <summary>How long this step has been asking (activities that answer <see cref="ActivityResult.NotYet"/>).</summary>
    public ActivityPolling Polling { get; } = polling ?? ActivityPolling.First;

    public IReadOnlyDictionary<string, JsonNode?> Inputs { get; } = inputs;

    public ActivityTicket Ticket { get; } = ticket;

    public string StepId { get; } = stepId;

    /// <summary>The same on every run of this step for this ticket (and item), different for any other.</summary>
    public string IdempotencyKey { get; } = idempotencyKey;

    public string RequiredString(string name) =>
        OptionalString(name) is { Length: > 0 } value ? value : throw new ActivityInputException(name, "is required");

    public string? OptionalString(string name) =>
        Inputs.TryGetValue(name, out var node) && node is not null ? node.ToString() : null;
}

/// <summary>The ticket an activity runs for.</summary>
public sealed record ActivityTicket(long Id, string FlowId, string FlowName, string Title, string Requester, string RequesterName, string? Env);

/// <summary>An input that is missing or malformed at run time: a definition or form problem, not a transient failure.</summary>
public sealed class ActivityInputException(string input, string problem)
    : Exception($"Input '{input}' {problem}.");

/// <param name="Polls">How many times the activity answered "not yet" in this run of the step.</param>
/// <param name="WaitingSince">When it first answered "not yet"; null before that.</param>
public sealed record ActivityPolling(int Polls, DateTime? WaitingSince)
{
    public static readonly ActivityPolling First = new(0, null);
}

/// <summary>The activity waited past its deadline: no retry helps, the step becomes an incident (an admin retry asks once more).</summary>
public sealed class ActivityTimedOutException(string message) : Exception(message);
