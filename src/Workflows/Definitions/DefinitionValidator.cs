using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Activities;
using Cmdb.Domain.Flows;
using Cmdb.Domain.Tickets.Forms;

namespace Cmdb.Workflows.Definitions;

/// <summary>
/// Checks a definition and lists every problem, each located by a JSON pointer: the schema's
/// structure first, then the rules it cannot express (unknown activity, unreachable step,
/// missing input, bad expression, human task with no actor rule, …).
/// </summary>
public sealed partial class DefinitionValidator(ActivityCatalog activities)
{
    public IReadOnlyList<DefinitionProblem> Validate(string json, out FlowDefinitionDocument? document)
    {
        document = null;
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            return [new DefinitionProblem("", ProblemCodes.Json, ex.Message)];
        }
        if (node is null)
            return [new DefinitionProblem("", ProblemCodes.Json, "The document is empty.")];

        var structural = DefinitionSchema.Check(node);
        if (structural.Count > 0)
            return structural;

        document = FlowDefinitionJson.Parse(json, out var parseProblem);
        if (document is null)
            return [parseProblem!];
        return Validate(document);
    }

    public IReadOnlyList<DefinitionProblem> Validate(FlowDefinitionDocument document)
    {
        var problems = new List<DefinitionProblem>();
        if (!FormCatalog.TryGet(document.Form, out _))
            problems.Add(new("/form", ProblemCodes.UnknownForm, $"No form named '{document.Form}'; known: {string.Join(", ", FormCatalog.Names)}."));

        CheckDuplicateIds(document, problems);
        if (document.Steps.All(s => s.Id != document.Start))
            problems.Add(new("/start", ProblemCodes.UnknownStep, $"The start step '{document.Start}' is not a top-level step."));

        CheckBlock(document.Steps, "/steps", document.Start, BlockKind.Top, problems);
        return problems;
    }

    private static void CheckDuplicateIds(FlowDefinitionDocument document, List<DefinitionProblem> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (step, pointer) in AllSteps(document.Steps, "/steps"))
        {
            if (!seen.Add(step.Id))
                problems.Add(new(pointer + "/id", ProblemCodes.DuplicateStep, $"Step id '{step.Id}' is used twice; step ids are unique in a definition."));
        }
    }

    /// <summary>Every step with its JSON pointer, depth first.</summary>
    public static IEnumerable<(StepDocument Step, string Pointer)> AllSteps(IReadOnlyList<StepDocument> steps, string pointer)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var here = $"{pointer}/{i}";
            yield return (steps[i], here);
            foreach (var nested in AllSteps(steps[i].Do ?? [], here + "/do"))
                yield return nested;
            foreach (var nested in AllSteps(steps[i].Compensate ?? [], here + "/compensate"))
                yield return nested;
        }
    }

    private enum BlockKind
    {
        Top,
        ForEach,
        Saga,
        Compensation,
    }
}
