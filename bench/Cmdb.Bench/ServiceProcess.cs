using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MySqlConnector;

namespace Cmdb.Bench;

/// <summary>The built service run as a process on its own MariaDB database, signed in as a requester.</summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private ServiceProcess(Process process, string folder, HttpClient client)
    {
        _process = process;
        _folder = folder;
        Client = client;
    }

    public HttpClient Client { get; }

    /// <summary>The service process's resident memory now (Linux /proc), in bytes.</summary>
    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        return 0;
    }

    /// <summary>The service's own database.</summary>
    public string ConnectionString { get; private init; } = "";

    /// <summary>The built service, next to the benchmark's own build output.</summary>
    public static string BuiltServiceDll()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Api", "bin", "Release", "net10.0", "Cmdb.Api.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build src/Api in Release first (bench/run.sh does).", dll);
    }

    public static async Task<ServiceProcess> StartAsync(string dll, string server, string serverVersion, string name, bool auditEnabled, params string[] extra)
    {
        var database = $"cmdb_bench_{name}_{DateTime.UtcNow:HHmmss}";
        await Sql.ExecuteAsync(server, $"CREATE DATABASE `{database}`");
        var folder = Directory.CreateTempSubdirectory($"cmdb-bench-{name}-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            dll, "--environment", "Development", "--urls", $"http://127.0.0.1:{port}",
            "--Database:Provider=MySql", $"--Database:ServerVersion={serverVersion}",
            $"--ConnectionStrings:Cmdb={new MySqlConnectionStringBuilder(server) { Database = database }.ConnectionString}",
            "--Auth:DevSignIn=true", $"--Audit:Enabled={auditEnabled}", "--Serilog:MinimumLevel:Default=Warning",
            "--Serilog:MinimumLevel:Override:Serilog.AspNetCore.RequestLoggingMiddleware=Warning",
        })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/health/ready")).IsSuccessStatusCode)
                    break;
            }
            catch (HttpRequestException) when (attempt < 300)
            {
            }
            await Task.Delay(200);
        }
        var token = await client.PostAsJsonAsync("/api/auth/dev-token", new { roles = new[] { "requester" } });
        var json = await token.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", json.GetProperty("token").GetString());
        return new ServiceProcess(process, folder, client) { ConnectionString = new MySqlConnectionStringBuilder(server) { Database = database }.ConnectionString };
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }
}
