using Cmdb.Domain.Common;
using Cmdb.Integrations.PuppetCa;
using Cmdb.TestSupport.Servers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Cmdb.Integrations.Tests.PuppetCa;

/// <summary>The CA client against a real Puppet Server 7 CA, checked with the CA's own <c>puppetserver ca list</c>.</summary>
[Collection(PuppetServerCollection.Name)]
public sealed class PuppetCaCertificateAuthorityTests(PuppetServerFixture server, ITestOutputHelper output)
{
    // Unique per test run: a kept server folder must not trip over names of an earlier run.
    private static readonly string Run = Guid.NewGuid().ToString("N")[..6];

    private static string Agent(int store) => $"store-{store:0000}-pos-{Run}.example.test";

    private ServiceProvider Services(string? certificatePath = null, string? keyPath = null, string? caPath = null, string? url = null) =>
        new ServiceCollection().AddLogging().AddPuppetCa(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Integrations:PuppetCa:BaseUrl"] = url ?? server.Url,
            ["Integrations:PuppetCa:ClientCertificatePath"] = certificatePath ?? server.ClientCertificatePath,
            ["Integrations:PuppetCa:ClientKeyPath"] = keyPath ?? server.ClientKeyPath,
            ["Integrations:PuppetCa:CaCertificatePath"] = caPath ?? server.CaCertificatePath,
            ["Integrations:PuppetCa:Retries"] = "0",
        }).Build()).BuildServiceProvider();

    [Fact]
    public async Task Signed_agent_certificates_are_revoked_and_deleted()
    {
        string[] agents = [Agent(1), Agent(2)];
        await server.Cli.GenerateAsync(agents);
        using var services = Services();
        var ca = services.GetRequiredService<IPuppetCertificateAuthority>();
        Assert.True(await ca.HasCertificateAsync(agents[0], default));

        foreach (var agent in agents)
            Assert.Equal(CertificateRemoval.Deleted, await ca.RemoveCertificateAsync(agent, default));

        var listing = await server.Cli.ListAllAsync();
        Assert.All(agents, agent => Assert.False(listing.Holds(agent), $"{agent} is still listed by the CA"));
        Assert.Contains("cmdb-service", listing.Signed);
        foreach (var agent in agents)
            Assert.False(await ca.HasCertificateAsync(agent, default));
    }

    [Fact]
    public async Task Removing_a_removed_or_unknown_certificate_is_NotFound()
    {
        var agent = Agent(3);
        await server.Cli.GenerateAsync(agent);
        using var services = Services();
        var ca = services.GetRequiredService<IPuppetCertificateAuthority>();

        Assert.Equal(CertificateRemoval.Deleted, await ca.RemoveCertificateAsync(agent, default));
        Assert.Equal(CertificateRemoval.NotFound, await ca.RemoveCertificateAsync(agent, default));
        Assert.Equal(CertificateRemoval.NotFound, await ca.RemoveCertificateAsync($"never-issued-{Run}.example.test", default));
    }

    [Fact]
    public async Task A_pending_CSR_is_deleted_without_revoking()
    {
        var agent = Agent(4);
        await server.Cli.SubmitCsrAsync(agent);
        Assert.Contains(agent, (await server.Cli.ListAllAsync()).Requested);
        using var services = Services();
        var ca = services.GetRequiredService<IPuppetCertificateAuthority>();
        Assert.False(await ca.HasCertificateAsync(agent, default));

        Assert.Equal(CertificateRemoval.Deleted, await ca.RemoveCertificateAsync(agent, default));

        Assert.False((await server.Cli.ListAllAsync()).Holds(agent));
    }

    [Fact]
    public async Task A_certificate_revoked_earlier_is_still_deleted()
    {
        var agent = Agent(5);
        await server.Cli.GenerateAsync(agent);
        await server.Cli.RevokeAsync(agent);
        Assert.Contains(agent, (await server.Cli.ListAllAsync()).Revoked);
        using var services = Services();

        Assert.Equal(CertificateRemoval.Deleted, await services.GetRequiredService<IPuppetCertificateAuthority>().RemoveCertificateAsync(agent, default));

        Assert.False((await server.Cli.ListAllAsync()).Holds(agent));
    }

    [Fact]
    public async Task A_client_certificate_without_pp_cli_auth_is_refused_with_the_CAs_403_text()
    {
        var intruder = $"cmdb-intruder-{Run}";
        var victim = Agent(6);
        await server.Cli.GenerateAsync(intruder, victim);
        var ssl = Path.GetDirectoryName(Path.GetDirectoryName(server.ClientCertificatePath))!;
        using var services = Services(Path.Combine(ssl, "certs", intruder + ".pem"), Path.Combine(ssl, "private_keys", intruder + ".pem"));

        var error = await Assert.ThrowsAsync<ExternalSystemException>(() =>
            services.GetRequiredService<IPuppetCertificateAuthority>().RemoveCertificateAsync(victim, default));
        output.WriteLine(error.Message);

        Assert.Equal("Puppet CA", error.System);
        Assert.False(error.Unavailable);
        Assert.Contains("HTTP 403", error.Message);
        Assert.Contains("Forbidden request: /puppet-ca/v1/certificate_status/" + victim, error.Message);
        Assert.Contains(victim, (await server.Cli.ListAllAsync()).Signed);
    }

    [Fact]
    public async Task A_server_outside_the_configured_CA_bundle_is_not_trusted()
    {
        using var otherPki = new TestPki();
        using var services = Services(caPath: otherPki.CaCertificatePath);

        var error = await Assert.ThrowsAsync<ExternalSystemException>(() =>
            services.GetRequiredService<IPuppetCertificateAuthority>().HasCertificateAsync("cmdb-service", default));
        output.WriteLine(error.Message);

        Assert.Equal("Puppet CA", error.System);
        Assert.Contains("TLS handshake failed", error.Message);
        Assert.False(error.Unavailable);
    }

    [Fact]
    public async Task A_host_name_missing_from_the_server_certificate_is_not_accepted()
    {
        using var services = Services(url: server.Url.Replace("localhost", "127.0.0.1"));

        var error = await Assert.ThrowsAsync<ExternalSystemException>(() =>
            services.GetRequiredService<IPuppetCertificateAuthority>().HasCertificateAsync("cmdb-service", default));
        output.WriteLine(error.Message);

        Assert.Contains("TLS handshake failed", error.Message);
        Assert.Contains("RemoteCertificateNameMismatch", error.Message);
    }
}
