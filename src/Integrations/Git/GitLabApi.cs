using System.Text.Json.Serialization;
using Refit;

namespace Cmdb.Integrations.Git;

/// <summary>The part of GitLab's REST API v4 the release flow uses, on one project. The token travels in <c>PRIVATE-TOKEN</c>.</summary>
public interface IGitLabApi
{
    [Get("/api/v4/projects/{project}/repository/commits/{reference}")]
    Task<IApiResponse<GitLabCommit>> GetCommitAsync(string project, string reference, CancellationToken cancellationToken);

    [Get("/api/v4/projects/{project}/repository/branches?per_page=100")]
    Task<IApiResponse<List<GitLabBranch>>> ListBranchesAsync(string project, CancellationToken cancellationToken);

    [Get("/api/v4/projects/{project}/repository/branches/{branch}")]
    Task<IApiResponse<GitLabBranch>> GetBranchAsync(string project, string branch, CancellationToken cancellationToken);

    [Post("/api/v4/projects/{project}/repository/branches")]
    Task<IApiResponse<GitLabBranch>> CreateBranchAsync(string project, [Query] string branch, [Query(Name = "ref")] string reference, CancellationToken cancellationToken);

    [Delete("/api/v4/projects/{project}/repository/branches/{branch}")]
    Task<IApiResponse> DeleteBranchAsync(string project, string branch, CancellationToken cancellationToken);

    [Get("/api/v4/projects/{project}/repository/files/{path}")]
    Task<IApiResponse<GitLabFile>> GetFileAsync(string project, string path, [Query(Name = "ref")] string reference, CancellationToken cancellationToken);

    [Post("/api/v4/projects/{project}/repository/files/{path}")]
    Task<IApiResponse> CreateFileAsync(string project, string path, [Body] GitLabFileChange change, CancellationToken cancellationToken);

    [Put("/api/v4/projects/{project}/repository/files/{path}")]
    Task<IApiResponse> UpdateFileAsync(string project, string path, [Body] GitLabFileChange change, CancellationToken cancellationToken);

    [Get("/api/v4/projects/{project}/repository/compare")]
    Task<IApiResponse<GitLabComparison>> CompareAsync(string project, [Query] string from, [Query] string to, CancellationToken cancellationToken);

    /// <summary>With <c>straight=true</c> the diff is between the two trees themselves, not from their merge base.</summary>
    [Get("/api/v4/projects/{project}/repository/compare?straight=true")]
    Task<IApiResponse<GitLabComparison>> CompareStraightAsync(string project, [Query] string from, [Query] string to, CancellationToken cancellationToken);

    [Get("/api/v4/projects/{project}/repository/merge_base")]
    Task<IApiResponse<GitLabCommit>> MergeBaseAsync(string project, [Query(CollectionFormat.Multi), AliasAs("refs[]")] string[] refs, CancellationToken cancellationToken);

    [Get("/api/v4/projects/{project}/merge_requests?state=opened")]
    Task<IApiResponse<List<GitLabMergeRequest>>> FindMergeRequestsAsync(string project, [AliasAs("source_branch")] string sourceBranch, [AliasAs("target_branch")] string targetBranch, CancellationToken cancellationToken);

    [Post("/api/v4/projects/{project}/merge_requests")]
    Task<IApiResponse<GitLabMergeRequest>> CreateMergeRequestAsync(string project, [Body] GitLabNewMergeRequest request, CancellationToken cancellationToken);

    [Get("/api/v4/projects/{project}/merge_requests/{iid}")]
    Task<IApiResponse<GitLabMergeRequest>> GetMergeRequestAsync(string project, long iid, CancellationToken cancellationToken);

    [Get("/api/v4/projects/{project}/merge_requests/{iid}/conflicts")]
    Task<IApiResponse<List<GitLabConflict>>> GetConflictsAsync(string project, long iid, CancellationToken cancellationToken);

    [Put("/api/v4/projects/{project}/merge_requests/{iid}/merge")]
    Task<IApiResponse<GitLabMergeRequest>> AcceptMergeRequestAsync(string project, long iid, [Body] GitLabAccept accept, CancellationToken cancellationToken);

    [Post("/api/v4/projects/{project}/repository/commits/{sha}/revert")]
    Task<IApiResponse<GitLabCommit>> RevertAsync(string project, string sha, [Body] GitLabRevert revert, CancellationToken cancellationToken);
}

public sealed record GitLabCommit([property: JsonPropertyName("id")] string Id, [property: JsonPropertyName("title")] string? Title, [property: JsonPropertyName("message")] string? Message);

public sealed record GitLabBranch([property: JsonPropertyName("name")] string Name, [property: JsonPropertyName("commit")] GitLabCommit Commit);

public sealed record GitLabFile(
    [property: JsonPropertyName("file_path")] string FilePath, [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("encoding")] string Encoding, [property: JsonPropertyName("blob_id")] string BlobId);

public sealed record GitLabFileChange(
    [property: JsonPropertyName("branch")] string Branch, [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("commit_message")] string CommitMessage, [property: JsonPropertyName("author_name")] string AuthorName,
    [property: JsonPropertyName("author_email")] string AuthorEmail);

public sealed record GitLabDiff([property: JsonPropertyName("old_path")] string OldPath, [property: JsonPropertyName("new_path")] string NewPath);

public sealed record GitLabComparison([property: JsonPropertyName("commits")] List<GitLabCommit> Commits, [property: JsonPropertyName("diffs")] List<GitLabDiff> Diffs);

public sealed record GitLabMergeRequest(
    [property: JsonPropertyName("iid")] long Iid, [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("has_conflicts")] bool HasConflicts, [property: JsonPropertyName("merge_commit_sha")] string? MergeCommitSha,
    [property: JsonPropertyName("detailed_merge_status")] string? DetailedMergeStatus);

public sealed record GitLabNewMergeRequest(
    [property: JsonPropertyName("source_branch")] string SourceBranch, [property: JsonPropertyName("target_branch")] string TargetBranch,
    [property: JsonPropertyName("title")] string Title, [property: JsonPropertyName("remove_source_branch")] bool RemoveSourceBranch = false,
    [property: JsonPropertyName("squash")] bool Squash = false);

public sealed record GitLabAccept(
    [property: JsonPropertyName("merge_commit_message")] string MergeCommitMessage,
    [property: JsonPropertyName("should_remove_source_branch")] bool ShouldRemoveSourceBranch = false);

public sealed record GitLabRevert([property: JsonPropertyName("branch")] string Branch);

public sealed record GitLabConflict([property: JsonPropertyName("old_path")] string OldPath, [property: JsonPropertyName("new_path")] string NewPath);
