using System.ComponentModel.DataAnnotations;

namespace Cmdb.Integrations.Cmp;

/// <summary><c>Integrations:Cmp:*</c>: the cloud management platform syncs read from. Without <see cref="BaseUrl"/> no CMP connector exists.</summary>
public sealed class CmpOptions : IValidatableObject
{
    public const string SectionName = "Integrations:Cmp";

    /// <summary>e.g. <c>https://cmp.example.test</c>.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>A bearer token. A secret: give it by environment.</summary>
    public string? Token { get; set; }

    [Range(10, 5000)]
    public int PageSize { get; set; } = 500;

    [Range(0, 5)]
    public int Retries { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool UsesCmp => !string.IsNullOrWhiteSpace(BaseUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesCmp)
            yield break;
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out _))
            yield return new ValidationResult($"{SectionName}:BaseUrl must be an absolute URL.", [nameof(BaseUrl)]);
        if (string.IsNullOrWhiteSpace(Token))
            yield return new ValidationResult($"{SectionName}:Token is required with BaseUrl.", [nameof(Token)]);
    }
}
