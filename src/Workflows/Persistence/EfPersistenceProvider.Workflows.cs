using Cmdb.Domain.Engine;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Persistence;

internal sealed partial class EfPersistenceProvider
{
    public async Task<string> CreateNewWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default)
    {
        workflow.Id = NewId();
        var record = workflow.ToRecord();
        await using var db = await OpenAsync(cancellationToken);
        db.Workflows.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        revisions.Remember(workflow, record.Revision);
        return workflow.Id;
    }

    public Task PersistWorkflow(WorkflowInstance workflow, CancellationToken cancellationToken = default) =>
        PersistWorkflow(workflow, [], cancellationToken);

    /// <summary>
    /// One UPDATE of the instance row, guarded by the revision it was read at, plus the new
    /// subscriptions, in one transaction: a step's progress and what it now waits for are saved
    /// together or not at all, and a save from a stale copy is refused.
    /// </summary>
    public async Task PersistWorkflow(WorkflowInstance workflow, List<EventSubscription>? subscriptions, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        if (!revisions.TryGet(workflow, out var revision))
            revision = await db.Workflows.Where(w => w.Id == workflow.Id).Select(w => w.Revision).FirstAsync(cancellationToken);

        var record = workflow.ToRecord();
        record.Revision = revision + 1;
        if (subscriptions is not { Count: > 0 })
        {
            await UpdateRowAsync(db, record, revision, cancellationToken);
        }
        else
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await UpdateRowAsync(db, record, revision, cancellationToken);
            foreach (var subscription in subscriptions)
            {
                subscription.Id = NewId();
                db.Subscriptions.Add(subscription.ToRecord());
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        revisions.Remember(workflow, record.Revision);
    }

    /// <summary>
    /// Plain SQL: this runs after every step, and EF's change tracking cost more CPU than the
    /// statement itself (docs/performance.md).
    /// </summary>
    private static async Task UpdateRowAsync(CmdbDbContext db, WorkflowRecord record, long readRevision, CancellationToken cancellationToken)
    {
        var updated = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE wf_workflows
            SET status = {record.Status}, next_execution = {record.NextExecution}, data = {record.Data},
                execution_pointers = {record.ExecutionPointers}, description = {record.Description},
                reference = {record.Reference}, complete_time = {record.CompleteTime}, revision = {record.Revision}
            WHERE id = {record.Id} AND revision = {readRevision}
            """, cancellationToken);
        if (updated != 1)
            throw new DbUpdateConcurrencyException($"Workflow {record.Id} was changed after it was read at revision {readRevision}.");
    }

    public async Task<IEnumerable<string>> GetRunnableInstances(DateTime asAt, CancellationToken cancellationToken = default)
    {
        var now = asAt.AsUtc().Ticks;
        await using var db = await OpenAsync(cancellationToken);
        return await db.Workflows
            .Where(w => w.Status == (int)WorkflowStatus.Runnable && w.NextExecution != null && w.NextExecution <= now)
            .OrderBy(w => w.NextExecution)
            .Take(PollBatchSize)
            .Select(w => w.Id)
            .ToListAsync(cancellationToken);
    }

    [Obsolete("Kept because WorkflowCore's interface still declares it; prefer a query on the workflow table.")]
    public async Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(WorkflowStatus? status, string type, DateTime? createdFrom, DateTime? createdTo, int skip, int take)
    {
        await using var db = await OpenAsync(CancellationToken.None);
        IQueryable<WorkflowRecord> query = db.Workflows.AsNoTracking();
        if (status.HasValue)
            query = query.Where(w => w.Status == (int)status.Value);
        if (!string.IsNullOrEmpty(type))
            query = query.Where(w => w.DefinitionId == type);
        if (createdFrom.HasValue)
        {
            var from = createdFrom.Value.AsUtc();
            query = query.Where(w => w.CreateTime >= from);
        }
        if (createdTo.HasValue)
        {
            var to = createdTo.Value.AsUtc();
            query = query.Where(w => w.CreateTime <= to);
        }

        var records = await query.OrderBy(w => w.CreateTime).ThenBy(w => w.Id).Skip(skip).Take(take).ToListAsync();
        return records.Select(Load).ToList();
    }

    public async Task<WorkflowInstance> GetWorkflowInstance(string Id, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        var record = await WorkflowRowReader.ReadAsync(db, Id, cancellationToken);
        // WorkflowCore's contract returns null for an unknown id.
        return record is null ? null! : Load(record);
    }

    public async Task<IEnumerable<WorkflowInstance>> GetWorkflowInstances(IEnumerable<string> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids?.Distinct().ToList() ?? [];
        if (wanted.Count == 0)
            return [];

        await using var db = await OpenAsync(cancellationToken);
        var records = await db.Workflows.AsNoTracking().Where(w => wanted.Contains(w.Id)).ToListAsync(cancellationToken);
        return records.Select(Load).ToList();
    }

    private WorkflowInstance Load(WorkflowRecord record)
    {
        var instance = record.ToInstance();
        revisions.Remember(instance, record.Revision);
        return instance;
    }
}
