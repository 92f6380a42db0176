using System.ComponentModel.DataAnnotations;

namespace Cmdb.Integrations.Git;

/// <summary><c>Integrations:GitLab:*</c>. Without <see cref="BaseUrl"/> the local control repository (<see cref="LocalRepositoryPath"/>) is used.</summary>
public sealed class GitLabOptions : IValidatableObject
{
    public const string SectionName = "Integrations:GitLab";

    /// <summary>e.g. <c>https://gitlab.example.test</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>The control repository's project id or URL-encoded path.</summary>
    public string? ProjectId { get; set; }

    /// <summary>A project access token with api scope. A secret: give it by environment.</summary>
    public string? Token { get; set; }

    [Range(0, 5)]
    public int Retries { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often and how long to wait while GitLab still checks whether a merge request can be merged.</summary>
    public int MergeStatusPolls { get; set; } = 10;

    public TimeSpan MergeStatusDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The embedded default's bare control repository, created on first use.</summary>
    public string LocalRepositoryPath { get; set; } = Path.Combine("data", "control-repo.git");

    public bool UsesGitLab => !string.IsNullOrWhiteSpace(BaseUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesGitLab)
            yield break;
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
            yield return new ValidationResult($"{SectionName}:BaseUrl must be an absolute URL.", [nameof(BaseUrl)]);
        if (string.IsNullOrWhiteSpace(ProjectId))
            yield return new ValidationResult($"{SectionName}:ProjectId is required with BaseUrl.", [nameof(ProjectId)]);
        if (string.IsNullOrWhiteSpace(Token))
            yield return new ValidationResult($"{SectionName}:Token is required with BaseUrl.", [nameof(Token)]);
    }
}
