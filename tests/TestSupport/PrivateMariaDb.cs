using System.Diagnostics;
using MySqlConnector;

namespace Cmdb.TestSupport;

/// <summary>
/// A MariaDB server of the test's own (data folder, port, process), for tests that must stop and
/// start the database, and as the fallback when no shared instance was given.
/// </summary>
public sealed class PrivateMariaDb : IAsyncDisposable
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);
    private readonly string _folder;
    private readonly string _password = Guid.NewGuid().ToString("N");
    private Process? _process;

    private PrivateMariaDb(string folder, int port)
    {
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"Server=127.0.0.1;Port={Port};User ID=cmdb;Password={_password};Connection Timeout=3";

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<PrivateMariaDb> StartNewAsync()
    {
        RequireBinaries();
        var folder = Path.Combine(Path.GetTempPath(), "cmdb-mariadb-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var server = new PrivateMariaDb(folder, FreePort.Next());
        Directory.CreateDirectory(Path.Combine(folder, "tmp"));
        // Bootstrap servers sharing /tmp trip over each other's temporary tables: each gets its own.
        await InstallLock.WaitAsync();
        try
        {
            await Run("mariadb-install-db", $"--datadir={folder}/data --tmpdir={folder}/tmp --user=root --auth-root-authentication-method=normal --skip-test-db");
        }
        finally
        {
            InstallLock.Release();
        }
        await server.StartAsync();
        await Run("mariadb", $"--socket={folder}/s.sock -uroot -e \"" +
            $"CREATE USER 'cmdb'@'localhost' IDENTIFIED BY '{server._password}'; " +
            $"CREATE USER 'cmdb'@'127.0.0.1' IDENTIFIED BY '{server._password}'; " +
            "GRANT ALL PRIVILEGES ON *.* TO 'cmdb'@'localhost'; GRANT ALL PRIVILEGES ON *.* TO 'cmdb'@'127.0.0.1'; FLUSH PRIVILEGES;\"");
        return server;
    }

    public async Task StartAsync()
    {
        if (IsRunning)
            return;
        _process = Process.Start(new ProcessStartInfo("mariadbd",
            $"--no-defaults --datadir={_folder}/data --tmpdir={_folder}/tmp --socket={_folder}/s.sock --port={Port} --bind-address=127.0.0.1 " +
            $"--user=root --skip-log-bin --log-error={_folder}/error.log --innodb-buffer-pool-size=64M")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("mariadbd did not start");
        await Eventually.Until(async () => await Ping(), TimeSpan.FromSeconds(30), $"MariaDB in {_folder} answers");
    }

    /// <summary>Stops the server hard, as an outage would: clients see their connections drop.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
            return;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        _process = null;
        MySqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task<bool> Ping()
    {
        if (_process is null || _process.HasExited)
            throw new InvalidOperationException($"mariadbd exited: {ReadErrorLog()}");
        var ping = Process.Start(new ProcessStartInfo("mariadb-admin", $"--socket={_folder}/s.sock ping")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        await ping.WaitForExitAsync();
        return ping.ExitCode == 0;
    }

    private string ReadErrorLog()
    {
        var log = Path.Combine(_folder, "error.log");
        return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(10)) : "(no log)";
    }

    private static void RequireBinaries()
    {
        foreach (var tool in new[] { "mariadbd", "mariadb-install-db", "mariadb-admin", "mariadb" })
        {
            if (!ExecutableOnPath(tool))
                throw new InvalidOperationException($"{tool} is not installed: run ./test.sh (it installs mariadb-server) or apt-get install -y mariadb-server.");
        }
    }

    private static bool ExecutableOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, name)));

    private static async Task Run(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", $"{file} {arguments}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await error}");
    }
}
