using Cmdb.Workflows.Definitions;
using Cmdb.Workflows.Tickets;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using WorkflowCore.Primitives;

namespace Cmdb.Workflows.Steps;

/// <summary>
/// The body of a saga: runs its block like a sequence. When the block completes, the saga's
/// outcome is <c>completed</c>; when a step of it fails, the engine compensates (see
/// <see cref="CompensationBlockStep"/> and <see cref="SagaRolledBackStep"/>).
/// </summary>
public sealed class SagaBody : ContainerStepBody
{
    public override ExecutionResult Run(IStepExecutionContext context)
    {
        if (context.PersistenceData is not ControlPersistenceData { ChildrenActive: true })
            return ExecutionResult.Branch([context.Item], new ControlPersistenceData { ChildrenActive = true });
        if (!context.Workflow.IsBranchComplete(context.ExecutionPointer.Id))
            return ExecutionResult.Persist(context.PersistenceData);
        ((FlowData)context.Workflow.Data).LastOutcome = FlowDefinitionCompiler.SagaCompleted;
        return ExecutionResult.Next();
    }
}

/// <summary>
/// Runs one step's <c>compensate</c> list. The engine starts the compensations of every finished
/// step of a failed saga at once, newest first; this gate makes each wait until those started
/// before it have finished, so undo chains run strictly one after another in reverse order.
/// The failed step itself did not finish, so its own compensation is skipped.
/// </summary>
public sealed class CompensationBlockStep : ContainerStepBody
{
    public override ExecutionResult Run(IStepExecutionContext context)
    {
        var pointer = context.ExecutionPointer;
        if (context.PersistenceData is ControlPersistenceData { ChildrenActive: true })
        {
            return context.Workflow.IsBranchComplete(pointer.Id)
                ? ExecutionResult.Next()
                : ExecutionResult.Persist(context.PersistenceData);
        }

        var failed = context.Workflow.ExecutionPointers.FindById(pointer.PredecessorId);
        if (failed is not null && context.Step is CompensationBlock block && block.Owner.Id == failed.StepId)
            return ExecutionResult.Next();

        // The engine adds them newest first, in the order the pointers are kept.
        var earlierRunning = context.Workflow.ExecutionPointers.TakeWhile(p => p.Id != pointer.Id).Any(p =>
            p.Scope.SequenceEqual(pointer.Scope) && p.EndTime is null
            && p.StepName?.StartsWith(CompensationBlock.NamePrefix, StringComparison.Ordinal) == true);
        if (earlierRunning)
            return ExecutionResult.Sleep(TimeSpan.FromMilliseconds(200), null);
        return ExecutionResult.Branch([context.Item], new ControlPersistenceData { ChildrenActive = true });
    }
}

/// <summary>
/// Runs after a saga's compensations: waits until every undo inside the saga has finished,
/// writes the rollback on the timeline and goes on to the saga's next step with the outcome
/// <c>compensated</c>.
/// </summary>
public sealed class SagaRolledBackStep(TicketProgress progress) : StepBodyAsync
{
    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        var pointer = context.ExecutionPointer;
        var pointers = context.Workflow.ExecutionPointers;
        // The saga is the latest pointer of this saga's step in the same scope as this one.
        var sagaStepId = ((SagaRolledBack)context.Step).Saga.Id;
        var saga = pointers.Where(p => p.StepId == sagaStepId && p.Scope.SequenceEqual(pointer.Scope))
            .OrderByDescending(p => p.StartTime).FirstOrDefault();
        var undoing = saga is not null && pointers.Any(p => p.Id != pointer.Id && p.EndTime is null && p.Scope.Contains(saga.Id));
        if (undoing)
            return ExecutionResult.Sleep(TimeSpan.FromMilliseconds(200), null);
        // The step that failed: of the saga's own steps, the last to end.
        var failed = saga is null ? null : pointers
            .Where(p => p.Scope.FirstOrDefault() == saga.Id && p.StepName?.StartsWith("__", StringComparison.Ordinal) != true)
            .OrderByDescending(p => p.EndTime).FirstOrDefault();

        var data = (FlowData)context.Workflow.Data;
        var sagaId = ((SagaRolledBack)context.Step).SagaId;
        await progress.StepCompletedAsync(data.TicketId, sagaId, sagaId, FlowDefinitionCompiler.SagaCompensated,
            failed is null ? null : $"rolled back after '{failed.StepName}' failed", $"{data.TicketId}:{pointer.Id}:rolled-back", context.CancellationToken);
        data.LastOutcome = FlowDefinitionCompiler.SagaCompensated;
        return ExecutionResult.Next();
    }
}

/// <summary>The hidden step that runs one step's compensate list; <see cref="Owner"/> is the step it undoes.</summary>
public sealed class CompensationBlock(WorkflowStep owner, string ownerId) : WorkflowStep<CompensationBlockStep>
{
    public const string NamePrefix = "__compensate:";

    public WorkflowStep Owner { get; } = owner;

    public string OwnerId { get; } = ownerId;
}

/// <summary>The hidden step a saga continues from after its compensations.</summary>
public sealed class SagaRolledBack(WorkflowStep saga, string sagaId) : WorkflowStep<SagaRolledBackStep>
{
    public const string NamePrefix = "__rolled-back:";

    public WorkflowStep Saga { get; } = saga;

    public string SagaId { get; } = sagaId;
}
