using System.Net;
using Microsoft.Extensions.Logging;
using Refit;

namespace Cmdb.Integrations.PuppetCa;

/// <summary>
/// The real Puppet Server CA. Removal reads the status first, so that a CSR (which the CA refuses
/// to revoke) is only deleted and a run that stopped after revoking resumes with the delete.
/// </summary>
internal sealed class PuppetCaCertificateAuthority(IPuppetCaApi api, ILogger<PuppetCaCertificateAuthority> logger)
    : IPuppetCertificateAuthority
{
    public async Task<CertificateRemoval> RemoveCertificateAsync(string certname, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(certname);
        var status = await GetStatusAsync(certname, cancellationToken);
        if (status is null)
            return CertificateRemoval.NotFound;

        if (status.State is not (PuppetCertificateStatus.Requested or PuppetCertificateStatus.Revoked))
        {
            using var revoke = await PuppetCaFailures.SendAsync(
                () => api.SetCertificateStateAsync(certname, PuppetDesiredState.Revoked, cancellationToken), "revoke", certname, cancellationToken);
            if (revoke.StatusCode == HttpStatusCode.NotFound)
                return CertificateRemoval.NotFound;
            PuppetCaFailures.ThrowUnlessSuccess(revoke, "revoke", certname);
        }

        using var delete = await PuppetCaFailures.SendAsync(
            () => api.DeleteCertificateAsync(certname, cancellationToken), "delete", certname, cancellationToken);
        if (delete.StatusCode == HttpStatusCode.NotFound)
            return CertificateRemoval.NotFound;
        PuppetCaFailures.ThrowUnlessSuccess(delete, "delete", certname);
        logger.LogInformation("Puppet CA: removed the {State} certificate of {Certname}", status.State, certname);
        return CertificateRemoval.Deleted;
    }

    public async Task<bool> HasCertificateAsync(string certname, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(certname);
        var status = await GetStatusAsync(certname, cancellationToken);
        // A pending CSR is not a certificate: nothing was ever signed for it.
        return status is { State: PuppetCertificateStatus.Signed or PuppetCertificateStatus.Revoked };
    }

    private async Task<PuppetCertificateStatus?> GetStatusAsync(string certname, CancellationToken cancellationToken)
    {
        using var response = await PuppetCaFailures.SendAsync(
            () => api.GetCertificateStatusAsync(certname, cancellationToken), "look up", certname, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        PuppetCaFailures.ThrowUnlessSuccess(response, "look up", certname);
        return response.Content ?? throw PuppetCaFailures.Unexpected("look up", certname, "an empty body");
    }
}
