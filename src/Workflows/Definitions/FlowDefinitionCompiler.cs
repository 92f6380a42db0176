using Cmdb.Domain.Flows;
using Cmdb.Workflows.Steps;
using WorkflowCore.Models;
using WorkflowCore.Primitives;

namespace Cmdb.Workflows.Definitions;

/// <summary>
/// Turns a validated definition into WorkflowCore steps: one engine step per JSON step (the
/// JSON id is its ExternalId), routing as outcomes, forEach and saga blocks as children,
/// compensations as compensation steps. Activities outside a saga suspend the workflow when
/// they fail for good; inside a saga the saga's compensation runs instead.
/// </summary>
public static class FlowDefinitionCompiler
{
    /// <summary>The outcome a human task ends with when its ticket was cancelled; it leads to a hidden end step.</summary>
    public const string CancelledOutcome = "cancelled";

    /// <summary>The hidden end step cancelled tickets leave their flow through.</summary>
    public const string CancelledEnd = "__cancelled";

    /// <summary>A saga's outcome when its block completed / when it failed and was compensated.</summary>
    public const string SagaCompleted = "completed";

    public const string SagaCompensated = "compensated";

    public static readonly StepDocument CancelledEndStep = new() { Id = CancelledEnd, Kind = StepKinds.End, Result = EndResults.Cancelled };

    /// <summary>Whether a failure of this step rolls back an enclosing saga (rather than suspending as an incident).</summary>
    public static bool RollsBackOnFailure(WorkflowStep step) => step.ErrorBehavior is null;

    public static WorkflowDefinition Compile(FlowDefinitionDocument document)
    {
        var steps = new WorkflowStepCollection();
        var byId = new Dictionary<string, WorkflowStep>(StringComparer.Ordinal);
        var hasHumanTask = false;
        var compensations = new Dictionary<string, CompensationBlock>(StringComparer.Ordinal);
        var rolledBackSteps = new Dictionary<string, SagaRolledBack>(StringComparer.Ordinal);

        WorkflowStep Add(StepDocument doc, bool inSaga)
        {
            WorkflowStep step = doc.Kind switch
            {
                StepKinds.Activity => new WorkflowStep<ActivityStep>(),
                StepKinds.Human => new WorkflowStep<HumanTaskStep>(),
                StepKinds.Wait when doc.Event is not null => new WorkflowStep<WaitEventStep>(),
                StepKinds.Wait => new WorkflowStep<DelayStep>(),
                StepKinds.If => new WorkflowStep<ConditionStep>(),
                StepKinds.ForEach => new WorkflowStep<ForEachStep>(),
                StepKinds.Saga => new SagaContainer<SagaBody>(),
                StepKinds.End => new WorkflowStep<EndTicketStep>(),
                _ => throw new InvalidOperationException($"Unknown step kind '{doc.Kind}'."),
            };
            step.ExternalId = doc.Id;
            step.Name = doc.Name?.Zh ?? doc.Id;
            // Inside a saga the error behaviour stays unset: the engine then compensates.
            if (doc.Kind is StepKinds.Activity && !inSaga)
                step.ErrorBehavior = WorkflowErrorHandling.Suspend;
            Register(step);
            byId[doc.Id] = step;
            hasHumanTask |= doc.Kind == StepKinds.Human;
            return step;
        }

        void Register(WorkflowStep step)
        {
            step.Id = steps.Count;
            steps.Add(step);
        }

        void AddBlock(List<StepDocument> block, bool inSaga)
        {
            foreach (var doc in block)
            {
                var step = Add(doc, inSaga);
                if (doc.Do is { Count: > 0 })
                    AddBlock(doc.Do, inSaga || doc.Kind == StepKinds.Saga);
                if (doc.Compensate is { Count: > 0 })
                {
                    var undo = new CompensationBlock(step, doc.Id) { ExternalId = CompensationBlock.NamePrefix + doc.Id, Name = CompensationBlock.NamePrefix + doc.Id };
                    Register(undo);
                    compensations[doc.Id] = undo;
                    AddBlock(doc.Compensate, inSaga: false);
                }
                if (doc.Kind == StepKinds.Saga)
                {
                    var rolledBack = new SagaRolledBack(step, doc.Id) { ExternalId = SagaRolledBack.NamePrefix + doc.Id, Name = SagaRolledBack.NamePrefix + doc.Id };
                    Register(rolledBack);
                    rolledBackSteps[doc.Id] = rolledBack;
                }
            }
        }

        AddBlock(document.Steps, inSaga: false);
        if (hasHumanTask)
            Add(CancelledEndStep, inSaga: false);

        foreach (var (doc, _) in DefinitionValidator.AllSteps(document.Steps, ""))
            Wire(doc, byId, compensations, rolledBackSteps);

        // The genesis pointer starts at the first step of the collection: the start step goes first.
        var start = byId[document.Start];
        return new WorkflowDefinition
        {
            Id = document.Id,
            Version = document.Version,
            Description = document.Name.Zh,
            DataType = typeof(FlowData),
            DefaultErrorBehavior = WorkflowErrorHandling.Suspend,
            DefaultErrorRetryInterval = TimeSpan.FromSeconds(30),
            Steps = StartFirst(steps, start),
        };
    }

