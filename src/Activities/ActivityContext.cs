using System.Text.Json.Nodes;

namespace Cmdb.Activities;

/// <summary>What an activity gets: its evaluated inputs and the ticket it works for.</summary>
public sealed class ActivityContext(
    IReadOnlyDictionary<string, JsonNode?> inputs,
    ActivityTicket ticket,
    string stepId,
    string idempotencyKey)
{
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
