using System.ComponentModel.DataAnnotations;

namespace Cmdb.Integrations.Rancher;

/// <summary><c>Integrations:Rancher:*</c>. Without <see cref="BaseUrl"/> the local stand-in table is used.</summary>
public sealed class RancherOptions : IValidatableObject
{
    public const string SectionName = "Integrations:Rancher";

    /// <summary>e.g. <c>https://rancher.example.test</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>An API token (<c>token-xxxxx:secret</c>). A secret: give it by environment.</summary>
    public string? Token { get; set; }

    [Range(0, 5)]
    public int Retries { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:00.100", "00:02:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool UsesRancher => !string.IsNullOrWhiteSpace(BaseUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesRancher)
            yield break;
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
            yield return new ValidationResult($"{SectionName}:BaseUrl must be an absolute URL.", [nameof(BaseUrl)]);
        if (string.IsNullOrWhiteSpace(Token))
            yield return new ValidationResult($"{SectionName}:Token is required with BaseUrl.", [nameof(Token)]);
    }
}
