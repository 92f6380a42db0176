using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Persistence;

/// <summary>
/// WorkflowCore's store on our EF Core model, for MySQL and SQLite alike. Every call uses a
/// short-lived context from the pooled factory, so no state is shared between engine threads.
/// The members are split by concern over the partial files beside this one.
/// </summary>
internal sealed partial class EfPersistenceProvider(
    IDbContextFactory<CmdbDbContext> contextFactory,
    RevisionTracker revisions,
    ILogger<EfPersistenceProvider> logger) : IPersistenceProvider
{
    /// <summary>Most rows a single poll hands back, so one poll never loads an unbounded backlog.</summary>
    internal const int PollBatchSize = 1000;

    private Task<CmdbDbContext> OpenAsync(CancellationToken cancellationToken) =>
        contextFactory.CreateDbContextAsync(cancellationToken);

    private static string NewId() => Guid.NewGuid().ToString();

    /// <summary>The schema is owned by migrations, applied before the engine starts.</summary>
    public void EnsureStoreExists()
    {
    }

    public async Task PersistErrors(IEnumerable<ExecutionError> errors, CancellationToken cancellationToken = default)
    {
        var records = errors.Select(e => new Cmdb.Domain.Engine.ExecutionErrorRecord
        {
            WorkflowId = e.WorkflowId,
            ExecutionPointerId = e.ExecutionPointerId,
            ErrorTime = e.ErrorTime.AsUtc(),
            Message = e.Message ?? "",
        }).ToList();
        if (records.Count == 0)
            return;

        await using var db = await OpenAsync(cancellationToken);
        db.ExecutionErrors.AddRange(records);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogDebug("Stored {Count} execution errors", records.Count);
    }
}
