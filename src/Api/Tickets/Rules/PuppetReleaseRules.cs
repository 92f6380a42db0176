using Cmdb.Activities.Releases;
using Cmdb.Domain.Common;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Releases;
using Cmdb.Domain.Tickets;
using Cmdb.Domain.Tickets.Forms;
using Cmdb.Integrations.Git;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tickets.Rules;

/// <summary>
/// 新建发布流程: approvers may edit the batches until a stage starts; the change is submitted and
/// the release step ended only through the release endpoints; a plan released in part and not
/// rolled back cannot be cancelled; a cancelled plan's temporary branch is deleted.
/// </summary>
public sealed class PuppetReleaseRules(IGitHost git, ILogger<PuppetReleaseRules> logger) : IFormRules
{
    public string Form => PuppetReleaseForm.Name;

    public Task<object> PrepareAsync(CmdbDbContext db, object form, Ticket? ticket, CancellationToken cancellationToken) => Task.FromResult(form);

    public async Task HoldAsync(CmdbDbContext db, Ticket ticket, object form, CancellationToken cancellationToken)
    {
        var stages = await db.ReleaseStages.Where(s => s.TicketId == ticket.Id).ToListAsync(cancellationToken);
        if (stages.Count == 0)
            return;
        if (stages.Any(s => s.Status != ReleaseStageStatus.Pending))
            throw new ConflictException("The release has started: its batches can no longer change.");
        // Rewritten in place (same keys), so the change is saved with the form in the caller's one save.
        var wanted = ReleaseConductor.StagesOf(ticket.Id, (PuppetReleaseForm)form).ToList();
        foreach (var stage in wanted)
        {
            var existing = stages.FirstOrDefault(s => s.Order == stage.Order);
            if (existing is null)
            {
                db.ReleaseStages.Add(stage);
                continue;
            }
            existing.Name = stage.Name;
            existing.Kind = stage.Kind;
            existing.TargetsJson = stage.TargetsJson;
            existing.StoresJson = stage.StoresJson;
        }
        db.ReleaseStages.RemoveRange(stages.Where(s => wanted.All(w => w.Order != s.Order)));
    }

    public string? WhyNotSettledByHand(Ticket ticket) => ticket.Task?.StepId switch
    {
        "modify" => $"Submit the change with POST /api/releases/{ticket.Id}/submit-change: it checks the branch and the Puppetfile first.",
        "release" => $"The release step ends when every stage is released (POST /api/releases/{ticket.Id}/stages/next).",
        _ => null,
    };

    public async Task EnsureCancellableAsync(CmdbDbContext db, Ticket ticket, CancellationToken cancellationToken)
    {
        var plan = await db.ReleasePlans.AsNoTracking().FirstOrDefaultAsync(p => p.TicketId == ticket.Id, cancellationToken);
        if (plan is null || plan.RolledBack)
            return;
        var released = await db.ReleaseMerges.AnyAsync(m => m.TicketId == ticket.Id && m.Action == ReleaseMergeActions.Release
            && (m.Result == ReleaseMergeResults.Done || m.Result == ReleaseMergeResults.UpToDate), cancellationToken);
        if (released)
            throw new ConflictException("Part of this plan is released: roll it back before cancelling it.");
    }

    public async Task AfterCancelAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        try
        {
            await git.DeleteBranchAsync(ReleaseConductor.TempBranchOf(ticket.Id), cancellationToken);
        }
        catch (Exception ex) when (ex is ExternalSystemException or InvalidOperationException or LibGit2Sharp.LibGit2SharpException)
        {
            logger.LogWarning("Release {Ticket} was cancelled but its branch could not be deleted: {Error}", ticket.Id, ex.Message);
        }
    }
}
