using System.Diagnostics;
using Cmdb.Domain.Common;
using Cmdb.Integrations.Ldap;
using Cmdb.TestSupport.Servers;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Integrations.Tests.Ldap;

/// <summary>
/// The real client against the private slapd of <c>scripts/slapd.sh</c>: entries are made with
/// ldapadd and checked with ldapsearch, so the client is never its own witness.
/// </summary>
public sealed class LdapDirectoryTests
{
    private readonly TestLdapServer _server = TestLdapServer.FromEnvironment();

    [Fact]
    public async Task Changing_the_group_replaces_the_attribute_and_reports_the_previous_value()
    {
        var host = TestLdapServer.UniqueHostName();
        var dn = await _server.AddHostAsync(host, "192.0.2.10", ("ou", "pos-legacy"));
        using var services = LdapServices.Build(LdapServices.Settings(_server));

        var change = await services.GetRequiredService<ILdapDirectory>().ChangeGroupAsync(dn, "pos-2026", default);

        Assert.Equal(new GroupChange(dn, "pos-legacy", "pos-2026", Changed: true), change);
        var entry = await _server.SearchAsync(dn, "ou", "cn", "ipHostNumber");
        Assert.NotNull(entry);
        Assert.Equal(["pos-2026"], entry["ou"]);
        Assert.Equal([host], entry["cn"]);
        Assert.Equal(["192.0.2.10"], entry["ipHostNumber"]);
    }

    [Fact]
    public async Task Changing_to_the_group_it_already_has_reports_no_change_and_leaves_the_entry_as_it_is()
    {
        var dn = await _server.AddHostAsync(TestLdapServer.UniqueHostName(), "192.0.2.11", ("ou", "pos-2026"));
        var before = await _server.SearchAsync(dn, "ou", "entryCSN", "modifyTimestamp");
        using var services = LdapServices.Build(LdapServices.Settings(_server));

        var change = await services.GetRequiredService<ILdapDirectory>().ChangeGroupAsync(dn, "pos-2026", default);

        Assert.Equal(new GroupChange(dn, "pos-2026", "pos-2026", Changed: false), change);
        var after = await _server.SearchAsync(dn, "ou", "entryCSN", "modifyTimestamp");
        Assert.Equal(["pos-2026"], after!["ou"]);
        // entryCSN changes with every write, to the microsecond.
        Assert.Equal(before!["entryCSN"], after["entryCSN"]);
    }

    [Fact]
    public async Task The_current_group_is_read_and_an_entry_without_one_has_none()
    {
        var withGroup = await _server.AddHostAsync(TestLdapServer.UniqueHostName(), "192.0.2.12", ("ou", "kitchen"));
        var withoutGroup = await _server.AddHostAsync(TestLdapServer.UniqueHostName(), "192.0.2.13");
        using var services = LdapServices.Build(LdapServices.Settings(_server));
        var directory = services.GetRequiredService<ILdapDirectory>();

        Assert.Equal("kitchen", await directory.GetGroupAsync(withGroup, default));
        Assert.Null(await directory.GetGroupAsync(withoutGroup, default));

        var change = await directory.ChangeGroupAsync(withoutGroup, "kitchen", default);
        Assert.Equal(new GroupChange(withoutGroup, null, "kitchen", Changed: true), change);
        Assert.Equal(["kitchen"], (await _server.SearchAsync(withoutGroup, "ou"))!["ou"]);
    }

    [Fact]
    public async Task Several_values_are_replaced_by_the_one_group_asked_for()
    {
        var dn = await _server.AddHostAsync(TestLdapServer.UniqueHostName(), "192.0.2.14", ("ou", "pos-2026"), ("ou", "pos-legacy"));
        using var services = LdapServices.Build(LdapServices.Settings(_server));

        var change = await services.GetRequiredService<ILdapDirectory>().ChangeGroupAsync(dn, "pos-2026", default);

        Assert.True(change.Changed);
        Assert.Equal(["pos-2026"], (await _server.SearchAsync(dn, "ou"))!["ou"]);
    }

    [Fact]
    public async Task A_group_name_outside_ASCII_is_stored_as_UTF8()
    {
        var dn = await _server.AddHostAsync(TestLdapServer.UniqueHostName(), "192.0.2.15", ("ou", "收银"));
        using var services = LdapServices.Build(LdapServices.Settings(_server));
        var directory = services.GetRequiredService<ILdapDirectory>();

        Assert.Equal("收银", await directory.GetGroupAsync(dn, default));
        var change = await directory.ChangeGroupAsync(dn, "收银-二期", default);

        Assert.Equal(("收银", true), (change.PreviousGroup, change.Changed));
        Assert.Equal(["收银-二期"], (await _server.SearchAsync(dn, "ou"))!["ou"]);
    }

    [Fact]
    public async Task The_group_attribute_is_configurable()
    {
        var dn = await _server.AddHostAsync(TestLdapServer.UniqueHostName(), "192.0.2.16", ("ou", "stores"), ("description", "pos-legacy"));
        using var services = LdapServices.Build(LdapServices.Settings(_server, ("GroupAttribute", "description")));
        var directory = services.GetRequiredService<ILdapDirectory>();

        Assert.Equal("pos-legacy", await directory.GetGroupAsync(dn, default));
        var change = await directory.ChangeGroupAsync(dn, "pos-2026", default);

        Assert.Equal(new GroupChange(dn, "pos-legacy", "pos-2026", Changed: true), change);
        var entry = await _server.SearchAsync(dn, "description", "ou");
        Assert.Equal(["pos-2026"], entry!["description"]);
        Assert.Equal(["stores"], entry["ou"]);
    }

