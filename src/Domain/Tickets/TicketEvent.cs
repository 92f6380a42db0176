namespace Cmdb.Domain.Tickets;

/// <summary>One line of a ticket's timeline: a step started, completed or failed, a human action, a notification.</summary>
public sealed class TicketEvent
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public DateTime Time { get; set; }
    public required string Kind { get; set; }
    public string? StepId { get; set; }
    public string? StepName { get; set; }
    public string? Actor { get; set; }
    public string? ActorName { get; set; }
    public string? Outcome { get; set; }
    public string? Comment { get; set; }
    public string? Error { get; set; }

    /// <summary>Set by workflow steps, which may run twice: the same key never adds a second line.</summary>
    public string? DedupKey { get; set; }
}

public static class TicketEventKinds
{
    public const string Submitted = "submitted";
    public const string StepStarted = "stepStarted";
    public const string StepCompleted = "stepCompleted";
    public const string StepFailed = "stepFailed";
    public const string TaskOpened = "taskOpened";
    public const string HumanAction = "humanAction";
    public const string FormEdited = "formEdited";
    public const string Notified = "notified";
    public const string Retried = "retried";
    public const string Suspended = "suspended";
    public const string Resumed = "resumed";
    public const string Terminated = "terminated";
    public const string Ended = "ended";
}