    private static void Wire(
        StepDocument doc, Dictionary<string, WorkflowStep> byId,
        Dictionary<string, CompensationBlock> compensations, Dictionary<string, SagaRolledBack> rolledBackSteps)
    {
        var step = byId[doc.Id];
        foreach (var (field, target) in DefinitionValidator.Targets(doc))
        {
            var value = field switch
            {
                "next" => null,
                "then" => "true",
                "else" => "false",
                _ => field["outcomes/".Length..],
            };
            var isSaga = doc.Kind == StepKinds.Saga;
            // A saga that rolled back goes on from its hidden rolled-back step, never from itself.
            step.Outcomes.Add(new StepOutcome(value, target, onlyWhenCompleted: isSaga) { NextStep = byId[target].Id });
            if (isSaga)
                rolledBackSteps[doc.Id].Outcomes.Add(new StepOutcome(value, target) { NextStep = byId[target].Id });
        }
        if (rolledBackSteps.TryGetValue(doc.Id, out var afterRollback))
            step.CompensationStepId = afterRollback.Id;
        if (doc.Kind == StepKinds.Human)
            step.Outcomes.Add(new StepOutcome(CancelledOutcome, CancelledEnd) { NextStep = byId[CancelledEnd].Id });
        if (doc.Do is { Count: > 0 })
            step.Children.Add(byId[doc.Do[0].Id].Id);
        if (doc.Compensate is { Count: > 0 } compensation)
        {
            var undo = compensations[doc.Id];
            undo.Children.Add(byId[compensation[0].Id].Id);
            step.CompensationStepId = undo.Id;
            ChainWithoutNext(compensation, byId);
        }
    }

    /// <summary>Compensation steps without a next run one after another, in the order written.</summary>
    private static void ChainWithoutNext(List<StepDocument> block, Dictionary<string, WorkflowStep> byId)
    {
        for (var i = 0; i + 1 < block.Count; i++)
        {
            if (DefinitionValidator.Targets(block[i]).Any())
                continue;
            var step = byId[block[i].Id];
            step.Outcomes.Add(new StepOutcome(null, block[i + 1].Id) { NextStep = byId[block[i + 1].Id].Id });
        }
    }

    /// <summary>WorkflowCore starts at step id 0: renumber so the start step is 0, keeping every reference right.</summary>
    private static WorkflowStepCollection StartFirst(WorkflowStepCollection steps, WorkflowStep start)
    {
        if (start.Id == 0)
            return steps;
        var oldStart = start.Id;
        int Map(int id) => id == oldStart ? 0 : id == 0 ? oldStart : id;
        var result = new WorkflowStepCollection();
        foreach (var step in steps)
        {
            step.Id = Map(step.Id);
            foreach (var outcome in step.Outcomes)
                outcome.NextStep = Map(outcome.NextStep);
            for (var i = 0; i < step.Children.Count; i++)
                step.Children[i] = Map(step.Children[i]);
            if (step.CompensationStepId is { } compensation)
                step.CompensationStepId = Map(compensation);
        }
        foreach (var step in steps.OrderBy(s => s.Id))
            result.Add(step);
        return result;
    }
}
