namespace Cmdb.Integrations.Git;

/// <summary>
/// What the release flow needs of the Puppet control repository's host: branches, files, and
/// merges and reverts that report conflicts as results (with the paths), never as exceptions.
/// An unreachable host or a missing ref is an exception. GitLab when configured, else a local
/// bare repository.
/// </summary>
public interface IGitHost
{
    /// <summary>The commit a branch, tag or commit id names, or null when it names nothing.</summary>
    Task<string?> ResolveAsync(string reference, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> BranchesAsync(CancellationToken cancellationToken);

    /// <summary>Creates a branch at a ref; a branch of that name that exists already is kept and returned.</summary>
    Task<GitBranch> CreateBranchAsync(string name, string fromReference, CancellationToken cancellationToken);

    /// <summary>Deletes a branch; nothing happens when there is none.</summary>
    Task DeleteBranchAsync(string name, CancellationToken cancellationToken);

    /// <summary>A file's content at a ref, with its blob id; null when the file is not there.</summary>
    Task<GitFile?> ReadFileAsync(string reference, string path, CancellationToken cancellationToken);

    /// <summary>Commits a file's new content on a branch; the same content again commits nothing and returns the branch head.</summary>
    Task<GitCommit> CommitFileAsync(string branch, string path, string content, string message, GitAuthor author, CancellationToken cancellationToken);

    /// <summary>The commits <paramref name="to"/> has that <paramref name="from"/> lacks, and the files they change.</summary>
    Task<GitComparison> CompareAsync(string from, string to, CancellationToken cancellationToken);

    /// <summary>Whether merging source into target would conflict now; nothing is written.</summary>
    Task<GitMergeCheck> CheckMergeAsync(string source, string target, CancellationToken cancellationToken);

    /// <summary>Merges source into target with a merge commit (never fast-forward), or reports the conflict.</summary>
    Task<GitMergeResult> MergeAsync(string source, string target, string message, GitAuthor author, CancellationToken cancellationToken);

    /// <summary>Reverts a commit on a branch (a merge commit against its first parent), or reports the conflict.</summary>
    Task<GitMergeResult> RevertAsync(string branch, string commit, string message, GitAuthor author, CancellationToken cancellationToken);

    /// <summary>Whether two refs hold the same files with the same content (whatever their histories).</summary>
    Task<bool> SameContentAsync(string first, string second, CancellationToken cancellationToken);

    /// <summary>Whether every commit of <paramref name="ancestor"/> is in <paramref name="descendant"/>.</summary>
    Task<bool> IsAncestorAsync(string ancestor, string descendant, CancellationToken cancellationToken);
}

public sealed record GitBranch(string Name, string Commit, bool Created);

public sealed record GitFile(string Path, string Content, string BlobId);

public sealed record GitAuthor(string Name, string Email);

public sealed record GitCommit(string Id, string Message);

public sealed record GitComparison(IReadOnlyList<GitCommit> Commits, IReadOnlyList<string> ChangedFiles);

public enum GitMergeOutcome
{
    /// <summary>A new commit was made.</summary>
    Done,

    /// <summary>The target has it all already: nothing to do.</summary>
    UpToDate,

    /// <summary>It would conflict (or did): nothing was written.</summary>
    Conflict,
}

public sealed record GitMergeCheck(GitMergeOutcome Outcome, IReadOnlyList<string> ConflictingPaths);

/// <param name="Commit">The merge or revert commit (or the target's head when up to date); null on conflict.</param>
public sealed record GitMergeResult(GitMergeOutcome Outcome, GitCommit? Commit, IReadOnlyList<string> ConflictingPaths);

/// <summary>A ref or commit the host does not have.</summary>
public sealed class GitReferenceNotFoundException(string reference) : Exception($"The repository has no '{reference}'.")
{
    public string Reference { get; } = reference;
}
