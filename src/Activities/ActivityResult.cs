using System.Text.Json.Nodes;

namespace Cmdb.Activities;

/// <summary>How an activity ended: its outcome (routing) and its outputs (for later steps and the timeline).</summary>
public sealed record ActivityResult(string Outcome, JsonObject Outputs)
{
    /// <summary>Set when the work is not finished yet: the step asks again after this delay, without holding a thread.</summary>
    public TimeSpan? AskAgainAfter { get; init; }

    /// <summary>Why it is not finished yet (shown while waiting).</summary>
    public string? Waiting { get; init; }

    public static ActivityResult Done(JsonObject? outputs = null) => new(ActivityDescriptor.Done.Name, outputs ?? []);

    public static ActivityResult NotYet(TimeSpan askAgainAfter, string why) =>
        new("", []) { AskAgainAfter = askAgainAfter, Waiting = why };
}
