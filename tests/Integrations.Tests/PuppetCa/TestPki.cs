using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Cmdb.Integrations.Tests.PuppetCa;

/// <summary>
/// A throwaway CA with a server certificate for <c>localhost</c> and a client certificate, written
/// as PEM files like Puppet's, so that the fake CA speaks TLS the way the real one does.
/// </summary>
public sealed class TestPki : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cmdb-pki-" + Guid.NewGuid().ToString("N")[..8]);

    public TestPki()
    {
        Directory.CreateDirectory(_folder);
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=Cmdb Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        File.WriteAllText(CaCertificatePath, ca.ExportCertificatePem());

        ServerCertificate = Issue(ca, "localhost", serverAuth: true, out _);
        using var client = Issue(ca, "cmdb-service", serverAuth: false, out var clientKeyPem);
        File.WriteAllText(ClientCertificatePath, client.ExportCertificatePem());
        File.WriteAllText(ClientKeyPath, clientKeyPem);
    }

    public string CaCertificatePath => Path.Combine(_folder, "ca.pem");

    public string ClientCertificatePath => Path.Combine(_folder, "cmdb-service.pem");

    public string ClientKeyPath => Path.Combine(_folder, "cmdb-service.key");

    /// <summary>With its private key, for the fake server.</summary>
    public X509Certificate2 ServerCertificate { get; }

    public void Dispose()
    {
        ServerCertificate.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static X509Certificate2 Issue(X509Certificate2 ca, string name, bool serverAuth, out string keyPem)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(name);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        using var signed = request.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(29), RandomNumberGenerator.GetBytes(8));
        keyPem = key.ExportRSAPrivateKeyPem();
        using var withKey = signed.CopyWithPrivateKey(key);
        // Kestrel needs a key it can use for TLS, which an in-memory key copied onto a certificate is not everywhere.
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), password: null);
    }
}
