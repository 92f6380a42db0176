using Cmdb.Domain;
using Cmdb.Integrations.PuppetCa;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Cmdb.Integrations.Tests.PuppetCa;

/// <summary>Which CA Cmdb talks to is decided by <c>Integrations:PuppetCa:BaseUrl</c> alone.</summary>
public sealed class PuppetCaRegistrationTests : IDisposable
{
    private readonly TestPki _pki = new();

    public void Dispose() => _pki.Dispose();

    private static IConfiguration Config(Dictionary<string, string?> settings)
    {
        settings["ConnectionStrings:Cmdb"] = "Data Source=:memory:";
        return new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var config = Config(settings);
        return new ServiceCollection().AddLogging().AddDomain(config).AddPuppetCa(config).BuildServiceProvider();
    }

    private static IHost Host(Dictionary<string, string?> settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddPuppetCa(Config(settings));
        return builder.Build();
    }

    [Fact]
    public void Without_a_BaseUrl_the_local_stand_in_is_used()
    {
        using var services = Services([]);
        Assert.IsType<LocalPuppetCertificateAuthority>(services.GetRequiredService<IPuppetCertificateAuthority>());
    }

    [Fact]
    public void With_a_BaseUrl_the_real_CA_is_used()
    {
        using var services = Services(new()
        {
            ["Integrations:PuppetCa:BaseUrl"] = "https://puppet:8140",
            ["Integrations:PuppetCa:ClientCertificatePath"] = _pki.ClientCertificatePath,
            ["Integrations:PuppetCa:ClientKeyPath"] = _pki.ClientKeyPath,
            ["Integrations:PuppetCa:CaCertificatePath"] = _pki.CaCertificatePath,
        });
        Assert.IsType<PuppetCaCertificateAuthority>(services.GetRequiredService<IPuppetCertificateAuthority>());
        Assert.Equal(TimeSpan.FromSeconds(10), services.GetRequiredService<IOptions<PuppetCaOptions>>().Value.AttemptTimeout);
    }

    [Fact]
    public async Task Settings_of_a_switched_off_CA_are_not_checked_at_start()
    {
        using var host = Host(new() { ["Integrations:PuppetCa:Retries"] = "99", ["Integrations:PuppetCa:ClientKeyPath"] = "/nowhere.pem" });
        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task With_a_BaseUrl_a_missing_key_file_stops_start_up_without_naming_its_path()
    {
        const string secretPath = "/run/secrets/puppet/cmdb-service-key.pem";
        using var host = Host(new()
        {
            ["Integrations:PuppetCa:BaseUrl"] = "https://puppet:8140",
            ["Integrations:PuppetCa:ClientCertificatePath"] = _pki.ClientCertificatePath,
            ["Integrations:PuppetCa:ClientKeyPath"] = secretPath,
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Integrations:PuppetCa:ClientKeyPath", error.Message);
        Assert.Contains("Integrations:PuppetCa:CaCertificatePath is required", error.Message);
        Assert.DoesNotContain(secretPath, error.Message);
    }
}
