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
        var dll = ServiceProcess.BuiltServiceDll();

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
}
