using System.Diagnostics;
using Cmdb.Domain;
using Cmdb.Domain.Clusters;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Bench;

/// <summary>
/// Latency of the cluster list (utilisation computed per request) and of the placement proposal,
/// on the built service over MariaDB with 200 clusters and 20,000 stores.
/// </summary>
internal static class ClusterQueries
{
    private const int Clusters = 200;
    private const int Stores = 20_000;
    private const int Warmup = 100;

    public static async Task RunAsync(string server, string serverVersion, int requests)
    {
        await using var service = await ServiceProcess.StartAsync(ServiceProcess.BuiltServiceDll(), server, serverVersion, "clusters", auditEnabled: true);
        await SeedAsync(service.ConnectionString, serverVersion);
        var placementStores = string.Join(',', Enumerable.Range(1, 50).Select(i => $"S{i * 397 % Stores + 1:D4}"));

        Console.WriteLine($"## Cluster queries, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine();
        Console.WriteLine($"{Clusters} clusters, {Stores} stores; {requests} requests each after {Warmup} warm-up, one at a time; latency seen by the client");
        Console.WriteLine();
        Console.WriteLine("| request | median (ms) | p95 (ms) | p99 (ms) | target p95 | met |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var (label, path, target) in new[]
        {
            ("GET /api/clusters (20 per page, utilisation computed)", "/api/clusters?pageSize=20", 20.0),
            ("GET /api/clusters?env=prod&pageSize=200", "/api/clusters?env=prod&pageSize=200", 20.0),
            ("GET /api/stores/placement (50 stores)", $"/api/stores/placement?stores={placementStores}", 50.0),
        })
        {
            var times = await MeasureAsync(service.Client, path, requests);
            var p95 = Measurements.Percentile(times, 95);
            Console.WriteLine($"| {label} | {Measurements.Percentile(times, 50):0.00} | {p95:0.00} | {Measurements.Percentile(times, 99):0.00} | ≤ {target:0} | {(p95 <= target ? "yes" : "**no**")} |");
        }
    }

    private static async Task SeedAsync(string connectionString, string serverVersion)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "MySql", ["Database:ServerVersion"] = serverVersion, ["ConnectionStrings:Cmdb"] = connectionString,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddDomain(configuration).BuildServiceProvider();
        await using var db = await services.GetRequiredService<IDbContextFactory<CmdbDbContext>>().CreateDbContextAsync();
        var demo = ClusterGenerator.Generate(Clusters, Stores, DateTime.UtcNow);
        db.Clusters.AddRange(demo.Clusters);
        await db.SaveChangesAsync();
        foreach (var chunk in demo.Stores.Chunk(2000))
        {
            db.Stores.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        await db.Database.ExecuteSqlRawAsync("ANALYZE TABLE stores, clusters, capacity_reservations");
    }

    private static async Task<double[]> MeasureAsync(HttpClient client, string path, int requests)
    {
        for (var i = 0; i < Warmup; i++)
            await TimeAsync(client, path);
        var times = new double[requests];
        for (var i = 0; i < requests; i++)
            times[i] = await TimeAsync(client, path);
        Array.Sort(times);
        return times;
    }

    private static async Task<double> TimeAsync(HttpClient client, string path)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        response.EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }
}
