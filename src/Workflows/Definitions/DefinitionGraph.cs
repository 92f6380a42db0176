using Cmdb.Domain.Flows;

namespace Cmdb.Workflows.Definitions;

/// <summary>A definition as nodes and edges, for the designer to draw.</summary>
public static class DefinitionGraph
{
    public sealed record Node(string Id, string Kind, LocalizedText? Name, string? Activity, string? Task, string? Result, string? Parent, string Block, string Pointer);

    /// <summary><paramref name="Label"/> is the outcome (or next, then, else, do, compensate) the edge is taken on.</summary>
    public sealed record Edge(string From, string To, string Label);

    public sealed record Graph(string Start, IReadOnlyList<Node> Nodes, IReadOnlyList<Edge> Edges);

    public static Graph Of(FlowDefinitionDocument document)
    {
        var nodes = new List<Node>();
        var edges = new List<Edge>();
        Walk(document.Steps, "/steps", null, "main", nodes, edges);
        return new Graph(document.Start, nodes, edges);
    }

    private static void Walk(List<StepDocument> steps, string pointer, string? parent, string block, List<Node> nodes, List<Edge> edges)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var here = $"{pointer}/{i}";
            nodes.Add(new Node(step.Id, step.Kind, step.Name, step.Activity, step.Task, step.Result, parent, block, here));
            foreach (var (field, target) in DefinitionValidator.Targets(step))
                edges.Add(new Edge(step.Id, target, field.StartsWith("outcomes/", StringComparison.Ordinal) ? field["outcomes/".Length..] : field));
            if (step.Do is { Count: > 0 } body)
            {
                edges.Add(new Edge(step.Id, body[0].Id, "do"));
                Walk(body, here + "/do", step.Id, "do", nodes, edges);
            }
            if (step.Compensate is { Count: > 0 } undo)
            {
                edges.Add(new Edge(step.Id, undo[0].Id, "compensate"));
                Walk(undo, here + "/compensate", step.Id, "compensate", nodes, edges);
            }
        }
    }
}
