using System.Text.Json;
using Cmdb.Activities.Releases;
using Cmdb.Api.Auth;
using Cmdb.Api.Tickets;
using Cmdb.Api.Tickets.Act;
using Cmdb.Domain.Common;
using Cmdb.Domain.Notifications;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Releases;
using Cmdb.Domain.Tickets;
using Cmdb.Domain.Tickets.Forms;
using Cmdb.Integrations.Git;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Releases;

public sealed record MergeView(long Id, string Action, string Source, string Target, string? Commit, string? Reverts, string Result, string? ConflictPaths, string? Error, string Message, string? By, DateTime At);

public sealed record StageView(int Order, string Name, string Kind, IReadOnlyList<string> Targets, IReadOnlyList<string> Stores, string Status, int StatusCode,
    DateTime? StartedAt, DateTime? EndedAt, string? StartedBy, IReadOnlyList<MergeView> Merges);

public sealed record ReleaseView(long TicketId, string TicketStatus, string? CurrentStep, string TempBranch, string BaseCommit, DateTime WindowStart, DateTime WindowEnd,
    IReadOnlyList<string> Operators, bool RolledBack, DateTime? LevelledAt, int Revision, IReadOnlyList<StageView> Stages, IReadOnlyList<MergeView> Levelling,
    IReadOnlyList<string> Actions);

public sealed record FileView(string Path, string Content, string BlobId, string Branch);

public sealed record FileChange(string Content, string? Message);

/// <summary>The release endpoints' work: who may do what now, and the conductor doing it.</summary>
public sealed class ReleaseService(CmdbDbContext db, CurrentUser user, ReleaseConductor conductor, IGitHost git, ISender sender)
{
    /// <summary>The release ticket, for those who may see the ticket and for the plan's operators (they follow it to its end).</summary>
    private async Task<(Ticket Ticket, PuppetReleaseForm Form)> TicketAsync(long id, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (ticket is null || ticket.FormType != PuppetReleaseForm.Name)
            throw new NotFoundException("Release", id);
        var form = JsonSerializer.Deserialize<PuppetReleaseForm>(ticket.FormJson, FormCatalog.Json)!;
        if (!user.CanSee(ticket) && !form.Operators.Contains(user.UserName, StringComparer.OrdinalIgnoreCase))
            throw new NotFoundException("Release", id);
        return (ticket, form);
    }

    public async Task<ReleaseView> GetAsync(long id, CancellationToken cancellationToken)
    {
        var (ticket, form) = await TicketAsync(id, cancellationToken);
        var plan = await db.ReleasePlans.AsNoTracking().FirstOrDefaultAsync(p => p.TicketId == id, cancellationToken)
            ?? throw new ConflictException($"Release {id} has no branch yet: it is being prepared.");
        var stages = await db.ReleaseStages.AsNoTracking().Where(s => s.TicketId == id).OrderBy(s => s.Order).ToListAsync(cancellationToken);
        var merges = await db.ReleaseMerges.AsNoTracking().Where(m => m.TicketId == id).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        static MergeView View(ReleaseMerge m) => new(m.Id, m.Action, m.Source, m.Target, m.Commit, m.Reverts, m.Result, m.ConflictPaths, m.Error, m.Message, m.By, m.At);
        var stageViews = stages.Select(s => new StageView(s.Order, s.Name, s.Kind, JsonSerializer.Deserialize<List<string>>(s.TargetsJson)!,
            JsonSerializer.Deserialize<List<string>>(s.StoresJson)!, s.Status.ToString(), (int)s.Status, s.StartedAt, s.EndedAt, s.StartedBy,
            merges.Where(m => m.StageOrder == s.Order).Select(View).ToList())).ToList();
        return new ReleaseView(id, ticket.Status.ToString(), ticket.CurrentStepId, plan.TempBranch, plan.BaseCommit, form.WindowStart, form.WindowEnd, form.Operators,
            plan.RolledBack, plan.LevelledAt, plan.Revision, stageViews, merges.Where(m => m.StageOrder < 0).Select(View).ToList(),
            Actions(ticket, form, plan, stages));
    }

    private List<string> Actions(Ticket ticket, PuppetReleaseForm form, ReleasePlan plan, List<ReleaseStage> stages)
    {
        var actions = new List<string>();
        var isRequester = ticket.Requester == user.UserName;
        var isOperator = form.Operators.Contains(user.UserName, StringComparer.OrdinalIgnoreCase);
        if (ticket.Task?.StepId == "modify" && isRequester)
            actions.AddRange(["editFiles", "submitChange"]);
        if (ticket.Task?.StepId == "release" && isOperator && !plan.RolledBack)
        {
            if (stages.Any(s => s.Status == ReleaseStageStatus.Pending) && !stages.Any(s => s.Status == ReleaseStageStatus.Failed))
                actions.Add("releaseNext");
            actions.AddRange(stages.Where(s => s.Status == ReleaseStageStatus.Failed).Select(s => $"retry:{s.Name}"));
        }
        if (isOperator && stages.Any(s => s.Status is ReleaseStageStatus.Released or ReleaseStageStatus.Failed or ReleaseStageStatus.RollbackFailed or ReleaseStageStatus.RollingBack))
            actions.Add("rollback");
        if (!ticket.Status.IsFinal() && user.CanCancel(ticket))
            actions.Add("cancel");
        return actions;
    }

    /// <summary>A path inside the repository: segments of letters, digits, '.', '_' and '-', none of them "." or "..".</summary>
    private static string CheckedPath(string path)
    {
        var segments = path.Split('/');
        if (path.Length > 400 || segments.Any(s => s.Length == 0 || s is "." or ".." || !s.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')))
        {
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("path",
                $"'{path}' is not a file path in the repository (segments of letters, digits, '.', '_' and '-', no '..').")]);
        }
        return path;
    }

