using Cmdb.Domain.Common;
using Cmdb.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowCore.Interface;

namespace Cmdb.Api.Instances.Get;

public sealed record GetInstance(string Id) : IQuery<InstanceDetail>;

public sealed record InstanceDetail(
    string Id,
    string DefinitionId,
    int Version,
    string Status,
    string? Reference,
    string? Description,
    DateTime CreateTime,
    DateTime? CompleteTime,
    IReadOnlyList<InstanceStep> Steps,
    IReadOnlyList<InstanceError> Errors);

public sealed record InstanceStep(
    string PointerId,
    int StepId,
    string? StepName,
    string Status,
    bool Active,
    DateTime? StartTime,
    DateTime? EndTime,
    DateTime? SleepUntil,
    string? EventName,
    string? EventKey,
    int RetryCount);

public sealed record InstanceError(DateTime Time, string? PointerId, string Message);

public sealed class GetInstanceHandler(IWorkflowRepository workflows, CmdbDbContext db) : IQueryHandler<GetInstance, InstanceDetail>
{
    private const int MaxErrorsShown = 100;

    public async ValueTask<InstanceDetail> Handle(GetInstance query, CancellationToken cancellationToken)
    {
        var instance = await workflows.GetWorkflowInstance(query.Id, cancellationToken)
            ?? throw new NotFoundException("Workflow instance", query.Id);

        var errors = await db.ExecutionErrors.AsNoTracking()
            .Where(e => e.WorkflowId == query.Id)
            .OrderByDescending(e => e.ErrorTime).Take(MaxErrorsShown)
            .Select(e => new InstanceError(e.ErrorTime, e.ExecutionPointerId, e.Message))
            .ToListAsync(cancellationToken);

        var steps = instance.ExecutionPointers
            .OrderBy(p => p.StartTime ?? DateTime.MaxValue).ThenBy(p => p.StepId)
            .Select(p => new InstanceStep(p.Id, p.StepId, p.StepName, p.Status.ToString(), p.Active, p.StartTime, p.EndTime,
                p.SleepUntil, p.EventName, p.EventKey, p.RetryCount))
            .ToList();

        return new InstanceDetail(instance.Id, instance.WorkflowDefinitionId, instance.Version, instance.Status.ToString(),
            instance.Reference, instance.Description, instance.CreateTime, instance.CompleteTime, steps, errors);
    }
}
