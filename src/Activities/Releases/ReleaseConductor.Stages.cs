using Cmdb.Domain.Common;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Releases;
using Cmdb.Domain.Tickets;
using Cmdb.Domain.Tickets.Forms;
using Cmdb.Integrations.Git;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Activities.Releases;

/// <summary>What a rollback did: which stages it reverted, which failed (with the git error), which it did not attempt.</summary>
public sealed record RollbackReport(string Outcome, IReadOnlyList<string> Reverted, string? Failed, string? Error, IReadOnlyList<string> NotAttempted);

/// <summary>A long-lived branch that does not contain all of the branch it is merged from.</summary>
public sealed record BranchLevel(string Upstream, string Branch, bool Level);

public sealed partial class ReleaseConductor
{
    /// <summary>Releases the next stage; a failed stage must be retried instead, a rolled-back plan never releases again.</summary>
    public async Task<ReleaseStage> ReleaseNextAsync(long ticketId, PuppetReleaseForm form, string user, CancellationToken cancellationToken)
    {
        EnsureOperatorInWindow(form, user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await PlanAsync(db, ticketId, cancellationToken);
        if (plan.RolledBack)
            throw new ConflictException("This plan was rolled back: it can never be released again, only cancelled.");
        var stages = await db.ReleaseStages.Where(s => s.TicketId == ticketId).OrderBy(s => s.Order).ToListAsync(cancellationToken);
        var next = stages.FirstOrDefault(s => s.Status != ReleaseStageStatus.Released)
            ?? throw new ConflictException("Every stage is released already.");
        if (next.Status != ReleaseStageStatus.Pending)
            throw new ConflictException($"Stage {next.Name} is {next.Status}: retry it or roll back.");
        if (next.Order == 0)
            await BeforeFirstStageAsync(db, ticketId, form, cancellationToken);
        return await RunStageAsync(db, plan, next, user, cancellationToken);
    }

    /// <summary>Runs a failed stage again: only its branches without a successful merge are merged.</summary>
    public async Task<ReleaseStage> RetryStageAsync(long ticketId, string stageName, PuppetReleaseForm form, string user, CancellationToken cancellationToken)
    {
        EnsureOperatorInWindow(form, user);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await PlanAsync(db, ticketId, cancellationToken);
        if (plan.RolledBack)
            throw new ConflictException("This plan was rolled back: it can never be released again, only cancelled.");
        var stage = await db.ReleaseStages.FirstOrDefaultAsync(s => s.TicketId == ticketId && s.Name == stageName, cancellationToken)
            ?? throw new NotFoundException("Stage", stageName);
        if (stage.Status != ReleaseStageStatus.Failed)
            throw new ConflictException($"Stage {stage.Name} is {stage.Status}: only a failed stage is retried.");
        if (stage.Order == 0)
            await BeforeFirstStageAsync(db, ticketId, form, cancellationToken);
        return await RunStageAsync(db, plan, stage, user, cancellationToken);
    }

    /// <summary>
    /// One plan at a time holds the long-lived branches, and they must be level before it starts:
    /// uat within production, production within every zone no other open plan holds.
    /// </summary>
    private async Task BeforeFirstStageAsync(CmdbDbContext db, long ticketId, PuppetReleaseForm form, CancellationToken cancellationToken)
    {
        var holder = await db.ResourceClaims.AsNoTracking()
            .FirstOrDefaultAsync(c => c.ResourceType == BranchClaimType && c.ResourceKey == BranchClaimKey, cancellationToken);
        if (holder is not null && holder.TicketId != ticketId)
            throw new ConflictException($"Release plan {holder.TicketId} is releasing now: one plan at a time.");
        var heldElsewhere = await db.ResourceClaims.AsNoTracking().Where(c => c.ResourceType == "release-zone" && c.TicketId != ticketId)
            .Select(c => c.ResourceKey).ToListAsync(cancellationToken);
        var uneven = (await BranchHealthAsync(heldElsewhere, cancellationToken)).Where(b => !b.Level).ToList();
        // This plan's own uat merge (made before a crash kept it from being recorded) is not unevenness.
        var plan = await PlanAsync(db, ticketId, cancellationToken);
        if (await git.IsAncestorAsync(plan.TempBranch, "uat", cancellationToken))
            uneven.RemoveAll(b => b.Upstream == "uat");
        if (uneven.Count > 0)
            throw new ConflictException("The long-lived branches are not level: " + string.Join("; ", uneven.Select(b => $"{b.Branch} is not level with {b.Upstream}")) + ". Bring them level first.");
        if (holder is null)
        {
            db.ResourceClaims.Add(new ResourceClaim { ResourceType = BranchClaimType, ResourceKey = BranchClaimKey, TicketId = ticketId, ClaimedAt = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                throw new ConflictException("Another release plan started at the same moment: one plan at a time.");
            }
        }
    }

    /// <summary>
    /// uat within production with the same content (a revert on production that uat lacks is the
    /// known trap), and production within each zone (zones held by other open plans left out).
    /// </summary>
    public async Task<IReadOnlyList<BranchLevel>> BranchHealthAsync(IReadOnlyCollection<string> skipZones, CancellationToken cancellationToken)
    {
        var uatLevel = await git.IsAncestorAsync("uat", "production", cancellationToken) && await git.SameContentAsync("uat", "production", cancellationToken);
        var result = new List<BranchLevel> { new("uat", "production", uatLevel) };
        foreach (var zone in (await git.BranchesAsync(cancellationToken)).Where(IsZone).Where(z => !skipZones.Contains(z)))
            result.Add(new BranchLevel("production", zone, await git.IsAncestorAsync("production", zone, cancellationToken)));
        return result;
    }

    private static bool IsZone(string branch) => branch.StartsWith("zone", StringComparison.Ordinal);

    private async Task<ReleaseStage> RunStageAsync(CmdbDbContext db, ReleasePlan plan, ReleaseStage stage, string user, CancellationToken cancellationToken)
    {
        var merges = await db.ReleaseMerges.Where(m => m.TicketId == plan.TicketId && m.StageOrder == stage.Order).ToListAsync(cancellationToken);
        var machine = ReleaseStageLifecycle.For(stage, merges.Any(m => m.Action == ReleaseMergeActions.Release && ReleaseMergeResults.Succeeded(m.Result)));
        machine.Fire(ReleaseStageTrigger.Start);
        stage.StartedAt = clock.GetUtcNow().UtcDateTime;
        stage.StartedBy = user;
        Touch(plan);
        await db.SaveChangesAsync(cancellationToken);

        var source = SourceOf(stage, plan);
        var failed = false;
        foreach (var target in Targets(stage))
        {
            if (merges.Any(m => m.Action == ReleaseMergeActions.Release && m.Target == target && ReleaseMergeResults.Succeeded(m.Result)))
                continue;
            var record = await MergeAndRecordAsync(db, plan, stage.Order, ReleaseMergeActions.Release, source, target,
                $"Release #{plan.TicketId} {stage.Name}: {source} → {target}", user, cancellationToken);
            failed |= !ReleaseMergeResults.Succeeded(record.Result);
        }
        machine.Fire(failed ? ReleaseStageTrigger.Fail : ReleaseStageTrigger.Succeed);
        stage.EndedAt = clock.GetUtcNow().UtcDateTime;
        Touch(plan);
        await db.SaveChangesAsync(cancellationToken);
        return stage;
    }

    private async Task<ReleaseMerge> MergeAndRecordAsync(
        CmdbDbContext db, ReleasePlan plan, int stageOrder, string action, string source, string target, string message, string user, CancellationToken cancellationToken)
    {
        var record = new ReleaseMerge { TicketId = plan.TicketId, StageOrder = stageOrder, Action = action, Source = source, Target = target, Message = message, By = user, Result = ReleaseMergeResults.Error };
        try
        {
            var merged = await git.MergeAsync(source, target, message, Bot, cancellationToken);
            Fill(record, merged);
        }
        catch (Exception ex) when (ex is ExternalSystemException or GitReferenceNotFoundException or InvalidOperationException)
        {
            record.Error = ex.Message;
        }
        record.At = clock.GetUtcNow().UtcDateTime;
        db.ReleaseMerges.Add(record);
        Touch(plan);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    private static void Fill(ReleaseMerge record, GitMergeResult result)
    {
        record.Result = result.Outcome switch
        {
            GitMergeOutcome.Done => ReleaseMergeResults.Done,
            GitMergeOutcome.UpToDate => ReleaseMergeResults.UpToDate,
            _ => ReleaseMergeResults.Conflict,
        };
        record.Commit = result.Commit?.Id;
        record.ConflictPaths = result.ConflictingPaths.Count == 0 ? null : string.Join(", ", result.ConflictingPaths);
    }

    /// <summary>
    /// Reverts every stage that merged something, last first (batches, production, uat), one revert
    /// at a time; stops at the first failure. Run again, it resumes there. When all are reverted the
    /// plan is rolled back for good and the long-lived branches are brought level.
    /// </summary>
    public async Task<RollbackReport> RollbackAsync(long ticketId, PuppetReleaseForm form, string user, CancellationToken cancellationToken)
    {
        if (!form.Operators.Contains(user, StringComparer.OrdinalIgnoreCase))
            throw new ForbiddenException("release operator", $"Only the plan's release operators ({string.Join(", ", form.Operators)}) may roll back.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await PlanAsync(db, ticketId, cancellationToken);
        var stages = await db.ReleaseStages.Where(s => s.TicketId == ticketId).OrderByDescending(s => s.Order).ToListAsync(cancellationToken);
        var merges = await db.ReleaseMerges.Where(m => m.TicketId == ticketId).ToListAsync(cancellationToken);
        bool Merged(ReleaseStage s) => merges.Any(m => m.StageOrder == s.Order && m.Action == ReleaseMergeActions.Release && ReleaseMergeResults.Succeeded(m.Result));
        var toRevert = stages.Where(s => s.Status is ReleaseStageStatus.Released or ReleaseStageStatus.RollingBack or ReleaseStageStatus.RollbackFailed
            || (s.Status == ReleaseStageStatus.Failed && Merged(s))).ToList();
        if (toRevert.Count == 0 && !plan.RolledBack)
            throw new ConflictException("Nothing was released: there is nothing to roll back (cancel the plan instead).");

        var reverted = stages.Where(s => s.Status == ReleaseStageStatus.RolledBack).Select(s => s.Name).ToList();
        for (var i = 0; i < toRevert.Count; i++)
        {
            var stage = toRevert[i];
            var machine = ReleaseStageLifecycle.For(stage, Merged(stage));
            if (stage.Status != ReleaseStageStatus.RollingBack)
                machine.Fire(ReleaseStageTrigger.Revert);
            Touch(plan);
            await db.SaveChangesAsync(cancellationToken);

            string? error = null;
            var released = merges.Where(m => m.StageOrder == stage.Order && m.Action == ReleaseMergeActions.Release && ReleaseMergeResults.Succeeded(m.Result) && m.Commit is not null)
                .OrderByDescending(m => m.Id).ToList();
            foreach (var merge in released)
            {
                if (merges.Any(r => r.Action == ReleaseMergeActions.Revert && r.Reverts == merge.Commit && r.Target == merge.Target && ReleaseMergeResults.Succeeded(r.Result)))
                    continue;
                var record = await RevertAndRecordAsync(db, plan, stage.Order, merge, user, cancellationToken);
                merges.Add(record);
                if (!ReleaseMergeResults.Succeeded(record.Result))
                {
                    error = record.Error ?? $"revert of {merge.Commit![..12]} on {merge.Target} conflicts in {record.ConflictPaths}";
                    break;
                }
            }
            machine.Fire(error is null ? ReleaseStageTrigger.Reverted : ReleaseStageTrigger.RevertFailed);
            Touch(plan);
            await db.SaveChangesAsync(cancellationToken);
            if (error is not null)
            {
                return new RollbackReport(reverted.Count == 0 ? "wholly failed" : "partly failed", reverted, stage.Name, error,
                    toRevert.Skip(i + 1).Select(s => s.Name).ToList());
            }
            reverted.Add(stage.Name);
        }

        plan.RolledBack = true;
        Touch(plan);
        await db.SaveChangesAsync(cancellationToken);
        await LevelAsync(db, plan, user, cancellationToken);
        return new RollbackReport("rolled back", reverted, null, null, []);
    }

    private async Task<ReleaseMerge> RevertAndRecordAsync(CmdbDbContext db, ReleasePlan plan, int stageOrder, ReleaseMerge merge, string user, CancellationToken cancellationToken)
    {
        var message = $"Roll back release #{plan.TicketId}: revert {merge.Source} → {merge.Target} ({merge.Commit![..12]})";
        var record = new ReleaseMerge
        {
            TicketId = plan.TicketId, StageOrder = stageOrder, Action = ReleaseMergeActions.Revert, Source = merge.Source, Target = merge.Target,
            Reverts = merge.Commit, Message = message, By = user, Result = ReleaseMergeResults.Error,
        };
        try
        {
            Fill(record, await git.RevertAsync(merge.Target, merge.Commit, message, Bot, cancellationToken));
        }
        catch (Exception ex) when (ex is ExternalSystemException or GitReferenceNotFoundException or InvalidOperationException)
        {
            record.Error = ex.Message;
        }
        record.At = clock.GetUtcNow().UtcDateTime;
        db.ReleaseMerges.Add(record);
        Touch(plan);
        await db.SaveChangesAsync(cancellationToken);
        return record;
    }

    /// <summary>Brings the long-lived branches level after a rollback: (production → uat when their content differs,) uat → production, then production → every zone.</summary>
    public async Task LevelAsync(long ticketId, string user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await LevelAsync(db, await PlanAsync(db, ticketId, cancellationToken), user, cancellationToken);
    }

    private async Task LevelAsync(CmdbDbContext db, ReleasePlan plan, string user, CancellationToken cancellationToken)
    {
        var failed = false;
        // production reverted while uat was not (a rollback that stopped after production, or a hand
        // revert): uat first takes production's revert, or the next uat → production merge conflicts.
        if (!await git.SameContentAsync("uat", "production", cancellationToken))
        {
            var back = await MergeAndRecordAsync(db, plan, -1, ReleaseMergeActions.Level, "production", "uat", $"Level after release #{plan.TicketId}: production → uat", user, cancellationToken);
            failed |= !ReleaseMergeResults.Succeeded(back.Result);
        }
        var first = await MergeAndRecordAsync(db, plan, -1, ReleaseMergeActions.Level, "uat", "production", $"Level after release #{plan.TicketId}: uat → production", user, cancellationToken);
        failed |= !ReleaseMergeResults.Succeeded(first.Result);
        foreach (var zone in (await git.BranchesAsync(cancellationToken)).Where(IsZone))
        {
            var record = await MergeAndRecordAsync(db, plan, -1, ReleaseMergeActions.Level, "production", zone, $"Level after release #{plan.TicketId}: production → {zone}", user, cancellationToken);
            failed |= !ReleaseMergeResults.Succeeded(record.Result);
        }
        if (!failed)
        {
            plan.LevelledAt = clock.GetUtcNow().UtcDateTime;
            Touch(plan);
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
