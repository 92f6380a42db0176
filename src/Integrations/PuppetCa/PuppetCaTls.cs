using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Cmdb.Integrations.PuppetCa;

/// <summary>
/// The primary handler of the CA client: Cmdb's client certificate for the CA's auth.conf, and
/// the Puppet CA bundle as the only trusted roots (Puppet's private CA is never in the OS store).
/// The host name is still checked, so BaseUrl must use a name from the server's dns_alt_names.
/// </summary>
internal static class PuppetCaTls
{
    public static SocketsHttpHandler CreateHandler(PuppetCaOptions options)
    {
        var clientCertificate = LoadClientCertificate(options.ClientCertificatePath!, options.ClientKeyPath!);
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            // Puppet certificates name no CRL distribution point; the CA's CRL is not fetchable by URL.
            RevocationMode = X509RevocationMode.NoCheck,
        };
        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPemFile(options.CaCertificatePath!);
        var roots = bundle.Where(IsSelfSigned).ToArray();
        policy.CustomTrustStore.AddRange(roots.Length > 0 ? roots : bundle.ToArray());
        // Puppet 7 signs with an intermediate CA; the server may not send it with its certificate.
        policy.ExtraStore.AddRange(bundle.Where(c => !IsSelfSigned(c)).ToArray());

        return new SocketsHttpHandler
        {
            SslOptions = new SslClientAuthenticationOptions
            {
                CertificateChainPolicy = policy,
                // Offered whatever acceptable issuers the server lists: the CA decides, and says why in a 403.
                LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate,
            },
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
    }

    private static X509Certificate2 LoadClientCertificate(string certificatePath, string keyPath)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        // A PEM key is ephemeral; Windows' TLS stack cannot use such a key for client authentication,
        // so it is re-imported through PKCS#12 (harmless on Linux).
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), password: null);
    }

    private static bool IsSelfSigned(X509Certificate2 certificate) =>
        certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData);
}
