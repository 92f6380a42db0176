namespace Cmdb.Domain.LocalSystems;

/// <summary>
/// A node certificate as the embedded default's stand-in for the Puppet CA keeps it (the real CA
/// is used when <c>Integrations:PuppetCa:BaseUrl</c> is set).
/// </summary>
public sealed class LocalPuppetCertificate
{
    public required string Certname { get; set; }

    /// <summary><c>signed</c> or <c>revoked</c>; a deleted certificate has no row.</summary>
    public required string State { get; set; }

    public DateTime UpdatedAt { get; set; }
}
