using System.ComponentModel.DataAnnotations;

namespace Cmdb.Integrations.PuppetCa;

/// <summary>
/// <c>Integrations:PuppetCa:*</c>. Without <see cref="BaseUrl"/> the embedded default's local stand-in
/// is used and nothing here is required. The key file is a secret: give its path, never its content.
/// </summary>
public sealed class PuppetCaOptions : IValidatableObject
{
    public const string SectionName = "Integrations:PuppetCa";

    /// <summary>e.g. <c>https://puppet:8140</c>; the host must match a name in the server certificate.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>PEM certificate of Cmdb, signed with <c>pp_cli_auth</c> (<c>puppetserver ca generate --ca-client</c>).</summary>
    public string? ClientCertificatePath { get; set; }

    /// <summary>PEM private key of <see cref="ClientCertificatePath"/>.</summary>
    public string? ClientKeyPath { get; set; }

    /// <summary>PEM bundle of the Puppet CA (<c>ssl/certs/ca.pem</c>): the only roots trusted for the server, not the OS store.</summary>
    public string? CaCertificatePath { get; set; }

    /// <summary>Immediate retries of one call on 5xx, 408, 429 or timeouts; revoke and delete are idempotent.</summary>
    [Range(0, 5)]
    public int Retries { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool UsesRealCa => !string.IsNullOrWhiteSpace(BaseUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesRealCa)
            yield break;
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
            yield return new ValidationResult($"{SectionName}:BaseUrl must be an https URL such as https://puppet:8140.", [nameof(BaseUrl)]);
        foreach (var (name, path) in new[]
                 {
                     (nameof(ClientCertificatePath), ClientCertificatePath),
                     (nameof(ClientKeyPath), ClientKeyPath),
                     (nameof(CaCertificatePath), CaCertificatePath),
                 })
        {
            if (string.IsNullOrWhiteSpace(path))
                yield return new ValidationResult($"{SectionName}:{name} is required when BaseUrl is set.", [name]);
            else if (!File.Exists(path))
                // The path itself is not repeated: key locations are kept out of logs.
                yield return new ValidationResult($"{SectionName}:{name} names a file that does not exist or cannot be read.", [name]);
        }
    }
}
