using Refit;

namespace Cmdb.Integrations.PuppetCa;

/// <summary>
/// The certificate_status endpoints of the Puppet Server CA HTTP API v1. The caller authenticates
/// with a client certificate carrying <c>pp_cli_auth</c>; others get 403. Calls return the raw
/// response so that 404 and 409 can be told apart from failures.
/// </summary>
public interface IPuppetCaApi
{
    /// <summary>200 with the status of the CSR or certificate of <paramref name="certname"/>; 404 when the CA knows neither.</summary>
    [Get("/puppet-ca/v1/certificate_status/{certname}")]
    Task<IApiResponse<PuppetCertificateStatus>> GetCertificateStatusAsync(string certname, CancellationToken cancellationToken);

    /// <summary>
    /// 204 when the state was set (revoking a revoked certificate is 204 again); 404 for an unknown
    /// name; 409 when a CSR without a signed certificate is to be revoked.
    /// </summary>
    [Put("/puppet-ca/v1/certificate_status/{certname}")]
    Task<IApiResponse> SetCertificateStateAsync(string certname, [Body] PuppetDesiredState state, CancellationToken cancellationToken);

    /// <summary>204 when the CSR and certificate files were deleted (the CRL keeps a revoked serial); 404 for an unknown name.</summary>
    [Delete("/puppet-ca/v1/certificate_status/{certname}")]
    Task<IApiResponse> DeleteCertificateAsync(string certname, CancellationToken cancellationToken);
}
