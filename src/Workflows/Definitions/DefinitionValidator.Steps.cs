using Cmdb.Domain.Flows;

namespace Cmdb.Workflows.Definitions;

public sealed partial class DefinitionValidator
{
    private static readonly Dictionary<string, string[]> FieldsOfKind = new()
    {
        [StepKinds.Activity] = ["next", "outcomes", "activity", "inputs", "retries", "retryDelay", "compensate"],
        [StepKinds.Human] = ["outcomes", "task", "actors", "timeout", "escalateTo"],
        [StepKinds.Wait] = ["next", "event", "key", "duration", "compensate"],
        [StepKinds.If] = ["condition", "then", "else"],
        [StepKinds.ForEach] = ["next", "items", "parallel", "do", "compensate"],
        [StepKinds.Saga] = ["next", "do"],
        [StepKinds.End] = ["result"],
    };

    private void CheckStep(StepDocument step, string pointer, BlockKind block, List<DefinitionProblem> problems)
    {
        CheckFields(step, pointer, block, problems);
        switch (step.Kind)
        {
            case StepKinds.Activity:
                CheckActivity(step, pointer, block, problems);
                break;
            case StepKinds.Human:
                CheckHuman(step, pointer, block, problems);
                break;
            case StepKinds.Wait:
                if ((step.Event is null) == (step.Duration is null))
                    problems.Add(new(pointer, ProblemCodes.Schema, "A wait step waits for an event (event and key) or for a duration, one of the two."));
                if (step.Event is not null && step.Key is null)
                    problems.Add(new(pointer + "/key", ProblemCodes.Schema, "Waiting for an event needs the key expression that picks this ticket's event."));
                CheckExpression(step.Key, pointer + "/key", problems);
                CheckDuration(step.Duration, pointer + "/duration", problems);
                RequireNext(step, pointer, block, problems);
                break;
            case StepKinds.If:
                CheckExpression(step.Condition, pointer + "/condition", problems, required: true);
                if (step.Then is null || step.Else is null)
                    problems.Add(new(pointer, ProblemCodes.NoNextStep, "An if step needs both then and else."));
                break;
            case StepKinds.ForEach:
                CheckExpression(step.Items, pointer + "/items", problems, required: true);
                CheckContainer(step, pointer, BlockKind.ForEach, problems);
                RequireNext(step, pointer, block, problems);
                break;
            case StepKinds.Saga:
                CheckContainer(step, pointer, BlockKind.Saga, problems);
                RequireNext(step, pointer, block, problems);
                break;
            case StepKinds.End:
                if (block != BlockKind.Top)
                    problems.Add(new(pointer, ProblemCodes.Misplaced, "An end step belongs to the top level, not inside a forEach, saga or compensation."));
                if (step.Result is null)
                    problems.Add(new(pointer + "/result", ProblemCodes.Schema, $"An end step says how the ticket ends: {string.Join(", ", EndResults.All)}."));
                break;
        }
    }

    private static void CheckFields(StepDocument step, string pointer, BlockKind block, List<DefinitionProblem> problems)
    {
        if (!FieldsOfKind.TryGetValue(step.Kind, out var allowed))
            return;
        foreach (var field in PresentFields(step).Where(f => !allowed.Contains(f)))
            problems.Add(new($"{pointer}/{field}", ProblemCodes.Misplaced, $"'{field}' does not belong to a {step.Kind} step."));
        if (step.Compensate is not null && block != BlockKind.Saga)
            problems.Add(new(pointer + "/compensate", ProblemCodes.Misplaced, "Only steps directly inside a saga have compensations."));
    }

    private static IEnumerable<string> PresentFields(StepDocument s)
    {
        var fields = new (string Name, object? Value)[]
        {
            ("next", s.Next), ("outcomes", s.Outcomes), ("activity", s.Activity), ("inputs", s.Inputs), ("retries", s.Retries),
            ("retryDelay", s.RetryDelay), ("task", s.Task), ("actors", s.Actors), ("timeout", s.Timeout), ("escalateTo", s.EscalateTo),
            ("event", s.Event), ("key", s.Key), ("duration", s.Duration), ("condition", s.Condition), ("then", s.Then),
            ("else", s.Else), ("items", s.Items), ("parallel", s.Parallel), ("do", s.Do), ("compensate", s.Compensate), ("result", s.Result),
        };
        return fields.Where(f => f.Value is not null).Select(f => f.Name);
    }

    private void CheckContainer(StepDocument step, string pointer, BlockKind kind, List<DefinitionProblem> problems)
    {
        if (step.Do is not { Count: > 0 })
        {
            problems.Add(new(pointer + "/do", ProblemCodes.Schema, $"A {step.Kind} step needs the steps it runs in 'do'."));
            return;
        }
        CheckBlock(step.Do, pointer + "/do", null, kind, problems);
        for (var i = 0; i < step.Do.Count; i++)
        {
            if (step.Do[i].Compensate is { Count: > 0 } compensation)
                CheckBlock(compensation, $"{pointer}/do/{i}/compensate", null, BlockKind.Compensation, problems);
        }
    }

    /// <summary>At the top level a step must say what follows; inside a block, no next ends the block.</summary>
    private static void RequireNext(StepDocument step, string pointer, BlockKind block, List<DefinitionProblem> problems)
    {
        if (block == BlockKind.Top && step.Next is null && step.Outcomes is null)
            problems.Add(new(pointer, ProblemCodes.NoNextStep, $"Step '{step.Id}' has no next step: add 'next' (or an end step to go to)."));
    }

    private static void CheckExpression(string? expression, string pointer, List<DefinitionProblem> problems, bool required = false)
    {
        if (expression is null)
        {
            if (required)
                problems.Add(new(pointer, ProblemCodes.BadExpression, "An expression is required here."));
            return;
        }
        foreach (var problem in FlowExpressions.Check(expression))
            problems.Add(new(pointer, ProblemCodes.BadExpression, problem));
    }

    private static void CheckDuration(string? duration, string pointer, List<DefinitionProblem> problems)
    {
        if (duration is not null && Durations.TryParse(duration) is null)
            problems.Add(new(pointer, ProblemCodes.BadDuration, $"'{duration}' is not an ISO 8601 duration such as PT30M or P1D."));
    }
}
