using System.Text.Json.Serialization;

namespace Cmdb.Integrations.PuppetCa;

/// <summary>The documented body of <c>GET certificate_status/{certname}</c>; fields Cmdb does not use are left out.</summary>
public sealed record PuppetCertificateStatus(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("fingerprint")] string? Fingerprint = null,
    [property: JsonPropertyName("serial_number")] long? SerialNumber = null,
    [property: JsonPropertyName("dns_alt_names")] IReadOnlyList<string>? DnsAltNames = null,
    [property: JsonPropertyName("not_after")] string? NotAfter = null)
{
    public const string Requested = "requested";
    public const string Signed = "signed";
    public const string Revoked = "revoked";
}
