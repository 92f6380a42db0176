using System.Text.Json.Nodes;

namespace Cmdb.Activities;

/// <summary>How an activity ended: its outcome (routing) and its outputs (for later steps and the timeline).</summary>
public sealed record ActivityResult(string Outcome, JsonObject Outputs)
{
    public static ActivityResult Done(JsonObject? outputs = null) => new(ActivityDescriptor.Done.Name, outputs ?? []);
}
