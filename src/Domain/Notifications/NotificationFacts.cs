namespace Cmdb.Domain.Notifications;

/// <summary>What happened, in the terms every message names (DOMAIN.md "Notifications").</summary>
public sealed record NotificationFacts
{
    public required NotificationEvent Event { get; init; }

    /// <summary>The flow's name as users know it (for releases: the plan title).</summary>
    public string? Flow { get; init; }
    public string? Env { get; init; }
    public string? TicketId { get; init; }
    public string? Description { get; init; }

    /// <summary>Who acted: the requester, the approver, the release operator, or the system.</summary>
    public string? Operator { get; init; }

    /// <summary>Event-specific details, e.g. the step and error of a failure, a batch and its stores.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}

public enum NotificationEvent
{
    TicketSubmitted,
    TicketApproved,
    TicketRejected,
    TicketDone,
    TicketCancelled,
    StepFailed,
    ReleaseBatchResult,
    CapacityAlert,
    SyncRefused,
    SyncFailed,
    Test,
}
