using System.Net;
using System.Text;
using Cmdb.Domain.Common;
using Cmdb.Integrations.Common;
using Microsoft.Extensions.Options;
using Refit;

namespace Cmdb.Integrations.Git;

/// <summary>
/// The control repository on GitLab (REST API v4). Idempotent: an existing branch, or an open
/// merge request for the same source and target, is reused, never duplicated; a merge whose
/// source is already in the target is "up to date" (so a step re-run after a crash between the
/// merge and its record finds it done). Merges go through a merge request created then accepted.
/// </summary>
internal sealed class GitLabGitHost(IGitLabApi api, IOptions<GitLabOptions> options) : IGitHost
{
    private const string SystemName = "GitLab";
    private static readonly HashSet<string> StillChecking = new(StringComparer.Ordinal) { "unchecked", "checking", "preparing", "approvals_syncing" };

    private string Project => options.Value.ProjectId!;

    public async Task<string?> ResolveAsync(string reference, CancellationToken cancellationToken)
    {
        using var response = await Send(() => api.GetCommitAsync(Project, reference, cancellationToken), $"resolve {reference}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        ExternalCalls.ThrowUnlessSuccess(response, SystemName, $"resolve {reference}");
        return response.Content!.Id;
    }

    public async Task<IReadOnlyList<string>> BranchesAsync(CancellationToken cancellationToken)
    {
        using var response = await Send(() => api.ListBranchesAsync(Project, cancellationToken), "list branches", cancellationToken);
        ExternalCalls.ThrowUnlessSuccess(response, SystemName, "list branches");
        return response.Content!.Select(b => b.Name).Order(StringComparer.Ordinal).ToList();
    }

    public async Task<GitBranch> CreateBranchAsync(string name, string fromReference, CancellationToken cancellationToken)
    {
        if (await BranchAsync(name, cancellationToken) is { } existing)
            return new GitBranch(name, existing.Commit.Id, Created: false);
        var what = $"create branch {name} from {fromReference}";
        using var response = await Send(() => api.CreateBranchAsync(Project, name, fromReference, cancellationToken), what, cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest && await BranchAsync(name, cancellationToken) is { } raced)
            return new GitBranch(name, raced.Commit.Id, Created: false);
        if (response.StatusCode == HttpStatusCode.BadRequest && (response.Error as ApiException)?.Content?.Contains("Invalid reference", StringComparison.OrdinalIgnoreCase) == true)
            throw new GitReferenceNotFoundException(fromReference);
        ExternalCalls.ThrowUnlessSuccess(response, SystemName, what);
        return new GitBranch(name, response.Content!.Commit.Id, Created: true);
    }

    public async Task DeleteBranchAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await Send(() => api.DeleteBranchAsync(Project, name, cancellationToken), $"delete branch {name}", cancellationToken);
        if (response.StatusCode != HttpStatusCode.NotFound)
            ExternalCalls.ThrowUnlessSuccess(response, SystemName, $"delete branch {name}");
    }

