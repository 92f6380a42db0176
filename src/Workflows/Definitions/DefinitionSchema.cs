using System.Text.Json.Nodes;
using Cmdb.Domain.Flows;
using Json.Schema;

namespace Cmdb.Workflows.Definitions;

/// <summary>The JSON Schema in workflow-definitions/, applied to a document before anything else.</summary>
internal static class DefinitionSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        using var stream = typeof(DefinitionSchema).Assembly.GetManifestResourceStream("workflow-definition.schema.json")
            ?? throw new InvalidOperationException("The definition schema is not embedded.");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromText(reader.ReadToEnd());
    });

    public static IReadOnlyList<DefinitionProblem> Check(JsonNode document)
    {
        var result = Schema.Value.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
            return [];
        return (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => new DefinitionProblem(d.InstanceLocation.ToString(), ProblemCodes.Schema, e.Value)))
            .DistinctBy(p => (p.Pointer, p.Message))
            .ToList();
    }
}
