using Cmdb.Domain.Flows;

namespace Cmdb.Workflows.Definitions;

public sealed partial class DefinitionValidator
{
    private void CheckActivity(StepDocument step, string pointer, BlockKind block, List<DefinitionProblem> problems)
    {
        CheckDuration(step.RetryDelay, pointer + "/retryDelay", problems);
        if (step.Activity is null || !activities.TryGet(step.Activity, out var activity))
        {
            problems.Add(new(pointer + "/activity", ProblemCodes.UnknownActivity,
                $"No activity named '{step.Activity}'; known: {string.Join(", ", activities.Descriptors.Select(d => d.Name))}."));
            RequireNext(step, pointer, block, problems);
            return;
        }

        var descriptor = activity.Descriptor;
        var inputs = step.Inputs ?? [];
        foreach (var input in descriptor.Inputs.Where(i => i.Required && !inputs.ContainsKey(i.Name)))
            problems.Add(new(pointer + "/inputs", ProblemCodes.MissingInput, $"Activity '{descriptor.Name}' needs the input '{input.Name}' ({input.Description})."));
        foreach (var (name, expression) in inputs)
        {
            var at = $"{pointer}/inputs/{name}";
            if (descriptor.Inputs.All(i => i.Name != name))
                problems.Add(new(at, ProblemCodes.UnknownInput, $"Activity '{descriptor.Name}' has no input '{name}'."));
            CheckExpression(expression, at, problems);
        }
        foreach (var outcome in (step.Outcomes ?? []).Keys.Where(o => descriptor.Outcomes.All(d => d.Name != o)))
        {
            problems.Add(new($"{pointer}/outcomes/{outcome}", ProblemCodes.UnknownOutcome,
                $"Activity '{descriptor.Name}' ends with {string.Join(" or ", descriptor.Outcomes.Select(o => o.Name))}, never '{outcome}'."));
        }
        if (step.Next is not null && step.Outcomes is not null)
            problems.Add(new(pointer, ProblemCodes.Schema, "Use either next or outcomes, not both."));
        RequireNext(step, pointer, block, problems);
    }

    private static void CheckHuman(StepDocument step, string pointer, BlockKind block, List<DefinitionProblem> problems)
    {
        if (block != BlockKind.Top)
            problems.Add(new(pointer, ProblemCodes.Misplaced, "A ticket waits for one human task at a time: human steps belong to the top level."));
        var rule = step.Actors;
        if (rule is null || (rule.Role is null && rule.FormField is null && rule.Requester != true))
            problems.Add(new(pointer + "/actors", ProblemCodes.NoActorRule, "A human task says who may act: a role, a form field naming users, or the requester."));
        if (step.Task == HumanTaskKinds.Approve && rule?.Requester == true)
            problems.Add(new(pointer + "/actors/requester", ProblemCodes.RequesterApproves, "A requester never approves their own ticket."));
        if (step.EscalateTo is { Requester: false, Role: null, FormField: null })
            problems.Add(new(pointer + "/escalateTo", ProblemCodes.NoActorRule, "Escalation names a role, a form field or the requester."));
        CheckDuration(step.Timeout, pointer + "/timeout", problems);

        if (step.Task is null)
        {
            problems.Add(new(pointer + "/task", ProblemCodes.Schema, $"A human step says its task: {string.Join(", ", HumanTaskKinds.All)}."));
            return;
        }
        var possible = HumanTaskKinds.Outcomes(step.Task);
        var routed = step.Outcomes ?? [];
        foreach (var outcome in routed.Keys.Where(o => !possible.Contains(o)))
            problems.Add(new($"{pointer}/outcomes/{outcome}", ProblemCodes.UnknownOutcome, $"A {step.Task} task ends with {string.Join(", ", possible)}, never '{outcome}'."));
        foreach (var outcome in possible.Where(o => !routed.ContainsKey(o) && (o != "timedOut" || step.Timeout is not null)))
            problems.Add(new(pointer + "/outcomes", ProblemCodes.NoNextStep, $"The outcome '{outcome}' of this {step.Task} task leads nowhere: add it to outcomes."));
    }
}
