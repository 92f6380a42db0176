using System.Text.Json;
using Cmdb.Domain.Common;
using Cmdb.Integrations.PuppetCa;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;

namespace Cmdb.Integrations.Tests.PuppetCa;

/// <summary>
/// The CA client's retries and error mapping against a fake speaking the documented
/// certificate_status shapes, over TLS with a client certificate like the real CA.
/// </summary>
public sealed class PuppetCaResilienceTests : IDisposable
{
    private const string Agent = "store-0042-pos.example.test";
    private const string StatusPath = "/puppet-ca/v1/certificate_status/" + Agent;
    private readonly TestPki _pki = new();
    private readonly WireMockServer _ca;

    public PuppetCaResilienceTests() =>
        _ca = WireMockServer.Start(new WireMockServerSettings
        {
            UseSSL = true,
            CertificateSettings = new WireMockCertificateSettings { X509Certificate = _pki.ServerCertificate },
            ClientCertificateMode = ClientCertificateMode.RequireCertificate,
            AcceptAnyClientCertificate = true,
        });

    public void Dispose()
    {
        _ca.Stop();
        _pki.Dispose();
    }

    private ServiceProvider Services(int retries = 2, CapturedLogs? logs = null) =>
        new ServiceCollection().AddLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            if (logs is not null)
                logging.AddProvider(logs);
        }).AddPuppetCa(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Integrations:PuppetCa:BaseUrl"] = $"https://localhost:{_ca.Port}",
            ["Integrations:PuppetCa:ClientCertificatePath"] = _pki.ClientCertificatePath,
            ["Integrations:PuppetCa:ClientKeyPath"] = _pki.ClientKeyPath,
            ["Integrations:PuppetCa:CaCertificatePath"] = _pki.CaCertificatePath,
            ["Integrations:PuppetCa:Retries"] = retries.ToString(),
        }).Build()).BuildServiceProvider();

    private static IRequestBuilder Status(string method) => Request.Create().WithPath(StatusPath).UsingMethod(method);

    private static IResponseBuilder StatusBody(string state) =>
        Response.Create().WithHeader("Content-Type", "application/json").WithBodyAsJson(new
        {
            name = Agent,
            state,
            fingerprint = "30:6E:FC:95",
            fingerprints = new { SHA256 = "30:6E:FC:95", @default = "30:6E:FC:95" },
            dns_alt_names = new[] { "DNS:" + Agent },
            subject_alt_names = new[] { "DNS:" + Agent },
            authorization_extensions = new { },
            serial_number = 7,
            not_before = "2026-11-23T19:34:55UTC",
            not_after = "2031-11-23T19:34:55UTC",
        });

    private static IResponseBuilder Text(int status, string text) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/plain;charset=utf-8").WithBody(text);

    private int Calls(string method) => _ca.LogEntries.Count(e => e.RequestMessage.Method == method);

    [Fact]
    public async Task A_503_on_revoke_is_retried_and_the_removal_succeeds()
    {
        _ca.Given(Status("GET")).RespondWith(StatusBody("signed"));
        _ca.Given(Status("PUT")).InScenario("flaky").WillSetStateTo("recovered").RespondWith(Text(503, "Service Unavailable"));
        _ca.Given(Status("PUT")).InScenario("flaky").WhenStateIs("recovered").RespondWith(Response.Create().WithStatusCode(204));
        _ca.Given(Status("DELETE")).RespondWith(Response.Create().WithStatusCode(204));
        using var services = Services();

        var removal = await services.GetRequiredService<IPuppetCertificateAuthority>().RemoveCertificateAsync(Agent, default);

        Assert.Equal(CertificateRemoval.Deleted, removal);
        Assert.Equal((1, 2, 1), (Calls("GET"), Calls("PUT"), Calls("DELETE")));
        var revoke = _ca.LogEntries.Last(e => e.RequestMessage.Method == "PUT").RequestMessage;
        Assert.Equal("revoked", JsonDocument.Parse(revoke.Body!).RootElement.GetProperty("desired_state").GetString());
        Assert.StartsWith("application/json", revoke.Headers!["Content-Type"].Single());
        Assert.Equal("CN=cmdb-service", revoke.ClientCertificate?.Subject);
    }

    [Fact]
    public async Task A_404_on_delete_is_NotFound()
    {
        _ca.Given(Status("GET")).RespondWith(StatusBody("revoked"));
        _ca.Given(Status("DELETE")).RespondWith(Text(404, "Resource not found."));
        using var services = Services();

        var removal = await services.GetRequiredService<IPuppetCertificateAuthority>().RemoveCertificateAsync(Agent, default);

        Assert.Equal(CertificateRemoval.NotFound, removal);
        Assert.Equal(0, Calls("PUT"));
    }

    [Fact]
    public async Task A_CSR_is_deleted_without_a_revoke()
    {
        _ca.Given(Status("GET")).RespondWith(StatusBody("requested"));
        _ca.Given(Status("DELETE")).RespondWith(Response.Create().WithStatusCode(204));
        using var services = Services();

        Assert.Equal(CertificateRemoval.Deleted, await services.GetRequiredService<IPuppetCertificateAuthority>().RemoveCertificateAsync(Agent, default));
        Assert.Equal((0, 1), (Calls("PUT"), Calls("DELETE")));
    }

    [Fact]
    public async Task A_403_is_not_retried_and_throws_with_the_CAs_text()
    {
        const string forbidden = "Forbidden request: /puppet-ca/v1/certificate_status/" + Agent + " (method :get). Please see the server logs for details.";
        _ca.Given(Status("GET")).RespondWith(Text(403, forbidden));
        using var services = Services(retries: 2);

        var error = await Assert.ThrowsAsync<ExternalSystemException>(() =>
            services.GetRequiredService<IPuppetCertificateAuthority>().RemoveCertificateAsync(Agent, default));

        Assert.Equal("Puppet CA", error.System);
        Assert.False(error.Unavailable);
        Assert.Contains("HTTP 403", error.Message);
        Assert.Contains(forbidden, error.Message);
        Assert.Single(_ca.LogEntries);
    }

    [Fact]
    public async Task A_server_error_that_outlasts_the_retries_is_unavailable()
    {
        _ca.Given(Status("GET")).RespondWith(Text(500, "Internal Server Error: jruby pool exhausted"));
        using var services = Services(retries: 1);

        var error = await Assert.ThrowsAsync<ExternalSystemException>(() =>
            services.GetRequiredService<IPuppetCertificateAuthority>().HasCertificateAsync(Agent, default));

        Assert.True(error.Unavailable);
        Assert.Contains("HTTP 500", error.Message);
        Assert.Contains("jruby pool exhausted", error.Message);
        Assert.Equal(2, Calls("GET"));
    }

    [Fact]
    public async Task An_unreachable_CA_is_unavailable()
    {
        _ca.Stop();
        using var services = Services(retries: 0);

        var error = await Assert.ThrowsAsync<ExternalSystemException>(() =>
            services.GetRequiredService<IPuppetCertificateAuthority>().RemoveCertificateAsync(Agent, default));

        Assert.Equal("Puppet CA", error.System);
        Assert.True(error.Unavailable);
        Assert.Contains("unreachable", error.Message);
    }

    [Fact]
    public async Task An_unknown_certname_has_no_certificate()
    {
        _ca.Given(Status("GET")).RespondWith(Text(404, "Resource not found."));
        using var services = Services();

        Assert.False(await services.GetRequiredService<IPuppetCertificateAuthority>().HasCertificateAsync(Agent, default));
    }

    [Fact]
    public async Task Requests_are_logged_at_Debug_only_and_never_with_key_material()
    {
        _ca.Given(Status("GET")).RespondWith(StatusBody("signed"));
        var logs = new CapturedLogs();
        using var services = Services(logs: logs);

        Assert.True(await services.GetRequiredService<IPuppetCertificateAuthority>().HasCertificateAsync(Agent, default));

        var http = logs.Lines.Where(l => l.Category.StartsWith("System.Net.Http", StringComparison.Ordinal)
            || l.Category.Contains(nameof(PuppetCaRequestLogger), StringComparison.Ordinal)).ToArray();
        var request = Assert.Single(http, l => l.Message.Contains(StatusPath, StringComparison.Ordinal));
        Assert.Equal(LogLevel.Debug, request.Level);
        Assert.All(http, l => Assert.True(l.Level <= LogLevel.Debug, $"{l.Category} logged at {l.Level}: {l.Message}"));
        Assert.DoesNotContain(logs.Lines, l => l.Message.Contains("BEGIN", StringComparison.Ordinal) || l.Message.Contains(_pki.ClientKeyPath, StringComparison.Ordinal));
    }
}
