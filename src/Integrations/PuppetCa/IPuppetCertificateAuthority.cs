namespace Cmdb.Integrations.PuppetCa;

/// <summary>
/// The Puppet CA, for the certificate deletion flow (Puppet证书删除流程). Either the real Puppet
/// Server CA HTTP API (client-certificate auth) or the embedded default's local stand-in.
/// </summary>
public interface IPuppetCertificateAuthority
{
    /// <summary>
    /// Revokes and then deletes the certificate of <paramref name="certname"/>. Idempotent: a
    /// certificate that does not exist (any more) counts as removed and gives
    /// <see cref="CertificateRemoval.NotFound"/>. A CA that refuses or cannot be reached throws
    /// <c>Cmdb.Domain.Common.ExternalSystemException</c> with system "Puppet CA" and its message.
    /// </summary>
    Task<CertificateRemoval> RemoveCertificateAsync(string certname, CancellationToken cancellationToken);

    /// <summary>Whether the CA still holds a certificate (signed or revoked) for <paramref name="certname"/>.</summary>
    Task<bool> HasCertificateAsync(string certname, CancellationToken cancellationToken);
}

public enum CertificateRemoval
{
    Deleted,
    NotFound,
}