    public async Task<GitFile?> ReadFileAsync(string reference, string path, CancellationToken cancellationToken)
    {
        using var response = await Send(() => api.GetFileAsync(Project, path, reference, cancellationToken), $"read {path} at {reference}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        ExternalCalls.ThrowUnlessSuccess(response, SystemName, $"read {path} at {reference}");
        var file = response.Content!;
        var content = file.Encoding == "base64" ? Encoding.UTF8.GetString(Convert.FromBase64String(file.Content)) : file.Content;
        return new GitFile(path, content, file.BlobId);
    }

    public async Task<GitCommit> CommitFileAsync(string branch, string path, string content, string message, GitAuthor author, CancellationToken cancellationToken)
    {
        var current = await ReadFileAsync(branch, path, cancellationToken);
        if (current?.Content != content)
        {
            var change = new GitLabFileChange(branch, content, message, author.Name, author.Email);
            var what = $"commit {path} on {branch}";
            using var response = await Send(() => current is null
                ? api.CreateFileAsync(Project, path, change, cancellationToken)
                : api.UpdateFileAsync(Project, path, change, cancellationToken), what, cancellationToken);
            ExternalCalls.ThrowUnlessSuccess(response, SystemName, what);
        }
        var head = await BranchAsync(branch, cancellationToken) ?? throw new GitReferenceNotFoundException(branch);
        return new GitCommit(head.Commit.Id, head.Commit.Title ?? "");
    }

    public async Task<GitComparison> CompareAsync(string from, string to, CancellationToken cancellationToken)
    {
        using var response = await Send(() => api.CompareAsync(Project, from, to, cancellationToken), $"compare {from}...{to}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw new GitReferenceNotFoundException($"{from} or {to}");
        ExternalCalls.ThrowUnlessSuccess(response, SystemName, $"compare {from}...{to}");
        var comparison = response.Content!;
        return new GitComparison(
            comparison.Commits.Select(c => new GitCommit(c.Id, c.Title ?? "")).ToList(),
            comparison.Diffs.Select(d => d.NewPath).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    public async Task<GitMergeCheck> CheckMergeAsync(string source, string target, CancellationToken cancellationToken)
    {
        if (await IsAncestorAsync(source, target, cancellationToken))
            return new GitMergeCheck(GitMergeOutcome.UpToDate, []);
        var request = await SettledAsync(await MergeRequestAsync(source, target, cancellationToken), cancellationToken);
        return request.HasConflicts
            ? new GitMergeCheck(GitMergeOutcome.Conflict, await ConflictsAsync(request.Iid, cancellationToken))
            : new GitMergeCheck(GitMergeOutcome.Done, []);
    }

    public async Task<GitMergeResult> MergeAsync(string source, string target, string message, GitAuthor author, CancellationToken cancellationToken)
    {
        if (await IsAncestorAsync(source, target, cancellationToken))
        {
            var head = await BranchAsync(target, cancellationToken) ?? throw new GitReferenceNotFoundException(target);
            return new GitMergeResult(GitMergeOutcome.UpToDate, new GitCommit(head.Commit.Id, head.Commit.Title ?? ""), []);
        }
        var request = await SettledAsync(await MergeRequestAsync(source, target, cancellationToken), cancellationToken);
        var what = $"merge {source} into {target} (!{request.Iid})";
        using var response = await Send(() => api.AcceptMergeRequestAsync(Project, request.Iid, new GitLabAccept(message), cancellationToken), what, cancellationToken);
        if (response.StatusCode is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotAcceptable or HttpStatusCode.UnprocessableEntity)
        {
            // "Branch cannot be merged": a conflict names its files; any other refusal is GitLab's to explain.
            var paths = await ConflictsAsync(request.Iid, cancellationToken);
            if (paths.Count > 0 || request.HasConflicts)
                return new GitMergeResult(GitMergeOutcome.Conflict, null, paths);
        }
        ExternalCalls.ThrowUnlessSuccess(response, SystemName, what);
        var merged = response.Content!;
        return new GitMergeResult(GitMergeOutcome.Done, new GitCommit(merged.MergeCommitSha ?? "", message), []);
    }

    public async Task<GitMergeResult> RevertAsync(string branch, string commit, string message, GitAuthor author, CancellationToken cancellationToken)
    {
        var what = $"revert {commit} on {branch}";
        using var response = await Send(() => api.RevertAsync(Project, commit, new GitLabRevert(branch), cancellationToken), what, cancellationToken);
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            // GitLab answers 400 when the revert does not apply cleanly; it names no files, so the commit's own files are given.
            var changed = await CompareAsync(commit + "^1", commit, cancellationToken);
            return new GitMergeResult(GitMergeOutcome.Conflict, null, changed.ChangedFiles);
        }
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw new GitReferenceNotFoundException($"{commit} or {branch}");
        ExternalCalls.ThrowUnlessSuccess(response, SystemName, what);
        return new GitMergeResult(GitMergeOutcome.Done, new GitCommit(response.Content!.Id, response.Content.Title ?? message), []);
    }

    public async Task<bool> SameContentAsync(string first, string second, CancellationToken cancellationToken)
    {
        var what = $"compare the content of {first} and {second}";
        using var response = await Send(() => api.CompareStraightAsync(Project, first, second, cancellationToken), what, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw new GitReferenceNotFoundException($"{first} or {second}");
        ExternalCalls.ThrowUnlessSuccess(response, SystemName, what);
        return response.Content!.Diffs.Count == 0;
    }

    public async Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken)
    {
        var ancestorId = await ResolveAsync(ancestor, cancellationToken) ?? throw new GitReferenceNotFoundException(ancestor);
        using var response = await Send(() => api.MergeBaseAsync(Project, [ancestor, descendant], cancellationToken), $"find the merge base of {ancestor} and {descendant}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            throw new GitReferenceNotFoundException(descendant);
        ExternalCalls.ThrowUnlessSuccess(response, SystemName, $"find the merge base of {ancestor} and {descendant}");
        return response.Content!.Id == ancestorId;
    }

    private async Task<GitLabBranch?> BranchAsync(string name, CancellationToken cancellationToken)
    {
        using var response = await Send(() => api.GetBranchAsync(Project, name, cancellationToken), $"read branch {name}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        ExternalCalls.ThrowUnlessSuccess(response, SystemName, $"read branch {name}");
        return response.Content;
    }

    /// <summary>The open merge request from source to target: reused when there is one, else created.</summary>
    private async Task<GitLabMergeRequest> MergeRequestAsync(string source, string target, CancellationToken cancellationToken)
    {
        using (var found = await Send(() => api.FindMergeRequestsAsync(Project, source, target, cancellationToken), $"find merge requests {source} → {target}", cancellationToken))
        {
            ExternalCalls.ThrowUnlessSuccess(found, SystemName, $"find merge requests {source} → {target}");
            if (found.Content!.FirstOrDefault() is { } open)
                return open;
        }
        var what = $"open a merge request {source} → {target}";
        using var created = await Send(() => api.CreateMergeRequestAsync(Project, new GitLabNewMergeRequest(source, target, $"Release: {source} → {target}"), cancellationToken), what, cancellationToken);
        // 409 "Another open merge request already exists": made meanwhile (or by a retried attempt): use that one.
        if (created.StatusCode == HttpStatusCode.Conflict)
        {
            using var again = await Send(() => api.FindMergeRequestsAsync(Project, source, target, cancellationToken), $"find merge requests {source} → {target}", cancellationToken);
            ExternalCalls.ThrowUnlessSuccess(again, SystemName, $"find merge requests {source} → {target}");
            if (again.Content!.FirstOrDefault() is { } existing)
                return existing;
        }
        ExternalCalls.ThrowUnlessSuccess(created, SystemName, what);
        return created.Content!;
    }

    /// <summary>GitLab works out mergeability in the background: ask again (briefly) while it is still checking.</summary>
    private async Task<GitLabMergeRequest> SettledAsync(GitLabMergeRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < options.Value.MergeStatusPolls && StillChecking.Contains(request.DetailedMergeStatus ?? ""); attempt++)
        {
            await Task.Delay(options.Value.MergeStatusDelay, cancellationToken);
            using var response = await Send(() => api.GetMergeRequestAsync(Project, request.Iid, cancellationToken), $"read merge request !{request.Iid}", cancellationToken);
            ExternalCalls.ThrowUnlessSuccess(response, SystemName, $"read merge request !{request.Iid}");
            request = response.Content!;
        }
        return request;
    }

    private async Task<IReadOnlyList<string>> ConflictsAsync(long iid, CancellationToken cancellationToken)
    {
        using var response = await Send(() => api.GetConflictsAsync(Project, iid, cancellationToken), $"read the conflicts of !{iid}", cancellationToken);
        return response.IsSuccessStatusCode && response.Content is { } conflicts
            ? conflicts.Select(c => c.NewPath).Distinct().Order(StringComparer.Ordinal).ToList()
            : [];
    }

    private static Task<T> Send<T>(Func<Task<T>> call, string what, CancellationToken cancellationToken) where T : IApiResponse =>
        ExternalCalls.SendAsync(call, SystemName, what, cancellationToken);
}
