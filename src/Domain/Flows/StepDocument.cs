namespace Cmdb.Domain.Flows;

/// <summary>
/// One step. Which properties apply depends on <see cref="Kind"/>; the validator reports any
/// that are missing or do not belong.
/// </summary>
public sealed class StepDocument
{
    public string Id { get; set; } = "";

    /// <summary>activity, human, wait, if, forEach, saga or end.</summary>
    public string Kind { get; set; } = "";

    public LocalizedText? Name { get; set; }

    /// <summary>The step that follows (all kinds but if and end; inside a block, none ends the block).</summary>
    public string? Next { get; set; }

    /// <summary>Next step per outcome, for human tasks and activities with named outcomes.</summary>
    public Dictionary<string, string>? Outcomes { get; set; }

    // activity
    public string? Activity { get; set; }

    /// <summary>Activity input name → expression over form, ticket, outputs, item and outcome.</summary>
    public Dictionary<string, string>? Inputs { get; set; }

    /// <summary>Attempts after the first before the ticket becomes an incident (default 3).</summary>
    public int? Retries { get; set; }

    /// <summary>ISO 8601 duration between attempts, doubled each time (default PT10S).</summary>
    public string? RetryDelay { get; set; }

    // human
    /// <summary>approve, edit or confirm.</summary>
    public string? Task { get; set; }

    public ActorRule? Actors { get; set; }

    /// <summary>ISO 8601 duration after which the task ends with the outcome <c>timedOut</c>.</summary>
    public string? Timeout { get; set; }

    /// <summary>Who is notified when the task times out.</summary>
    public ActorRule? EscalateTo { get; set; }

    // wait
    /// <summary>Event name to wait for (with <see cref="Key"/>), or none when waiting for a time.</summary>
    public string? Event { get; set; }

    /// <summary>Expression giving the event key.</summary>
    public string? Key { get; set; }

    /// <summary>ISO 8601 duration to wait.</summary>
    public string? Duration { get; set; }

    // if
    public string? Condition { get; set; }

    public string? Then { get; set; }

    public string? Else { get; set; }

    // forEach and saga
    /// <summary>forEach: expression giving the list; each item is <c>item</c> in the block.</summary>
    public string? Items { get; set; }

    /// <summary>forEach: run the items at once (default) or one after another.</summary>
    public bool? Parallel { get; set; }

    /// <summary>The block a forEach runs per item, or a saga's steps.</summary>
    public List<StepDocument>? Do { get; set; }

    /// <summary>Inside a saga: the steps that undo this one, run in reverse order when a later step fails.</summary>
    public List<StepDocument>? Compensate { get; set; }

    // end
    /// <summary>completed, rejected or cancelled.</summary>
    public string? Result { get; set; }
}

public static class StepKinds
{
    public const string Activity = "activity";
    public const string Human = "human";
    public const string Wait = "wait";
    public const string If = "if";
    public const string ForEach = "forEach";
    public const string Saga = "saga";
    public const string End = "end";

    public static readonly IReadOnlyList<string> All = [Activity, Human, Wait, If, ForEach, Saga, End];
}

public static class HumanTaskKinds
{
    public const string Approve = "approve";
    public const string Edit = "edit";
    public const string Confirm = "confirm";

    public static readonly IReadOnlyList<string> All = [Approve, Edit, Confirm];

    /// <summary>The outcomes each task kind can end with.</summary>
    public static IReadOnlyList<string> Outcomes(string task) => task switch
    {
        Approve => ["approved", "rejected", "timedOut"],
        Edit => ["submitted", "timedOut"],
        Confirm => ["confirmed", "timedOut"],
        _ => [],
    };
}

public static class EndResults
{
    public const string Completed = "completed";
    public const string Rejected = "rejected";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Completed, Rejected, Cancelled];
}
