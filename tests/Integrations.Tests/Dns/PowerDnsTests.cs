using Cmdb.Domain.Common;
using Cmdb.Integrations.Dns;
using Cmdb.TestSupport.Servers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Integrations.Tests.Dns;

/// <summary>The PowerDNS client and the resolver against a real PowerDNS authoritative server (scripts/pdns.sh).</summary>
public sealed class PowerDnsTests
{
    private readonly TestPowerDns _pdns = TestPowerDns.FromEnvironment();

    private ServiceProvider Services(Action<Dictionary<string, string?>>? change = null)
    {
        var settings = _pdns.Configuration();
        settings["Integrations:Dns:PowerDns:Retries"] = "1";
        change?.Invoke(settings);
        return new ServiceCollection().AddLogging().AddIntegrations(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
    }

    [Fact]
    public async Task A_record_set_through_the_API_resolves_from_the_name_server()
    {
        using var services = Services();
        var name = _pdns.UniqueName();

        await services.GetRequiredService<IDnsRecords>().SetARecordAsync(name, ["10.61.0.5", "10.61.0.6"], 60, default);

        Assert.Equal(["10.61.0.5", "10.61.0.6"], (await _pdns.ARecordsAsync(name)).Order());
        Assert.Equal(["10.61.0.5", "10.61.0.6"], (await services.GetRequiredService<IDnsResolver>().ResolveAsync(name, default)).Order());
    }

    [Fact]
    public async Task Setting_again_replaces_the_addresses_and_deleting_leaves_nothing_to_resolve()
    {
        using var services = Services();
        var records = services.GetRequiredService<IDnsRecords>();
        var name = _pdns.UniqueName();
        await records.SetARecordAsync(name, ["10.62.0.1"], 60, default);
        await records.SetARecordAsync(name, ["10.62.0.2"], 60, default);
        Assert.Equal(["10.62.0.2"], await _pdns.ARecordsAsync(name));

        await records.DeleteARecordAsync(name, default);
        await records.DeleteARecordAsync(name, default);

        Assert.Empty(await _pdns.ARecordsAsync(name));
        Assert.Empty(await services.GetRequiredService<IDnsResolver>().ResolveAsync(name, default));
    }

    [Fact]
    public async Task A_name_outside_the_managed_zones_is_refused_naming_them()
    {
        using var services = Services();
        var ex = await Assert.ThrowsAsync<ExternalSystemException>(() => services.GetRequiredService<IDnsRecords>().SetARecordAsync("a.other.example.test", ["10.0.0.1"], 60, default));
        Assert.Contains($"none of the zones this service manages ({_pdns.Zone})", ex.Message);
    }

    [Fact]
    public async Task A_wrong_API_key_is_refused_readably_and_the_key_is_not_in_the_message()
    {
        using var services = Services(s => s["Integrations:Dns:PowerDns:ApiKey"] = "not-the-key");
        var ex = await Assert.ThrowsAsync<ExternalSystemException>(() => services.GetRequiredService<IDnsRecords>().SetARecordAsync(_pdns.UniqueName(), ["10.0.0.1"], 60, default));
        Assert.Contains("HTTP 401", ex.Message);
        Assert.DoesNotContain("not-the-key", ex.Message);
        Assert.False(ex.Unavailable);
    }

    [Fact]
    public async Task A_name_server_that_does_not_answer_is_unavailable()
    {
        using var services = Services(s =>
        {
            s["Integrations:Dns:NameServer"] = "127.0.0.1:9";
            s["Integrations:Dns:ResolveTimeout"] = "00:00:00.300";
        });
        var ex = await Assert.ThrowsAsync<ExternalSystemException>(() => services.GetRequiredService<IDnsResolver>().ResolveAsync(_pdns.UniqueName(), default));
        Assert.True(ex.Unavailable);
    }
}
