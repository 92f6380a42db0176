using System.ComponentModel.DataAnnotations;

namespace Cmdb.Integrations.Ldap;

/// <summary>
/// <c>Integrations:Ldap:*</c>. Without <see cref="Url"/> the embedded default's local stand-in is
/// used and nothing here is checked. <see cref="BindPassword"/> is a secret: give it by environment
/// or a secret store, never in a checked-in file.
/// </summary>
public sealed class LdapOptions : IValidatableObject
{
    public const string SectionName = "Integrations:Ldap";

    /// <summary>e.g. <c>ldap://ldap.example.internal:389</c> or <c>ldaps://…:636</c>; empty = the local stand-in.</summary>
    public string? Url { get; set; }

    public string? BindDn { get; set; }

    public string? BindPassword { get; set; }

    /// <summary>The attribute of a node entry that holds its group (<c>ou</c> or, in some trees, <c>description</c>).</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9-]*$", ErrorMessage = "Integrations:Ldap:GroupAttribute must be an attribute name such as ou or description.")]
    public string GroupAttribute { get; set; } = "ou";

    /// <summary>Time allowed for one attempt: connecting, binding, reading and, when needed, writing.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Further attempts after a transient failure (server down, busy or timed out); refusals are never retried.</summary>
    [Range(0, 5)]
    public int Retries { get; set; } = 2;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("ldap" or "ldaps") || string.IsNullOrEmpty(uri.Host))
            yield return new ValidationResult("Integrations:Ldap:Url must be an ldap:// or ldaps:// address with a host, e.g. ldap://ldap.example.internal:389.", [nameof(Url)]);
        if (string.IsNullOrWhiteSpace(BindDn))
            yield return new ValidationResult("Integrations:Ldap:BindDn is required when Integrations:Ldap:Url is set.", [nameof(BindDn)]);
        // Only whether it is there: its value never goes into a message.
        if (string.IsNullOrEmpty(BindPassword))
            yield return new ValidationResult("Integrations:Ldap:BindPassword is required when Integrations:Ldap:Url is set.", [nameof(BindPassword)]);
    }
}
