using System.Globalization;
using System.Text.Json;
using Cmdb.Domain.Common;
using Cmdb.Domain.Notifications;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cmdb.Domain.Inventory.Sync;

/// <param name="Types">Resource types to sync; empty with no relation kinds = every type.</param>
/// <param name="Relations">Relation kinds to sync; only these are replaced.</param>
public sealed record SyncRequest(string SyncName, IInventoryConnector Connector, IReadOnlyList<string> Types, IReadOnlyList<string> Relations, string Trigger, string? StartedBy = null);

/// <summary>
/// Runs a sync: reads the source, diffs it with the inventory, and either applies the diff in
/// one transaction or, when a scope swings beyond its threshold (数据波动检查), stores the diff,
/// alerts, and waits for an admin to apply or discard it. A source that cannot be read fails
/// the run (recorded and alerted) and changes nothing.
/// </summary>
public sealed class InventorySyncService(
    IDbContextFactory<CmdbDbContext> contexts, IOptions<InventorySyncOptions> options, TimeProvider clock, ILogger<InventorySyncService> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan StaleRun = TimeSpan.FromHours(6);

    public async Task<InventorySyncRun> RunAsync(SyncRequest request, CancellationToken cancellationToken)
    {
        // No types and no relation kinds: everything. Relation kinds alone: a relation-only sync.
        var types = request.Types.Count == 0 && request.Relations.Count == 0 ? InventoryTypes.All.Select(t => t.Key).ToList() : request.Types.Select(Type).ToList();
        foreach (var kind in request.Relations.Where(k => InventoryTypes.RelationKinds.All(r => r.Kind != k)))
            throw new ArgumentException($"Unknown relation kind '{kind}'.", nameof(request));
        var run = await StartAsync(request, [.. types, .. request.Relations.Select(RelationDiff.RelationScope)], cancellationToken);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var diff = new SyncDiff();
            foreach (var type in types)
                diff.Resources.Add(await InventoryDiffer.ResourcesAsync(db, type, request.Connector.ReadResourcesAsync(type, cancellationToken), cancellationToken));
            foreach (var kind in request.Relations)
                diff.Relations.Add(await InventoryDiffer.RelationsAsync(db, kind, request.Connector.ReadRelationsAsync(kind, cancellationToken), diff.Resources, cancellationToken));
            var summary = diff.Summarise(options.Value);
            if (summary.Any(s => s.OverThreshold))
                await HoldAsync(run, diff, summary, cancellationToken);
            else
                await ApplyAsync(run, diff, summary, reviewer: null, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Inventory sync {Sync} run {Run} failed", run.SyncName, run.Id);
            await FailAsync(run, exception is InventorySourceException or ConflictException ? exception.Message : "The sync failed: " + exception.GetBaseException().Message, CancellationToken.None);
        }
        return run;
    }

    /// <summary>Applies a held run's stored diff, unless the inventory of its scopes changed since (409).</summary>
    public async Task<InventorySyncRun> ApplyHeldAsync(long runId, string reviewer, CancellationToken cancellationToken)
    {
        var run = await HeldRunAsync(runId, cancellationToken);
        await EnsureNotStaleAsync(run, cancellationToken);
        var diff = await StoredDiffAsync(run.Id, cancellationToken);
        var summary = JsonSerializer.Deserialize<List<ScopeSummary>>(run.SummaryJson, Json) ?? [];
        await ApplyAsync(run, diff, summary, reviewer, cancellationToken);
        return run;
    }

    public async Task<InventorySyncRun> DiscardAsync(long runId, string reviewer, CancellationToken cancellationToken)
    {
        var run = await HeldRunAsync(runId, cancellationToken);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var updated = await db.InventorySyncRuns.Where(r => r.Id == run.Id && r.Status == SyncRunStatuses.Held).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Status, SyncRunStatuses.Discarded).SetProperty(r => r.ReviewedBy, reviewer).SetProperty(r => r.ReviewedAt, Now()), cancellationToken);
        if (updated == 0)
            throw new ConflictException($"Sync run {run.Id} is no longer held.");
        await db.InventorySyncChanges.Where(c => c.RunId == run.Id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        run.Status = SyncRunStatuses.Discarded;
        run.ReviewedBy = reviewer;
        return run;
    }

    /// <summary>Runs a crash or a stop left "running" are marked failed, so they neither block nor mislead.</summary>
    public async Task<int> MarkInterruptedAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var before = Now() - StaleRun;
        return await db.InventorySyncRuns.Where(r => r.Status == SyncRunStatuses.Running && r.StartedAt < before).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Status, SyncRunStatuses.Failed).SetProperty(r => r.Problem, "Interrupted (the service stopped during the run); nothing was applied.")
            .SetProperty(r => r.FinishedAt, Now()), cancellationToken);
    }

    private static string Type(string key) => InventoryTypes.Find(key)?.Key ?? throw new ArgumentException($"Unknown resource type '{key}'.", nameof(key));

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private async Task<InventorySyncRun> StartAsync(SyncRequest request, IReadOnlyList<string> scopes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var since = Now() - StaleRun;
        if (await db.InventorySyncRuns.AnyAsync(r => r.SyncName == request.SyncName && r.Status == SyncRunStatuses.Running && r.StartedAt > since, cancellationToken))
            throw new ConflictException($"The sync '{request.SyncName}' is already running.");
        var run = new InventorySyncRun
        {
            SyncName = request.SyncName, Connector = request.Connector.Name, Trigger = request.Trigger, StartedBy = request.StartedBy,
            Status = SyncRunStatuses.Running, Scopes = string.Join(',', scopes), StartedAt = Now(),
        };
        db.InventorySyncRuns.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        return run;
    }

    private async Task ApplyAsync(InventorySyncRun run, SyncDiff diff, IReadOnlyList<ScopeSummary> summary, string? reviewer, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = Now();
        await new InventoryApplier(db, $"sync:{run.SyncName}#{run.Id}", run.Id, now).ApplyAsync(diff, cancellationToken);
        var expected = reviewer is null ? SyncRunStatuses.Running : SyncRunStatuses.Held;
        var held = reviewer is not null;
        DateTime? finished = held ? run.FinishedAt : now;
        DateTime? reviewed = held ? now : null;
        var summaryJson = JsonSerializer.Serialize(summary, Json);
        var updated = await db.InventorySyncRuns.Where(r => r.Id == run.Id && r.Status == expected).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Status, SyncRunStatuses.Applied).SetProperty(r => r.FinishedAt, finished)
            .SetProperty(r => r.SummaryJson, summaryJson).SetProperty(r => r.ChangeCount, diff.ChangeCount)
            .SetProperty(r => r.ReviewedBy, reviewer).SetProperty(r => r.ReviewedAt, reviewed), cancellationToken);
        if (updated == 0)
            throw new ConflictException($"Sync run {run.Id} is no longer {expected}.");
        if (reviewer is not null)
            await db.InventorySyncChanges.Where(c => c.RunId == run.Id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        run.Status = SyncRunStatuses.Applied;
        run.ChangeCount = diff.ChangeCount;
        run.SummaryJson = JsonSerializer.Serialize(summary, Json);
        run.FinishedAt ??= now;
        run.ReviewedBy = reviewer;
        logger.LogInformation("Inventory sync {Sync} run {Run} applied {Changes} changes", run.SyncName, run.Id, diff.ChangeCount);
    }

    private async Task HoldAsync(InventorySyncRun run, SyncDiff diff, IReadOnlyList<ScopeSummary> summary, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var chunk in StoredChanges(run.Id, diff).Chunk(1000))
        {
            db.InventorySyncChanges.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        var over = summary.Where(s => s.OverThreshold).ToList();
        var problem = "Fluctuation check: " + string.Join("; ", over.Select(s => $"{s.Scope} +{s.Added} -{s.Removed} of {s.Existing} (allowed {s.Allowed})"));
        await db.InventorySyncRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Status, SyncRunStatuses.Held).SetProperty(r => r.FinishedAt, Now()).SetProperty(r => r.Problem, problem)
            .SetProperty(r => r.SummaryJson, JsonSerializer.Serialize(summary, Json)).SetProperty(r => r.ChangeCount, diff.ChangeCount), cancellationToken);
        Alert(db, run, NotificationEvent.SyncRefused, problem);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        run.Status = SyncRunStatuses.Held;
        run.Problem = problem;
        run.ChangeCount = diff.ChangeCount;
        run.SummaryJson = JsonSerializer.Serialize(summary, Json);
        logger.LogWarning("Inventory sync {Sync} run {Run} held by the fluctuation check: {Problem}", run.SyncName, run.Id, problem);
    }

    private async Task FailAsync(InventorySyncRun run, string problem, CancellationToken cancellationToken)
    {
        run.Status = SyncRunStatuses.Failed;
        run.Problem = problem.Length > 1000 ? problem[..1000] : problem;
        run.FinishedAt = Now();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.InventorySyncRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Status, run.Status).SetProperty(r => r.Problem, run.Problem).SetProperty(r => r.FinishedAt, run.FinishedAt), cancellationToken);
        Alert(db, run, NotificationEvent.SyncFailed, run.Problem);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Alert(CmdbDbContext db, InventorySyncRun run, NotificationEvent kind, string problem) =>
        NotificationOutbox.Add(db, new NotificationFacts
        {
            Event = kind, Description = problem, Operator = "Cmdb",
            Details = new Dictionary<string, string>
            {
                ["同步 sync"] = run.SyncName,
                ["运行 run"] = "#" + run.Id.ToString(CultureInfo.InvariantCulture),
                ["来源 source"] = run.Connector,
            },
        }, NotificationPurposes.Alerts);

    private static IEnumerable<InventorySyncChange> StoredChanges(long runId, SyncDiff diff)
    {
        InventorySyncChange Change(string scope, string action, string key, object payload) => new()
        {
            RunId = runId, Scope = scope, Action = action, Key = key.Length > 1000 ? key[..1000] : key, PayloadJson = JsonSerializer.Serialize(payload, Json),
        };
        foreach (var type in diff.Resources)
        {
            foreach (var id in type.Removed)
                yield return Change(type.Type, InventoryChangeActions.Removed, id.ToString(CultureInfo.InvariantCulture), new StoredRemoval(id));
            foreach (var changed in type.Changed)
                yield return Change(type.Type, InventoryChangeActions.Changed, changed.Resource.Uid, changed);
            foreach (var added in type.Added)
                yield return Change(type.Type, InventoryChangeActions.Added, added.Uid, added);
        }
        foreach (var kind in diff.Relations)
        {
            foreach (var pair in kind.Removed)
                yield return Change(kind.Scope, InventoryChangeActions.Removed, $"{pair.SourceUid}→{pair.TargetUid}", pair);
            foreach (var pair in kind.Added)
                yield return Change(kind.Scope, InventoryChangeActions.Added, $"{pair.SourceUid}→{pair.TargetUid}", pair);
        }
    }

    private async Task<SyncDiff> StoredDiffAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var diff = new SyncDiff();
        await foreach (var change in db.InventorySyncChanges.AsNoTracking().Where(c => c.RunId == runId).OrderBy(c => c.Id).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (change.Scope.StartsWith("rel:", StringComparison.Ordinal))
            {
                var kind = change.Scope[4..];
                var relations = diff.Relations.FirstOrDefault(r => r.Kind == kind) ?? Add(diff.Relations, new RelationDiff(kind));
                var pair = JsonSerializer.Deserialize<RelationPair>(change.PayloadJson, Json)!;
                (change.Action == InventoryChangeActions.Added ? relations.Added : relations.Removed).Add(pair);
                continue;
            }
            var resources = diff.Resources.FirstOrDefault(r => r.Type == change.Scope) ?? Add(diff.Resources, new ResourceDiff(change.Scope));
            switch (change.Action)
            {
                case InventoryChangeActions.Added: resources.Added.Add(JsonSerializer.Deserialize<NormalizedResource>(change.PayloadJson, Json)!); break;
                case InventoryChangeActions.Changed: resources.Changed.Add(JsonSerializer.Deserialize<ChangedResource>(change.PayloadJson, Json)!); break;
                default: resources.Removed.Add(JsonSerializer.Deserialize<StoredRemoval>(change.PayloadJson, Json)!.Id); break;
            }
        }
        return diff;
    }

    private static T Add<T>(List<T> list, T item)
    {
        list.Add(item);
        return item;
    }

    private async Task<InventorySyncRun> HeldRunAsync(long runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var run = await db.InventorySyncRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken)
            ?? throw new NotFoundException("Sync run", runId);
        if (run.Status != SyncRunStatuses.Held)
            throw new ConflictException($"Sync run {runId} is {run.Status}; only a held run can be applied or discarded.");
        return run;
    }

    /// <summary>A held diff was made against the inventory of its time: a later applied run of an overlapping scope makes it stale.</summary>
    private async Task EnsureNotStaleAsync(InventorySyncRun run, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var scopes = run.Scopes.Split(',').ToHashSet();
        var later = await db.InventorySyncRuns.AsNoTracking().Where(r => r.Id > run.Id && r.Status == SyncRunStatuses.Applied)
            .Select(r => new { r.Id, r.Scopes }).ToListAsync(cancellationToken);
        if (later.FirstOrDefault(r => r.Scopes.Split(',').Any(scopes.Contains)) is { } newer)
            throw new ConflictException($"Sync run {newer.Id} changed the same inventory after run {run.Id} was held; its diff is stale. Discard it and run the sync again.");
    }

    private sealed record StoredRemoval(long Id);
}
