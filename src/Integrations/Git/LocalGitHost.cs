using LibGit2Sharp;

namespace Cmdb.Integrations.Git;

/// <summary>
/// The Puppet control repository as a local bare repository (LibGit2Sharp): real merges, real
/// reverts and real conflicts, computed in memory (a bare repository has no work tree) and
/// written as commits whose branch update is checked against the head they were computed from.
/// Calls are serialised per repository: libgit2 objects are not thread-safe.
/// </summary>
public sealed class LocalGitHost(string repositoryPath) : IGitHost
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public string RepositoryPath { get; } = repositoryPath;

    public Task<string?> ResolveAsync(string reference, CancellationToken cancellationToken) =>
        WithRepository(repo => Find(repo, reference)?.Sha, cancellationToken);

    public Task<IReadOnlyList<string>> BranchesAsync(CancellationToken cancellationToken) =>
        WithRepository<IReadOnlyList<string>>(repo => repo.Branches.Select(b => b.FriendlyName).Order(StringComparer.Ordinal).ToList(), cancellationToken);

    public Task<GitBranch> CreateBranchAsync(string name, string fromReference, CancellationToken cancellationToken) =>
        WithRepository(repo =>
        {
            if (repo.Branches[name] is { } existing)
                return new GitBranch(name, existing.Tip.Sha, Created: false);
            var from = Require(repo, fromReference);
            var branch = repo.Branches.Add(name, from);
            return new GitBranch(name, branch.Tip.Sha, Created: true);
        }, cancellationToken);

    public Task DeleteBranchAsync(string name, CancellationToken cancellationToken) =>
        WithRepository(repo =>
        {
            if (repo.Branches[name] is not null)
                repo.Branches.Remove(name);
            return true;
        }, cancellationToken);

    public Task<GitFile?> ReadFileAsync(string reference, string path, CancellationToken cancellationToken) =>
        WithRepository(repo =>
        {
            var commit = Require(repo, reference);
            return commit[path]?.Target is Blob blob ? new GitFile(path, blob.GetContentText(), blob.Sha) : null;
        }, cancellationToken);

    public Task<GitCommit> CommitFileAsync(string branch, string path, string content, string message, GitAuthor author, CancellationToken cancellationToken) =>
        WithRepository(repo =>
        {
            var head = Require(repo, branch);
            if (head[path]?.Target is Blob current && current.GetContentText() == content)
                return new GitCommit(head.Sha, head.MessageShort);
            var blob = repo.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)));
            var definition = TreeDefinition.From(head.Tree).Add(path, blob, Mode.NonExecutableFile);
            var tree = repo.ObjectDatabase.CreateTree(definition);
            var commit = Write(repo, branch, head, tree, message, author, [head]);
            return new GitCommit(commit.Sha, commit.MessageShort);
        }, cancellationToken);

    public Task<GitComparison> CompareAsync(string from, string to, CancellationToken cancellationToken) =>
        WithRepository(repo =>
        {
            var start = Require(repo, from);
            var end = Require(repo, to);
            var commits = repo.Commits.QueryBy(new CommitFilter { IncludeReachableFrom = end, ExcludeReachableFrom = start, SortBy = CommitSortStrategies.Topological | CommitSortStrategies.Reverse })
                .Select(c => new GitCommit(c.Sha, c.MessageShort)).ToList();
            var baseCommit = repo.ObjectDatabase.FindMergeBase(start, end);
            var changes = repo.Diff.Compare<TreeChanges>(baseCommit?.Tree, end.Tree);
            return new GitComparison(commits, changes.Select(c => c.Path).Order(StringComparer.Ordinal).ToList());
        }, cancellationToken);

    public Task<GitMergeCheck> CheckMergeAsync(string source, string target, CancellationToken cancellationToken) =>
        WithRepository(repo =>
        {
            var theirs = Require(repo, source);
            var ours = Require(repo, target);
            if (IsAncestor(repo, theirs, ours))
                return new GitMergeCheck(GitMergeOutcome.UpToDate, []);
            var merged = repo.ObjectDatabase.MergeCommits(ours, theirs, new MergeTreeOptions { FailOnConflict = false });
            return merged.Status == MergeTreeStatus.Conflicts
                ? new GitMergeCheck(GitMergeOutcome.Conflict, Paths(merged.Conflicts))
                : new GitMergeCheck(GitMergeOutcome.Done, []);
        }, cancellationToken);

    public Task<GitMergeResult> MergeAsync(string source, string target, string message, GitAuthor author, CancellationToken cancellationToken) =>
        WithRepository(repo =>
        {
            var theirs = Require(repo, source);
            var ours = Require(repo, target);
            if (IsAncestor(repo, theirs, ours))
                return new GitMergeResult(GitMergeOutcome.UpToDate, new GitCommit(ours.Sha, ours.MessageShort), []);
            var merged = repo.ObjectDatabase.MergeCommits(ours, theirs, new MergeTreeOptions { FailOnConflict = false });
            if (merged.Status == MergeTreeStatus.Conflicts)
                return new GitMergeResult(GitMergeOutcome.Conflict, null, Paths(merged.Conflicts));
            var commit = Write(repo, target, ours, merged.Tree, message, author, [ours, theirs]);
            return new GitMergeResult(GitMergeOutcome.Done, new GitCommit(commit.Sha, commit.MessageShort), []);
        }, cancellationToken);

    public Task<GitMergeResult> RevertAsync(string branch, string commit, string message, GitAuthor author, CancellationToken cancellationToken) =>
        WithRepository(repo =>
        {
            var onto = Require(repo, branch);
            var reverting = Require(repo, commit);
            // A merge commit is reverted against its first parent: the target as it was before the merge.
            var mainline = reverting.Parents.Count() > 1 ? 1 : 0;
            var reverted = repo.ObjectDatabase.RevertCommit(reverting, onto, mainline, new MergeTreeOptions { FailOnConflict = false });
            if (reverted.Status == MergeTreeStatus.Conflicts)
                return new GitMergeResult(GitMergeOutcome.Conflict, null, Paths(reverted.Conflicts));
            if (reverted.Tree.Sha == onto.Tree.Sha)
                return new GitMergeResult(GitMergeOutcome.UpToDate, new GitCommit(onto.Sha, onto.MessageShort), []);
            var written = Write(repo, branch, onto, reverted.Tree, message, author, [onto]);
            return new GitMergeResult(GitMergeOutcome.Done, new GitCommit(written.Sha, written.MessageShort), []);
        }, cancellationToken);

    public Task<bool> SameContentAsync(string first, string second, CancellationToken cancellationToken) =>
        WithRepository(repo => Require(repo, first).Tree.Sha == Require(repo, second).Tree.Sha, cancellationToken);

    public Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken) =>
        WithRepository(repo => IsAncestor(repo, Require(repo, ancestor), Require(repo, descendant)), cancellationToken);

    private static bool IsAncestor(Repository repo, Commit ancestor, Commit descendant) =>
        ancestor.Sha == descendant.Sha || repo.ObjectDatabase.FindMergeBase(ancestor, descendant)?.Sha == ancestor.Sha;

    private static IReadOnlyList<string> Paths(IEnumerable<Conflict> conflicts) =>
        conflicts.Select(c => (c.Ours ?? c.Theirs ?? c.Ancestor).Path).Distinct().Order(StringComparer.Ordinal).ToList();

    private static Commit? Find(Repository repo, string reference) =>
        repo.Branches[reference]?.Tip ?? repo.Lookup<Commit>(reference);

    private static Commit Require(Repository repo, string reference) =>
        Find(repo, reference) ?? throw new GitReferenceNotFoundException(reference);

    /// <summary>Writes a commit and moves the branch to it, refusing if the branch moved meanwhile.</summary>
    private static Commit Write(Repository repo, string branch, Commit expectedHead, Tree tree, string message, GitAuthor author, Commit[] parents)
    {
        var signature = new Signature(author.Name, author.Email, DateTimeOffset.UtcNow);
        var commit = repo.ObjectDatabase.CreateCommit(signature, signature, message, tree, parents, prettifyMessage: true);
        var reference = repo.Refs[$"refs/heads/{branch}"] ?? throw new GitReferenceNotFoundException(branch);
        if (reference.TargetIdentifier != expectedHead.Sha)
            throw new InvalidOperationException($"Branch {branch} moved while a commit was being made on it; try again.");
        repo.Refs.UpdateTarget(reference, commit.Id, $"cmdb: {message.Split('\n')[0]}");
        return commit;
    }

    private async Task<T> WithRepository<T>(Func<Repository, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var repo = new Repository(RepositoryPath);
            return work(repo);
        }
        finally
        {
            _gate.Release();
        }
    }
}
