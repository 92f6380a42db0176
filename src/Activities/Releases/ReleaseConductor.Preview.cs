using Cmdb.Domain.Persistence;
using Cmdb.Domain.Releases;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Activities.Releases;

/// <summary>One merge a plan will make, with what it brings and whether it would conflict now.</summary>
public sealed record PlannedMerge(string Stage, string Source, string Target, IReadOnlyList<string> Commits, IReadOnlyList<string> ChangedFiles, string Now, IReadOnlyList<string> ConflictingPaths);

public sealed record ReleasePreview(IReadOnlyList<PlannedMerge> Merges, IReadOnlyList<string> Warnings);

public sealed partial class ReleaseConductor
{
    /// <summary>
    /// Every merge the plan will make, in order, with the commits and files each brings and whether
    /// it would conflict now (a test merge, nothing written), plus branch-level warnings. Later
    /// stages are judged against the branches as they are now.
    /// </summary>
    public async Task<ReleasePreview> PreviewAsync(long ticketId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await PlanAsync(db, ticketId, cancellationToken);
        var stages = await db.ReleaseStages.AsNoTracking().Where(s => s.TicketId == ticketId).OrderBy(s => s.Order).ToListAsync(cancellationToken);
        var merges = new List<PlannedMerge>();
        foreach (var stage in stages)
        {
            var source = SourceOf(stage, plan);
            foreach (var target in Targets(stage))
            {
                var comparison = await git.CompareAsync(target, source, cancellationToken);
                var check = await git.CheckMergeAsync(source, target, cancellationToken);
                merges.Add(new PlannedMerge(stage.Name, source, target, comparison.Commits.Select(c => $"{c.Id[..Math.Min(12, c.Id.Length)]} {c.Message}").ToList(),
                    comparison.ChangedFiles, check.Outcome.ToString(), check.ConflictingPaths));
            }
        }
        var heldElsewhere = await db.ResourceClaims.AsNoTracking().Where(c => c.ResourceType == "release-zone" && c.TicketId != ticketId)
            .Select(c => c.ResourceKey).ToListAsync(cancellationToken);
        var warnings = (await BranchHealthAsync(heldElsewhere, cancellationToken)).Where(b => !b.Level)
            .Select(b => $"{b.Branch} is not level with {b.Upstream}: the release will be refused until they are brought level").ToList();
        warnings.AddRange(merges.Where(m => m.Now == "Conflict").Select(m => $"{m.Source} → {m.Target} would conflict now in {string.Join(", ", m.ConflictingPaths)}"));
        return new ReleasePreview(merges, warnings);
    }
}

/// <summary>One levelling merge made outside a plan.</summary>
public sealed record LevellingMerge(string Source, string Target, string Outcome, string? Commit, IReadOnlyList<string> ConflictingPaths);

public sealed partial class ReleaseConductor
{
    /// <summary>
    /// Brings the long-lived branches level outside any plan (zones no open plan holds): production →
    /// uat when their content differs, uat → production, production → each lagging zone. Refused
    /// while a plan is releasing.
    /// </summary>
    public async Task<IReadOnlyList<LevellingMerge>> LevelBranchesAsync(string user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var holder = await db.ResourceClaims.AsNoTracking().FirstOrDefaultAsync(c => c.ResourceType == BranchClaimType && c.ResourceKey == BranchClaimKey, cancellationToken);
        if (holder is not null)
            throw new Cmdb.Domain.Common.ConflictException($"Release plan {holder.TicketId} is releasing now: level the branches after it ends.");
        var held = await db.ResourceClaims.AsNoTracking().Where(c => c.ResourceType == "release-zone").Select(c => c.ResourceKey).ToListAsync(cancellationToken);
        var author = new Integrations.Git.GitAuthor(user, $"{user}@users.cmdb.example.test");
        var done = new List<LevellingMerge>();
        async Task Merge(string source, string target)
        {
            var result = await git.MergeAsync(source, target, $"Level the branches: {source} → {target}", author, cancellationToken);
            done.Add(new LevellingMerge(source, target, result.Outcome.ToString(), result.Commit?.Id, result.ConflictingPaths));
        }
        if (!await git.SameContentAsync("uat", "production", cancellationToken))
            await Merge("production", "uat");
        await Merge("uat", "production");
        foreach (var zone in (await git.BranchesAsync(cancellationToken)).Where(IsZone).Where(z => !held.Contains(z)))
            await Merge("production", zone);
        return done;
    }
}