    [Fact]
    public async Task A_missing_entry_is_an_LDAP_error_naming_the_DN()
    {
        var dn = $"cn={TestLdapServer.UniqueHostName()},{_server.HostsDn}";
        using var services = LdapServices.Build(LdapServices.Settings(_server));
        var directory = services.GetRequiredService<ILdapDirectory>();

        var change = await Assert.ThrowsAsync<ExternalSystemException>(() => directory.ChangeGroupAsync(dn, "pos-2026", default));
        var read = await Assert.ThrowsAsync<ExternalSystemException>(() => directory.GetGroupAsync(dn, default));

        foreach (var error in new[] { change, read })
        {
            Assert.Equal(("LDAP", false), (error.System, error.Unavailable));
            Assert.Equal($"LDAP: entry {dn} does not exist", error.Message);
        }
        Assert.Null(await _server.SearchAsync(dn));
    }

    [Fact]
    public async Task A_wrong_bind_password_is_refused_at_once_without_the_password_in_the_message()
    {
        var dn = await _server.AddHostAsync(TestLdapServer.UniqueHostName(), "192.0.2.17", ("ou", "pos-legacy"));
        var wrongPassword = "wrong-" + Guid.NewGuid().ToString("N");
        await using var counting = FakeLdapServer.ForwardingTo(_server.Url);
        using var services = LdapServices.Build(LdapServices.Settings(counting.Url, _server.BindDn, wrongPassword, ("Retries", "2")));

        var error = await Assert.ThrowsAsync<ExternalSystemException>(
            () => services.GetRequiredService<ILdapDirectory>().ChangeGroupAsync(dn, "pos-2026", default));

        Assert.Equal(("LDAP", false), (error.System, error.Unavailable));
        Assert.Contains(_server.BindDn, error.Message);
        Assert.Contains("credential", error.Message);
        Assert.DoesNotContain(wrongPassword, error.ToString());
        Assert.Equal(1, counting.Connections);
        Assert.Equal(["pos-legacy"], (await _server.SearchAsync(dn, "ou"))!["ou"]);
    }

    [Fact]
    public async Task A_search_the_server_never_answers_times_out_as_unavailable()
    {
        var dn = await _server.AddHostAsync(TestLdapServer.UniqueHostName(), "192.0.2.18", ("ou", "pos-legacy"));
        await using var stalling = FakeLdapServer.AnsweringOnlyTheBind(_server.Url);
        using var services = LdapServices.Build(LdapServices.Settings(stalling.Url, _server.BindDn, _server.Password, ("Timeout", "00:00:01"), ("Retries", "1")));
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ExternalSystemException>(
            () => services.GetRequiredService<ILdapDirectory>().ChangeGroupAsync(dn, "pos-2026", default));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(("LDAP", true), (error.System, error.Unavailable));
        Assert.Contains($"read of {dn}", error.Message);
        Assert.Equal(2, stalling.Connections);
        Assert.DoesNotContain(_server.Password, error.ToString());
        Assert.Equal(["pos-legacy"], (await _server.SearchAsync(dn, "ou"))!["ou"]);
    }

    [Fact]
    public async Task Cancellation_stops_the_wait_for_a_search_the_server_never_answers()
    {
        var dn = await _server.AddHostAsync(TestLdapServer.UniqueHostName(), "192.0.2.19", ("ou", "pos-legacy"));
        await using var stalling = FakeLdapServer.AnsweringOnlyTheBind(_server.Url);
        using var services = LdapServices.Build(LdapServices.Settings(stalling.Url, _server.BindDn, _server.Password, ("Timeout", "00:00:30")));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => services.GetRequiredService<ILdapDirectory>().ChangeGroupAsync(dn, "pos-2026", cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
        Assert.Equal(1, stalling.Connections);
    }

    [Fact]
    public async Task An_attempt_given_up_on_writes_nothing_when_its_late_answer_arrives()
    {
        var dn = await _server.AddHostAsync(TestLdapServer.UniqueHostName(), "192.0.2.20", ("ou", "pos-legacy"));
        // Bind answered at 0.6 s, read at 1.2 s: each within the client's own 1 s request timeout,
        // but together past the attempt's 1 s deadline, so the read's answer reaches an abandoned attempt.
        await using var slow = FakeLdapServer.DelayingAnswers(_server.Url, TimeSpan.FromMilliseconds(600), TimeSpan.FromMilliseconds(600));
        using var services = LdapServices.Build(LdapServices.Settings(slow.Url, _server.BindDn, _server.Password, ("Timeout", "00:00:01"), ("Retries", "0")));

        var error = await Assert.ThrowsAsync<ExternalSystemException>(
            () => services.GetRequiredService<ILdapDirectory>().ChangeGroupAsync(dn, "pos-2026", default));
        Assert.True(error.Unavailable);

        // Give a write by the abandoned attempt time to happen (it would be answered after a further 0.6 s).
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(["pos-legacy"], (await _server.SearchAsync(dn, "ou"))!["ou"]);
    }
}
