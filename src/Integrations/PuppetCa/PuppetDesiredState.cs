using System.Text.Json.Serialization;

namespace Cmdb.Integrations.PuppetCa;

/// <summary>The body of <c>PUT certificate_status/{certname}</c>: <c>{"desired_state":"revoked"}</c>.</summary>
public sealed record PuppetDesiredState([property: JsonPropertyName("desired_state")] string DesiredState)
{
    public static readonly PuppetDesiredState Revoked = new(PuppetCertificateStatus.Revoked);
}
