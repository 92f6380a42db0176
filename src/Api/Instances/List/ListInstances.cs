using Cmdb.Api.Common;
using Cmdb.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowCore.Models;

namespace Cmdb.Api.Instances.List;

public sealed record ListInstances(string? Status, string? Definition, string? Reference, int Page = 1, int PageSize = 50)
    : IQuery<Paged<InstanceSummary>>;

public sealed record InstanceSummary(
    string Id,
    string DefinitionId,
    int Version,
    string Status,
    string? Reference,
    string? Description,
    DateTime CreateTime,
    DateTime? CompleteTime,
    DateTime? NextExecution);

public sealed class ListInstancesHandler(CmdbDbContext db) : IQueryHandler<ListInstances, Paged<InstanceSummary>>
{
    public async ValueTask<Paged<InstanceSummary>> Handle(ListInstances query, CancellationToken cancellationToken)
    {
        var rows = db.Workflows.AsNoTracking();
        if (query.Status is not null)
        {
            var status = (int)Enum.Parse<WorkflowStatus>(query.Status, ignoreCase: true);
            rows = rows.Where(w => w.Status == status);
        }
        if (!string.IsNullOrWhiteSpace(query.Definition))
            rows = rows.Where(w => w.DefinitionId == query.Definition);
        if (!string.IsNullOrWhiteSpace(query.Reference))
            rows = rows.Where(w => w.Reference == query.Reference);

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows
            .OrderByDescending(w => w.CreateTime).ThenBy(w => w.Id)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(w => new { w.Id, w.DefinitionId, w.Version, w.Status, w.Reference, w.Description, w.CreateTime, w.CompleteTime, w.NextExecution })
            .ToListAsync(cancellationToken);

        var items = page.Select(w => new InstanceSummary(
            w.Id, w.DefinitionId, w.Version, ((WorkflowStatus)w.Status).ToString(), w.Reference, w.Description,
            w.CreateTime, w.CompleteTime, w.NextExecution is { } ticks ? new DateTime(ticks, DateTimeKind.Utc) : null)).ToList();
        return new Paged<InstanceSummary>(items, query.Page, query.PageSize, total);
    }
}
