using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Api.Common;
using Cmdb.Domain.Common;
using Cmdb.Domain.Inventory.Sync;
using Cmdb.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Inventory.Syncs;

public sealed record SyncRunView(
    long Id, string SyncName, string Connector, string Trigger, string? StartedBy, string Status, IReadOnlyList<string> Scopes,
    IReadOnlyList<ScopeSummary> Summary, int ChangeCount, string? Problem, DateTime StartedAt, DateTime? FinishedAt, string? ReviewedBy, DateTime? ReviewedAt)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SyncRunView Of(InventorySyncRun run) => new(
        run.Id, run.SyncName, run.Connector, run.Trigger, run.StartedBy, run.Status, run.Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries),
        JsonSerializer.Deserialize<List<ScopeSummary>>(run.SummaryJson, Json) ?? [], run.ChangeCount, run.Problem, run.StartedAt, run.FinishedAt,
        run.ReviewedBy, run.ReviewedAt);
}

public sealed record StagedChangeView(long Id, string Scope, string Action, string Key, JsonNode? Payload);

public sealed record SyncRunDetail(SyncRunView Run, Paged<StagedChangeView> Changes);

/// <summary>Sync runs, newest first.</summary>
public sealed record ListSyncRuns(string? Status, int Page, int PageSize) : IQuery<Paged<SyncRunView>>;

public sealed class ListSyncRunsHandler(CmdbDbContext db) : IQueryHandler<ListSyncRuns, Paged<SyncRunView>>
{
    public async ValueTask<Paged<SyncRunView>> Handle(ListSyncRuns query, CancellationToken cancellationToken)
    {
        var page = Math.Max(query.Page, 1);
        var size = Math.Clamp(query.PageSize, 1, 200);
        var runs = db.InventorySyncRuns.AsNoTracking().Where(r => query.Status == null || r.Status == query.Status);
        var total = await runs.CountAsync(cancellationToken);
        var items = await runs.OrderByDescending(r => r.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new Paged<SyncRunView>(items.Select(SyncRunView.Of).ToList(), page, size, total);
    }
}

/// <summary>A run with its summary and, for a held run, its stored diff page by page (filter by scope and action).</summary>
public sealed record GetSyncRun(long Id, string? Scope, string? Action, int Page, int PageSize) : IQuery<SyncRunDetail>;

public sealed class GetSyncRunHandler(CmdbDbContext db) : IQueryHandler<GetSyncRun, SyncRunDetail>
{
    public async ValueTask<SyncRunDetail> Handle(GetSyncRun query, CancellationToken cancellationToken)
    {
        var run = await db.InventorySyncRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Id, cancellationToken)
            ?? throw new NotFoundException("Sync run", query.Id);
        var page = Math.Max(query.Page, 1);
        var size = Math.Clamp(query.PageSize, 1, 500);
        var changes = db.InventorySyncChanges.AsNoTracking().Where(c => c.RunId == run.Id)
            .Where(c => query.Scope == null || c.Scope == query.Scope).Where(c => query.Action == null || c.Action == query.Action);
        var total = await changes.CountAsync(cancellationToken);
        var items = await changes.OrderBy(c => c.Id).Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        return new SyncRunDetail(SyncRunView.Of(run), new Paged<StagedChangeView>(
            items.Select(c => new StagedChangeView(c.Id, c.Scope, c.Action, c.Key, JsonNode.Parse(c.PayloadJson))).ToList(), page, size, total));
    }
}
