using System.Diagnostics;
using Xunit;

namespace Cmdb.TestSupport.Servers;

/// <summary>
/// The real Puppet Server the CA tests share: the one <c>./test.sh</c> started with
/// <c>scripts/puppetserver.sh</c> (the <c>CMDB_TEST_PUPPETCA_*</c> variables), or, outside CI, one
/// started here through the same script for this test run and stopped after it.
/// </summary>
public sealed class PuppetServerFixture : IAsyncLifetime
{
    private static readonly string[] Variables =
        ["CMDB_TEST_PUPPETCA_URL", "CMDB_TEST_PUPPETCA_CERT", "CMDB_TEST_PUPPETCA_KEY", "CMDB_TEST_PUPPETCA_CACERT", "CMDB_TEST_PUPPETCA_CONFIG"];

    private Dictionary<string, string> _values = [];
    private string? _startedIn;

    public string Url => _values["CMDB_TEST_PUPPETCA_URL"];
    public string ClientCertificatePath => _values["CMDB_TEST_PUPPETCA_CERT"];
    public string ClientKeyPath => _values["CMDB_TEST_PUPPETCA_KEY"];
    public string CaCertificatePath => _values["CMDB_TEST_PUPPETCA_CACERT"];
    public string ConfigDirectory => _values["CMDB_TEST_PUPPETCA_CONFIG"];

    /// <summary><c>puppetserver ca</c> against this server's CA.</summary>
    public PuppetCaCli Cli => new(Path.Combine(ConfigDirectory, "puppet.conf"), CaCertificatePath, Url);

    public async Task InitializeAsync()
    {
        var given = Variables.ToDictionary(name => name, name => Environment.GetEnvironmentVariable(name) ?? "");
        if (given.Values.All(value => value.Length > 0))
        {
            _values = given;
            return;
        }
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException(
                $"{string.Join(", ", given.Where(v => v.Value.Length == 0).Select(v => v.Key))} not set under CI=true: ./test.sh must " +
                "`source scripts/puppetserver.sh && puppetserver_start DIR PORT` before the tests.");
        _startedIn = Path.Combine(BuildOutput.RepositoryRoot, ".test-run", "puppet-" + Guid.NewGuid().ToString("N")[..8]);
        _values = await StartAsync(_startedIn, FreePort.Next());
    }

    public async Task DisposeAsync()
    {
        if (_startedIn is null)
            return;
        await RunScriptAsync($"puppetserver_stop '{_startedIn}'");
        // Its keys and certificates are of no use after this run.
        Directory.Delete(_startedIn, recursive: true);
    }

    private static async Task<Dictionary<string, string>> StartAsync(string folder, int port)
    {
        var (exitCode, output) = await RunScriptAsync($"puppetserver_start '{folder}' {port} >&2 && env");
        if (exitCode != 0)
            throw new InvalidOperationException(
                $"No Puppet Server: the CMDB_TEST_PUPPETCA_* variables are not set and starting one with scripts/puppetserver.sh failed " +
                $"(apt-get install -y puppetserver if it is missing):\n{output}");
        return output.Split('\n')
            .Select(line => line.Split('=', 2))
            .Where(pair => pair.Length == 2 && Variables.Contains(pair[0]))
            .ToDictionary(pair => pair[0], pair => pair[1]);
    }

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(string commands)
    {
        var script = Path.Combine(BuildOutput.RepositoryRoot, "scripts", "puppetserver.sh");
        var start = new ProcessStartInfo("bash", ["-c", $"source '{script}' && {commands}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var error = process.StandardError.ReadToEndAsync();
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, process.ExitCode == 0 ? output : await error);
    }
}
