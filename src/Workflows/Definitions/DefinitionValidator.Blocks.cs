using Cmdb.Domain.Flows;

namespace Cmdb.Workflows.Definitions;

public sealed partial class DefinitionValidator
{
    /// <summary>
    /// A block is the top-level step list or the inside of a forEach, saga or compensation: its
    /// steps may only lead to steps of the same block, and every step must be reachable from the
    /// block's entry.
    /// </summary>
    private void CheckBlock(List<StepDocument> steps, string pointer, string? entry, BlockKind kind, List<DefinitionProblem> problems)
    {
        var ids = steps.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var here = $"{pointer}/{i}";
            foreach (var (field, target) in Targets(step))
            {
                if (!ids.Contains(target))
                    problems.Add(new($"{here}/{field}", ProblemCodes.UnknownStep, $"'{target}' is not a step of this block."));
            }
            CheckStep(step, here, kind, problems);
        }

        var reached = Reachable(steps, entry ?? steps.FirstOrDefault()?.Id, chained: kind == BlockKind.Compensation);
        for (var i = 0; i < steps.Count; i++)
        {
            if (!reached.Contains(steps[i].Id))
                problems.Add(new($"{pointer}/{i}", ProblemCodes.UnreachableStep, $"Step '{steps[i].Id}' cannot be reached from '{entry ?? steps[0].Id}'."));
        }
    }

    /// <summary>The steps a step may lead to, with the field that names each.</summary>
    internal static IEnumerable<(string Field, string Target)> Targets(StepDocument step)
    {
        if (step.Next is { } next)
            yield return ("next", next);
        foreach (var (outcome, target) in step.Outcomes ?? [])
            yield return ($"outcomes/{outcome}", target);
        if (step.Then is { } then)
            yield return ("then", then);
        if (step.Else is { } otherwise)
            yield return ("else", otherwise);
    }

    /// <param name="chained">In a compensation block a step without a target leads to the next one written (the compiler chains them).</param>
    private static HashSet<string> Reachable(List<StepDocument> steps, string? entry, bool chained)
    {
        var following = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; chained && i + 1 < steps.Count; i++)
        {
            if (!Targets(steps[i]).Any())
                following.TryAdd(steps[i].Id, steps[i + 1].Id);
        }
        var byId = steps.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        if (entry is not null)
            pending.Push(entry);
        while (pending.Count > 0)
        {
            var id = pending.Pop();
            if (!reached.Add(id) || !byId.TryGetValue(id, out var step))
                continue;
            foreach (var (_, target) in Targets(step))
                pending.Push(target);
            if (following.TryGetValue(id, out var chainedNext))
                pending.Push(chainedNext);
        }
        return reached;
    }
}
