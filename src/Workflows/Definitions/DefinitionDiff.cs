using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Flows;

namespace Cmdb.Workflows.Definitions;

/// <summary>What changed between two versions: top-level fields, and steps added, removed or changed (with the fields).</summary>
public static class DefinitionDiff
{
    public sealed record StepChange(string StepId, string Change, IReadOnlyList<string> Fields);

    public sealed record Diff(IReadOnlyList<string> Fields, IReadOnlyList<StepChange> Steps);

    private static readonly string[] TopFields = ["name", "description", "form", "start"];

    public static Diff Of(FlowDefinitionDocument from, FlowDefinitionDocument to)
    {
        var a = Json(from);
        var b = Json(to);
        var fields = TopFields.Where(f => !JsonNode.DeepEquals(a[f], b[f])).ToList();

        var before = Steps(from);
        var after = Steps(to);
        var changes = new List<StepChange>();
        foreach (var (id, node) in after)
        {
            if (!before.TryGetValue(id, out var old))
                changes.Add(new StepChange(id, "added", []));
            else if (ChangedFields(old, node) is { Count: > 0 } changed)
                changes.Add(new StepChange(id, "changed", changed));
        }
        changes.AddRange(before.Keys.Where(id => !after.ContainsKey(id)).Select(id => new StepChange(id, "removed", [])));
        return new Diff(fields, changes.OrderBy(c => c.StepId, StringComparer.Ordinal).ToList());
    }

    private static JsonObject Json(FlowDefinitionDocument document) =>
        JsonSerializer.SerializeToNode(document, FlowDefinitionJson.Options)!.AsObject();

    /// <summary>Each step's own fields; a container's block is compared step by step, not as one field.</summary>
    private static Dictionary<string, JsonObject> Steps(FlowDefinitionDocument document) =>
        DefinitionValidator.AllSteps(document.Steps, "").ToDictionary(s => s.Step.Id, s =>
        {
            var node = JsonSerializer.SerializeToNode(s.Step, FlowDefinitionJson.Options)!.AsObject();
            node.Remove("do");
            node.Remove("compensate");
            return node;
        }, StringComparer.Ordinal);

    private static List<string> ChangedFields(JsonObject a, JsonObject b) =>
        a.Select(p => p.Key).Union(b.Select(p => p.Key))
            .Where(key => !JsonNode.DeepEquals(a[key], b[key])).Order(StringComparer.Ordinal).ToList();
}
