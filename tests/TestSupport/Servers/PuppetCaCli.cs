using System.Diagnostics;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Cmdb.TestSupport.Servers;

/// <summary>
/// The CA's own tooling (<c>puppetserver ca ... --config puppet.conf</c>) for arranging and checking
/// what the CA holds, independently of the client under test.
/// </summary>
public sealed class PuppetCaCli(string puppetConf, string caCertificatePath, string url)
{
    /// <summary>Agent certificates, signed through the running CA; their keys stay in the test server's ssldir.</summary>
    public Task GenerateAsync(params string[] certnames) =>
        RunAsync("generate", "--certname", string.Join(',', certnames), "--config", puppetConf);

    /// <summary>Revokes without deleting, as an operator (or a removal that stopped half-way) leaves it.</summary>
    public Task RevokeAsync(string certname) => RunAsync("revoke", "--certname", certname, "--config", puppetConf);

    /// <summary>The parsed <c>puppetserver ca list --all --format json</c>.</summary>
    public async Task<CaListing> ListAllAsync()
    {
        using var json = JsonDocument.Parse(await RunAsync("list", "--all", "--format", "json", "--config", puppetConf));
        string[] Names(string state) => json.RootElement.TryGetProperty(state, out var list)
            ? list.EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToArray()
            : [];
        return new CaListing(Names("requested"), Names("signed"), Names("revoked"));
    }

    /// <summary>
    /// Leaves a CSR pending on the CA, as an agent does on its first run. <c>puppetserver ca</c> has no
    /// command for that (generate always signs), so the CSR goes through the API agents use.
    /// </summary>
    public async Task SubmitCsrAsync(string certname)
    {
        using var key = RSA.Create(2048);
        var csr = new CertificateRequest($"CN={certname}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1).CreateSigningRequestPem();
        using var http = new HttpClient(TrustingTheCa()) { BaseAddress = new Uri(url) };
        using var response = await http.PutAsync($"/puppet-ca/v1/certificate_request/{certname}", new StringContent(csr, Encoding.ASCII, "text/plain"));
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"CSR for {certname} refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private SocketsHttpHandler TrustingTheCa()
    {
        var policy = new X509ChainPolicy { TrustMode = X509ChainTrustMode.CustomRootTrust, RevocationMode = X509RevocationMode.NoCheck };
        var bundle = new X509Certificate2Collection();
        bundle.ImportFromPemFile(caCertificatePath);
        policy.CustomTrustStore.AddRange(bundle);
        return new SocketsHttpHandler { SslOptions = new SslClientAuthenticationOptions { CertificateChainPolicy = policy } };
    }

    private static async Task<string> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("puppetserver") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("ca");
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("puppetserver did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"puppetserver ca {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output}\n{await error}");
        return output;
    }
}

public sealed record CaListing(IReadOnlyList<string> Requested, IReadOnlyList<string> Signed, IReadOnlyList<string> Revoked)
{
    public bool Holds(string certname) => Requested.Contains(certname) || Signed.Contains(certname) || Revoked.Contains(certname);
}
