using System.Diagnostics;
using Xunit;

namespace Cmdb.TestSupport.Servers;

/// <summary>
/// The private slapd that <c>scripts/slapd.sh</c> started (<c>slapd_start DIR PORT</c>), found through
/// the variables it exports, and the OpenLDAP command-line tools to set up and check entries
/// independently of the code under test.
/// </summary>
public sealed class TestLdapServer
{
    private static int _hosts;

    private TestLdapServer(string url, string bindDn, string password, string baseDn)
    {
        Url = url;
        BindDn = bindDn;
        Password = password;
        BaseDn = baseDn;
    }

    public string Url { get; }
    public string BindDn { get; }
    public string Password { get; }
    public string BaseDn { get; }
    public string HostsDn => $"ou=hosts,{BaseDn}";

    /// <summary>Fails, never skips, when the server was not started: these tests exist to run against a real directory.</summary>
    public static TestLdapServer FromEnvironment()
    {
        string Require(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set: start the test LDAP server first with `source scripts/slapd.sh && slapd_start $PWD/.test-run/slapd 13389` " +
                "(it exports CMDB_TEST_LDAP_URL, CMDB_TEST_LDAP_BINDDN, CMDB_TEST_LDAP_PASSWORD and CMDB_TEST_LDAP_BASE).");
        return new TestLdapServer(Require("CMDB_TEST_LDAP_URL"), Require("CMDB_TEST_LDAP_BINDDN"), Require("CMDB_TEST_LDAP_PASSWORD"), Require("CMDB_TEST_LDAP_BASE"));
    }

    /// <summary>A synthetic host name no other test uses, such as <c>store-0001-pos-3fa2c1</c>.</summary>
    public static string UniqueHostName() => $"store-{Interlocked.Increment(ref _hosts):0000}-pos-{Guid.NewGuid():N}"[..26];

    /// <summary>Adds a host entry (<c>device</c> + <c>ipHost</c>) with ldapadd and returns its DN.</summary>
    public async Task<string> AddHostAsync(string hostName, string ipAddress, params (string Attribute, string Value)[] attributes)
    {
        var dn = $"cn={hostName},{HostsDn}";
        var ldif = $"dn: {dn}\nobjectClass: device\nobjectClass: ipHost\ncn: {hostName}\nipHostNumber: {ipAddress}\n" +
            string.Concat(attributes.Select(a => $"{a.Attribute}:: {Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(a.Value))}\n"));
        var (exitCode, output) = await RunAsync("ldapadd", ["-x", "-H", Url, "-D", BindDn, "-w", Password], ldif);
        Assert.True(exitCode == 0, $"ldapadd of {dn} failed ({exitCode}): {output}");
        return dn;
    }

    /// <summary>The entry as <c>ldapsearch</c> prints it (base scope), or null when it does not exist.</summary>
    public async Task<LdifEntry?> SearchAsync(string dn, params string[] attributes)
    {
        var (exitCode, output) = await RunAsync("ldapsearch",
            ["-x", "-LLL", "-o", "ldif-wrap=no", "-H", Url, "-D", BindDn, "-w", Password, "-b", dn, "-s", "base", "(objectClass=*)", .. attributes]);
        if (exitCode == 32)
            return null;
        Assert.True(exitCode == 0, $"ldapsearch of {dn} failed ({exitCode}): {output}");
        return Assert.Single(LdifEntry.Parse(output));
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string tool, IEnumerable<string> arguments, string? input = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start: apt-get install -y ldap-utils");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (input is not null)
            await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
