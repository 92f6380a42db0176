namespace Cmdb.Workflows.Steps;

/// <summary>
/// The data every flow instance carries: which ticket it works for and what its steps produced.
/// The form itself stays in the ticket row, so an edit is seen by every later step.
/// </summary>
public sealed class FlowData
{
    public long TicketId { get; set; }

    /// <summary>Step id → that step's outputs as JSON (inside a forEach, the last item's).</summary>
    public Dictionary<string, string> Outputs { get; set; } = [];

    public string? LastOutcome { get; set; }
}

/// <summary>What a waiting human task is woken with: which action settled it (the ticket row says the rest).</summary>
public sealed class HumanTaskSignal
{
    public const string EventName = "cmdb.human-task";

    /// <summary>approve, reject, submit, confirm, cancel or timeout.</summary>
    public string Action { get; set; } = "";
}

/// <summary>A forEach item as its child steps see it.</summary>
public sealed class ForEachItem
{
    public int Index { get; set; }
    public string Json { get; set; } = "null";
}