    public async Task<FileView> ReadFileAsync(long id, string path, CancellationToken cancellationToken)
    {
        path = CheckedPath(path);
        await TicketAsync(id, cancellationToken);
        var branch = ReleaseConductor.TempBranchOf(id);
        var file = await git.ReadFileAsync(branch, path, cancellationToken) ?? throw new NotFoundException("File", path);
        return new FileView(path, file.Content, file.BlobId, branch);
    }

    public async Task<FileView> WriteFileAsync(long id, string path, FileChange change, CancellationToken cancellationToken)
    {
        path = CheckedPath(path);
        if (change.Content is null || change.Content.Length > 1_000_000)
            throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("content", "The file's content is required (at most 1 MB).")]);
        var (ticket, _) = await TicketAsync(id, cancellationToken);
        if (ticket.Requester != user.UserName)
            throw new ForbiddenException("ticket requester", "Only the requester changes the release's files.");
        if (ticket.Task?.StepId != "modify")
            throw new ConflictException($"Files change only at 修改配置 (the ticket is {ticket.Status}).");
        var branch = ReleaseConductor.TempBranchOf(id);
        await git.CommitFileAsync(branch, path, change.Content, string.IsNullOrWhiteSpace(change.Message) ? $"Change {path}" : change.Message.Trim(),
            new GitAuthor(user.DisplayName, $"{user.UserName}@users.cmdb.example.test"), cancellationToken);
        var file = await git.ReadFileAsync(branch, path, cancellationToken);
        return new FileView(path, file!.Content, file.BlobId, branch);
    }

    public async Task<TicketDetail> SubmitChangeAsync(long id, string? comment, CancellationToken cancellationToken)
    {
        var (ticket, _) = await TicketAsync(id, cancellationToken);
        if (ticket.Requester != user.UserName)
            throw new ForbiddenException("ticket requester", "Only the requester submits the change.");
        if (ticket.Task?.StepId != "modify")
            throw new ConflictException($"The change is submitted at 修改配置 (the ticket is {ticket.Status}).");
        var check = await conductor.CheckChangeAsync(id, cancellationToken);
        return await sender.Send(new ActOnTicket(id, "submit", comment ?? $"Puppetfile: {check.Message}", BySystem: true), cancellationToken);
    }

    public async Task<ReleasePreview> PreviewAsync(long id, CancellationToken cancellationToken)
    {
        await TicketAsync(id, cancellationToken);
        return await conductor.PreviewAsync(id, cancellationToken);
    }

    public async Task<ReleaseView> ReleaseNextAsync(long id, CancellationToken cancellationToken)
    {
        var (ticket, form) = await ReleasingAsync(id, cancellationToken);
        var stage = await conductor.ReleaseNextAsync(id, form, user.UserName, cancellationToken);
        await AfterStageAsync(ticket, form, stage, cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<ReleaseView> RetryAsync(long id, string stage, CancellationToken cancellationToken)
    {
        var (ticket, form) = await ReleasingAsync(id, cancellationToken);
        var result = await conductor.RetryStageAsync(id, stage, form, user.UserName, cancellationToken);
        await AfterStageAsync(ticket, form, result, cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<RollbackReport> RollbackAsync(long id, CancellationToken cancellationToken)
    {
        var (ticket, form) = await TicketAsync(id, cancellationToken);
        if (ticket.Status.IsFinal())
            throw new ConflictException($"The ticket is {ticket.Status}: nothing can be rolled back any more.");
        var report = await conductor.RollbackAsync(id, form, user.UserName, cancellationToken);
        Notify(ticket, $"回滚 rollback: {report.Outcome}", report.Failed is null ? "" : $"{report.Failed}: {report.Error}");
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    private async Task<(Ticket, PuppetReleaseForm)> ReleasingAsync(long id, CancellationToken cancellationToken)
    {
        var (ticket, form) = await TicketAsync(id, cancellationToken);
        if (ticket.Task?.StepId != "release")
            throw new ConflictException($"The ticket is {ticket.Status}{(ticket.CurrentStepName is { } step ? $" at {step}" : "")}: stages are released after approval.");
        return (ticket, form);
    }

    /// <summary>Tells the releases robot the stage's result; the last stage released ends the release step.</summary>
    private async Task AfterStageAsync(Ticket ticket, PuppetReleaseForm form, ReleaseStage stage, CancellationToken cancellationToken)
    {
        var stores = JsonSerializer.Deserialize<List<string>>(stage.StoresJson)!;
        var storesText = stage.Kind == ReleaseStageKinds.Batch ? (stores.Count == 0 ? "该批次没有门店 no stores in this batch" : string.Join(", ", stores)) : "";
        Notify(ticket, $"{stage.Name}: {stage.Status}", storesText);
        await db.SaveChangesAsync(cancellationToken);
        if (stage.Status == ReleaseStageStatus.Released && !await db.ReleaseStages.AnyAsync(s => s.TicketId == ticket.Id && s.Status != ReleaseStageStatus.Released, cancellationToken))
            await sender.Send(new ActOnTicket(ticket.Id, "confirm", "every stage is released", BySystem: true), cancellationToken);
    }

    private void Notify(Ticket ticket, string result, string stores) =>
        NotificationOutbox.Add(db, new NotificationFacts
        {
            Event = NotificationEvent.ReleaseBatchResult, Flow = ticket.FlowName, Env = ticket.Env, TicketId = ticket.Id.ToString(),
            Description = $"{ticket.Title} — {result}", Operator = user.DisplayName,
            Details = string.IsNullOrEmpty(stores) ? new Dictionary<string, string>() : new Dictionary<string, string> { ["门店 stores"] = stores },
        }, NotificationPurposes.Releases);
}
