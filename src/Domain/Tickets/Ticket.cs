namespace Cmdb.Domain.Tickets;

/// <summary>
/// A ticket (工单): a request of one flow, its form, where its workflow stands, and the human task
/// it waits for. Status changes only through <see cref="Fire"/>, i.e. through the lifecycle.
/// </summary>
public sealed class Ticket
{
    public long Id { get; set; }
    public required string FlowId { get; set; }
    public int FlowVersion { get; set; }

    /// <summary>The flow's name when the ticket was made, for lists and messages.</summary>
    public required string FlowName { get; set; }
    public required string Title { get; set; }
    public required string Requester { get; set; }
    public required string RequesterName { get; set; }
    public required string FormType { get; set; }
    public required string FormJson { get; set; }

    /// <summary>The environment(s) the form concerns, e.g. <c>prod</c>, for filters and messages.</summary>
    public string? Env { get; set; }
    public TicketStatus Status { get; private set; } = TicketStatus.Submitted;
    public string? CurrentStepId { get; set; }
    public string? CurrentStepName { get; set; }
    public OpenTask? Task { get; set; }

    /// <summary>
    /// The last human task settled by a person (or cancelled), and how: the workflow, woken by a
    /// signal, reads the decision here, so a late timeout signal cannot overrule it.
    /// </summary>
    public string? ResolvedTaskKey { get; set; }
    public string? ResolvedTaskAction { get; set; }
    public Incident? Incident { get; set; }
    public string? WorkflowInstanceId { get; set; }
    public string? IdempotencyKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? ClosedAt { get; set; }

    /// <summary>Raised on every save; a save based on an older read is refused (two approvers at once: one wins).</summary>
    public long RowVersion { get; set; }

    public IReadOnlyList<TicketTrigger> AllowedTriggers()
    {
        var status = Status;
        return TicketLifecycle.Allowed(TicketLifecycle.For(() => status, s => status = s), status);
    }

    /// <summary>Moves the ticket through its lifecycle; an action not allowed now throws a conflict naming the allowed ones.</summary>
    public void Fire(TicketTrigger trigger, DateTime now)
    {
        TicketLifecycle.For(() => Status, s => Status = s).Fire(trigger);
        UpdatedAt = now;
        if (Status.IsFinal())
        {
            ClosedAt = now;
            Task = null;
        }
    }

    public bool CanFire(TicketTrigger trigger) => AllowedTriggers().Contains(trigger);

    /// <summary>Marks a change for the optimistic concurrency check.</summary>
    public void Touch(DateTime now)
    {
        UpdatedAt = now;
        RowVersion++;
    }
}

/// <summary>The human task a ticket waits for now, with who may act on it.</summary>
public sealed class OpenTask
{
    /// <summary>Event key the workflow waits on; unique per task occurrence.</summary>
    public required string Key { get; set; }
    public required string StepId { get; set; }
    public required string Name { get; set; }

    /// <summary>approve, edit or confirm.</summary>
    public required string Kind { get; set; }
    public string? Role { get; set; }

    /// <summary>Users named by the task's form field, as <c>|a|b|</c> so a LIKE finds one.</summary>
    public string? Users { get; set; }
    public bool Requester { get; set; }
    public DateTime Since { get; set; }
    public DateTime? DueAt { get; set; }
}

/// <summary>Why a ticket failed: the step and its error.</summary>
public sealed class Incident
{
    public required string StepId { get; set; }
    public required string StepName { get; set; }
    public required string Error { get; set; }
    public DateTime At { get; set; }
}
