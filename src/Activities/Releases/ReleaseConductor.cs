using System.Text.Json;
using Cmdb.Domain.Common;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Releases;
using Cmdb.Domain.Tickets;
using Cmdb.Domain.Tickets.Forms;
using Cmdb.Integrations.Git;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Activities.Releases;

/// <summary>
/// Drives a batched Puppet release on the control repository: the temporary branch, the stages
/// (temp → uat, uat → production, production → each zone of a batch), rollback in reverse order
/// and levelling the long-lived branches afterwards. Every merge and revert is written as it
/// happens. A merge or revert that a crash kept from being recorded is found in place when the
/// step is run again (the host answers "up to date") and recorded, not made twice.
/// </summary>
public sealed partial class ReleaseConductor(IDbContextFactory<CmdbDbContext> contexts, IGitHost git, PuppetfileValidator r10k, TimeProvider clock)
{
    public const string BranchClaimType = "release-branches";
    public const string BranchClaimKey = "uat+production+zones";
    private static readonly GitAuthor Bot = new("Cmdb release", "cmdb-release@example.test");

    public static string TempBranchOf(long ticketId) => $"release/{ticketId}";

    /// <summary>Creates the temporary branch from production and the plan with its stages; a second call returns the plan as it is.</summary>
    public async Task<ReleasePlan> PrepareAsync(long ticketId, PuppetReleaseForm form, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (await db.ReleasePlans.FindAsync([ticketId], cancellationToken) is { } existing)
            return existing;
        var branch = await git.CreateBranchAsync(TempBranchOf(ticketId), "production", cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var plan = new ReleasePlan { TicketId = ticketId, TempBranch = branch.Name, BaseCommit = branch.Commit, CreatedAt = now, UpdatedAt = now };
        db.ReleasePlans.Add(plan);
        db.ReleaseStages.AddRange(StagesOf(ticketId, form));
        await db.SaveChangesAsync(cancellationToken);
        return plan;
    }

    /// <summary>The stages of a plan: uat, production, then each batch in order.</summary>
    public static IEnumerable<ReleaseStage> StagesOf(long ticketId, PuppetReleaseForm form)
    {
        yield return new ReleaseStage { TicketId = ticketId, Order = 0, Name = "uat", Kind = ReleaseStageKinds.Uat, TargetsJson = "[\"uat\"]" };
        yield return new ReleaseStage { TicketId = ticketId, Order = 1, Name = "production", Kind = ReleaseStageKinds.Production, TargetsJson = "[\"production\"]" };
        for (var i = 0; i < form.Batches.Count; i++)
        {
            yield return new ReleaseStage
            {
                TicketId = ticketId, Order = 2 + i, Name = form.Batches[i].Name, Kind = ReleaseStageKinds.Batch,
                TargetsJson = JsonSerializer.Serialize(form.Batches[i].Zones), StoresJson = JsonSerializer.Serialize(form.Batches[i].Stores),
            };
        }
    }

    /// <summary>
    /// The requester's "change done": the temporary branch must have commits beyond its first, and
    /// its Puppetfile must pass r10k (a blob that passed before is not checked again).
    /// </summary>
    public async Task<PuppetfileCheck> CheckChangeAsync(long ticketId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var plan = await PlanAsync(db, ticketId, cancellationToken);
        var change = await git.CompareAsync(plan.BaseCommit, plan.TempBranch, cancellationToken);
        if (change.Commits.Count == 0)
            throw new ConflictException($"{plan.TempBranch} has no commit beyond its first: change the configuration before submitting it.");
        var puppetfile = await git.ReadFileAsync(plan.TempBranch, "Puppetfile", cancellationToken);
        if (puppetfile is null)
            return new PuppetfileCheck(true, "no Puppetfile", false);
        if (puppetfile.BlobId == plan.ValidatedBlob)
            return new PuppetfileCheck(true, "Syntax OK (checked before)", true);
        var check = await r10k.CheckAsync(puppetfile.Content, cancellationToken);
        if (!check.Valid)
            throw new ValidationException([new ValidationFailure("Puppetfile", $"r10k refused the Puppetfile: {check.Message}")]);
        plan.ValidatedBlob = puppetfile.BlobId;
        Touch(plan);
        await db.SaveChangesAsync(cancellationToken);
        return check;
    }

    /// <summary>Refuses anyone but an operator of the plan, and any time outside its window.</summary>
    public void EnsureOperatorInWindow(PuppetReleaseForm form, string user)
    {
        if (!form.Operators.Contains(user, StringComparer.OrdinalIgnoreCase))
            throw new ForbiddenException("release operator", $"Only the plan's release operators ({string.Join(", ", form.Operators)}) may release or roll back.");
        var now = clock.GetUtcNow().UtcDateTime;
        if (now < form.WindowStart.ToUniversalTime() || now > form.WindowEnd.ToUniversalTime())
            throw new ConflictException($"Outside the release window {form.WindowStart.ToUniversalTime():yyyy-MM-dd HH:mm}–{form.WindowEnd.ToUniversalTime():yyyy-MM-dd HH:mm} UTC: nothing is released now.");
    }

    private static async Task<ReleasePlan> PlanAsync(CmdbDbContext db, long ticketId, CancellationToken cancellationToken) =>
        await db.ReleasePlans.FirstOrDefaultAsync(p => p.TicketId == ticketId, cancellationToken) ?? throw new NotFoundException("Release plan", ticketId);

    private void Touch(ReleasePlan plan)
    {
        plan.Revision++;
        plan.UpdatedAt = clock.GetUtcNow().UtcDateTime;
    }

    private static IReadOnlyList<string> Targets(ReleaseStage stage) => JsonSerializer.Deserialize<List<string>>(stage.TargetsJson) ?? [];

    private static string SourceOf(ReleaseStage stage, ReleasePlan plan) => stage.Kind switch
    {
        ReleaseStageKinds.Uat => plan.TempBranch,
        ReleaseStageKinds.Production => "uat",
        _ => "production",
    };
}
