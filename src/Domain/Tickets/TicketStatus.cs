namespace Cmdb.Domain.Tickets;

public enum TicketStatus
{
    /// <summary>Stored, its workflow not yet at its first step.</summary>
    Submitted,
    WaitingForApproval,

    /// <summary>At an edit or confirm task.</summary>
    WaitingForInput,

    /// <summary>Automated steps are working.</summary>
    Running,
    Completed,
    Rejected,
    Cancelled,

    /// <summary>An activity failed past its retries: an incident an admin may retry or terminate.</summary>
    Failed,
}

public static class TicketStatuses
{
    public static bool IsFinal(this TicketStatus status) =>
        status is TicketStatus.Completed or TicketStatus.Rejected or TicketStatus.Cancelled;
}

/// <summary>What can happen to a ticket; the lifecycle decides which are allowed in which status.</summary>
public enum TicketTrigger
{
    Start,
    AwaitApproval,
    AwaitInput,
    Approve,
    Reject,
    SubmitInput,
    TimeOut,
    Complete,
    EndRejected,
    EndCancelled,
    Cancel,
    Fail,
    Retry,
    Terminate,
}
