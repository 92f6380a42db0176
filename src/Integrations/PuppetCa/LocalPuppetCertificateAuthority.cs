using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Integrations.PuppetCa;

/// <summary>
/// The embedded default's stand-in for the Puppet CA: the <c>local_puppet_certificates</c> table.
/// Removal takes the same two steps as the real CA, so that a crash between them leaves the same
/// trace (a revoked row) and a second run finishes the job.
/// </summary>
internal sealed class LocalPuppetCertificateAuthority(IDbContextFactory<CmdbDbContext> contexts) : IPuppetCertificateAuthority
{
    private const string Revoked = "revoked";

    public async Task<CertificateRemoval> RemoveCertificateAsync(string certname, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(certname);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var certificates = db.LocalPuppetCertificates.Where(c => c.Certname == certname);

        var now = DateTime.UtcNow;
        var revoked = await certificates.ExecuteUpdateAsync(s => s
            .SetProperty(c => c.State, Revoked)
            .SetProperty(c => c.UpdatedAt, now), cancellationToken);
        if (revoked == 0)
            return CertificateRemoval.NotFound;

        // A concurrent removal may have deleted the row since: it is gone either way.
        var deleted = await certificates.ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? CertificateRemoval.NotFound : CertificateRemoval.Deleted;
    }

    public async Task<bool> HasCertificateAsync(string certname, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(certname);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.LocalPuppetCertificates.AnyAsync(c => c.Certname == certname, cancellationToken);
    }
}
