using System.Diagnostics;
using Cmdb.Domain.Common;
using Cmdb.Integrations.Ldap;
using Cmdb.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Integrations.Tests.Ldap;

/// <summary>The real client facing servers that are down, dropping connections or silent: each a quick, readable failure.</summary>
public sealed class LdapDirectoryFailureTests
{
    private const string Dn = "cn=store-0001-pos-01,ou=hosts,dc=cmdb,dc=test";
    private const string Password = "not-a-real-secret-7f3a";

    private static ServiceProvider Services(string url, params (string Key, string? Value)[] overrides) =>
        LdapServices.Build(LdapServices.Settings(url, "cn=admin,dc=cmdb,dc=test", Password, overrides));

    [Fact]
    public async Task An_unreachable_server_is_unavailable_within_a_few_seconds()
    {
        using var services = Services($"ldap://127.0.0.1:{FreePort.Next()}");
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ExternalSystemException>(
            () => services.GetRequiredService<ILdapDirectory>().ChangeGroupAsync(Dn, "pos-2026", default));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(("LDAP", true), (error.System, error.Unavailable));
        Assert.Contains("unavailable", error.Message);
        Assert.DoesNotContain(Password, error.ToString());
    }

    [Fact]
    public async Task Dropped_connections_are_retried_as_configured_then_reported_unavailable()
    {
        await using var server = FakeLdapServer.DroppingConnections();
        using var services = Services(server.Url, ("Retries", "2"));

        var error = await Assert.ThrowsAsync<ExternalSystemException>(
            () => services.GetRequiredService<ILdapDirectory>().GetGroupAsync(Dn, default));

        Assert.True(error.Unavailable);
        Assert.Equal(3, server.Connections);
    }

    [Fact]
    public async Task A_server_that_never_answers_times_out_as_unavailable()
    {
        await using var server = FakeLdapServer.Silent();
        using var services = Services(server.Url, ("Timeout", "00:00:01"), ("Retries", "0"));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ExternalSystemException>(
            () => services.GetRequiredService<ILdapDirectory>().ChangeGroupAsync(Dn, "pos-2026", default));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
        Assert.Equal(("LDAP", true), (error.System, error.Unavailable));
        Assert.Contains("did not answer", error.Message);
        Assert.DoesNotContain(Password, error.ToString());
    }

    [Fact]
    public async Task Cancellation_stops_the_wait_for_a_silent_server()
    {
        await using var server = FakeLdapServer.Silent();
        using var services = Services(server.Url, ("Timeout", "00:00:30"));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => services.GetRequiredService<ILdapDirectory>().ChangeGroupAsync(Dn, "pos-2026", cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.Equal(1, server.Connections);
    }
}
