using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using MySqlConnector;

namespace Cmdb.Bench;

/// <summary>
/// Request latency of the same endpoints on two copies of the built service, one with the audit
/// middleware and one without, requests interleaved so both see the same machine at the same time.
/// </summary>
internal static class AuditOverhead
{
    private const int Warmup = 500;

    public static async Task RunAsync(string server, string serverVersion, int requests)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "Api", "bin", "Release", "net10.0", "Cmdb.Api.dll");
        if (!File.Exists(dll))
            throw new FileNotFoundException("Build src/Api in Release first (bench/run.sh does).", dll);

        await using var audited = await ServiceProcess.StartAsync(dll, server, serverVersion, "audited", auditEnabled: true);
        await using var plain = await ServiceProcess.StartAsync(dll, server, serverVersion, "plain", auditEnabled: false);

        Console.WriteLine($"## Audit middleware overhead, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine();
        Console.WriteLine($"{requests} requests per endpoint and service after {Warmup} warm-up requests, interleaved; latency seen by the client");
        Console.WriteLine();
        Console.WriteLine("| endpoint | median without audit (ms) | median with audit (ms) | median overhead (ms) | p95 without | p95 with | target | met |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var path in new[] { "/api/auth/dev-users", "/api/notifications?pageSize=20" })
        {
            var (without, with) = await MeasureAsync(plain.Client, audited.Client, path, requests);
            var overhead = Median(with) - Median(without);
            Console.WriteLine($"| GET {path} | {Median(without):0.000} | {Median(with):0.000} | {overhead:0.000} | {Percentile(without, 95):0.000} | {Percentile(with, 95):0.000} | ≤ 0.5 | {(overhead <= 0.5 ? "yes" : "**no**")} |");
        }
    }

    private static async Task<(double[] Without, double[] With)> MeasureAsync(HttpClient plain, HttpClient audited, string path, int requests)
    {
        for (var i = 0; i < Warmup; i++)
        {
            await Time(plain, path);
            await Time(audited, path);
        }
        var without = new double[requests];
        var with = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            // Alternate which goes first so neither always meets a warmer cache.
            if (i % 2 == 0)
            {
                without[i] = await Time(plain, path);
                with[i] = await Time(audited, path);
            }
            else
            {
                with[i] = await Time(audited, path);
                without[i] = await Time(plain, path);
            }
        }
        Array.Sort(without);
        Array.Sort(with);
        return (without, with);
    }

    private static async Task<double> Time(HttpClient client, string path)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Median(double[] sorted) => Percentile(sorted, 50);

    private static double Percentile(double[] sorted, double p) => Measurements.Percentile(sorted, p);

    private sealed class ServiceProcess : IAsyncDisposable
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

        public static async Task<ServiceProcess> StartAsync(string dll, string server, string serverVersion, string name, bool auditEnabled)
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
            return new ServiceProcess(process, folder, client);
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
}
