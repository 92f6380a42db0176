using System.Diagnostics;
using System.Net.Http.Json;
using Cmdb.Domain.Inventory.Demo;
using Cmdb.Domain.Pricing;
using Cmdb.Domain.Pricing.Catalog;

namespace Cmdb.Bench;

/// <summary>
/// Pricing through the built service (MariaDB, audit on): a one-item estimate from the sample
/// price book, a 1,000-item estimate, and the inventory cost report over a generated inventory
/// (default 200,000 resources) grouped by project, owner and cloud; plus the one-item estimate
/// in process (resolve + price, no HTTP) to show where the time goes.
/// </summary>
internal static class PricingQueries
{
    private const int Warmup = 30;

    public static async Task RunAsync(string server, string serverVersion, int size, int requests)
    {
        await using var service = await ServiceProcess.StartAsync(ServiceProcess.BuiltServiceDll(), server, serverVersion, "pricing", auditEnabled: true);
        for (var i = 0; i < 300 && await CountAsync(service.ConnectionString, "SELECT COUNT(*) FROM price_book_entries") == 0; i++)
            await Task.Delay(200);
        var load = Stopwatch.StartNew();
        var rows = await BulkLoad.LoadAsync(service.ConnectionString, new GeneratedInventoryConnector(size, seed: 1));
        load.Stop();
        await Sql.ExecuteAsync(service.ConnectionString,
            "INSERT INTO pricing_strategies (resource_type, env, host_env, cloud, unit, unit_price, note, updated_at, updated_by) VALUES " +
            "('cpu', '*', '*', 'idc', 'CORE', 30, 'bench', NOW(), 'bench'), ('memory', '*', '*', 'idc', 'GB', 10, 'bench', NOW(), 'bench'), " +
            "('disk', '*', '*', 'idc', 'GB', 0.3, 'bench', NOW(), 'bench'), ('server', '*', '*', 'idc', 'UNIT', 800, 'bench', NOW(), 'bench')");
        await Sql.ExecuteAsync(service.ConnectionString, "ANALYZE TABLE inventory_resources, inventory_relations, price_book_entries");

        Console.WriteLine($"## Pricing, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine();
        Console.WriteLine($"{rows.Resources:N0} generated resources, {rows.Relations:N0} relations (bulk load {load.Elapsed.TotalSeconds:0} s); sample price book; " +
                          "service latency seen by the client, one request at a time after warm-up");
        Console.WriteLine();
        Console.WriteLine("| request | runs | median (ms) | p95 (ms) | target | met |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");

        Row("floor: GET /health/live (no sign-in, no audit)", await TimeAsync(requests, () => GetAsync(service, "/health/live")), 2, p95: true);
        Row("floor: GET /api/me (sign-in, not audited)", await TimeAsync(requests, () => GetAsync(service, "/api/me")), 2, p95: true);
        var one = new { items = new[] { ServerItem(0) } };
        Row("POST /api/pricing/estimate, 1 item (server, 2 disks, bandwidth)", await TimeAsync(requests, () => PostAsync(service, one)), 2, p95: true);
        var thousand = new { items = Enumerable.Range(0, 1000).Select(ServerItem).ToArray() };
        Row("POST /api/pricing/estimate, 1,000 items", await TimeAsync(Math.Max(20, requests / 10), () => PostAsync(service, thousand)), 100, p95: true);
        var compare = new { items = Enumerable.Range(0, 1000).Select(ServerItem).ToArray(), compare = true };
        Row("POST /api/pricing/estimate?compare=true, 1,000 items", await TimeAsync(Math.Max(20, requests / 10), () => PostAsync(service, compare)), 300, p95: true);
        foreach (var groupBy in CostReportSql.GroupBys)
        {
            Row($"GET /api/pricing/report?groupBy={groupBy} ({rows.Resources:N0} resources)", await TimeAsync(5, () => GetAsync(service, $"/api/pricing/report?groupBy={groupBy}"), warmup: 1),
                2000, p95: false);
            long groups = 0;
            var raw = await TimeAsync(5, async () => groups = await RowsAsync(service.ConnectionString, CostReportSql.Build(groupBy, mySql: true)), warmup: 1);
            Row($"  its SQL alone ({groups:N0} rows)", raw, 2000, p95: false);
        }

        await using (var quiet = await ServiceProcess.StartAsync(ServiceProcess.BuiltServiceDll(), server, serverVersion, "pricing_noaudit", auditEnabled: false))
        {
            for (var i = 0; i < 300 && await CountAsync(quiet.ConnectionString, "SELECT COUNT(*) FROM price_book_entries") == 0; i++)
                await Task.Delay(200);
            Row("audit off: POST /api/pricing/estimate, 1 item", await TimeAsync(requests, () => PostAsync(quiet, one)), 2, p95: true);
            Row("audit off: POST /api/pricing/estimate, 1,000 items", await TimeAsync(Math.Max(20, requests / 10), () => PostAsync(quiet, thousand)), 100, p95: true);
        }
        InProcess(requests * 10);
    }

    /// <summary>The one-item estimate without HTTP, database or audit: what the domain code costs.</summary>
    private static void InProcess(int runs)
    {
        var catalog = PricingCatalog.Embedded;
        var resolver = new ItemResolver(catalog);
        var estimator = new PriceEstimator(new NotConfiguredLivePriceProvider(), TencentPriceRules.Published);
        var book = new PriceBook(SamplePriceBook.Generate(catalog, DateTime.UtcNow));
        var item = new EstimateItem("alibaba", "server", "cn-shanghai", new EstimateParameters
        {
            Spec = "ecs.g7.xlarge", SystemDisk = new("cloud_essd", 40), DataDisks = [new("cloud_essd", 200), new("cloud_auto", 500)], BandwidthMbps = 5,
        });
        var times = new double[runs];
        for (var i = -Warmup; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var resolved = resolver.Resolve(item).Item!;
            _ = estimator.EstimateAsync(0, resolved, book, StrategyBook.Empty, CancellationToken.None).GetAwaiter().GetResult();
            if (i >= 0)
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine($"| one-item estimate in process (resolve + price, no HTTP) | {runs} | {Measurements.Percentile(times, 50):0.000} | {Measurements.Percentile(times, 95):0.000} | — | — |");

        // 1,000 items as the endpoint handles them: deserialise, resolve twice (validator, handler), price, serialise the answer.
        var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        var body = System.Text.Json.JsonSerializer.Serialize(new { items = Enumerable.Range(0, 1000).Select(ServerItem).ToArray() }, json);
        var thousand = new double[Math.Max(20, runs / 100)];
        for (var i = -Warmup; i < thousand.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var request = System.Text.Json.JsonSerializer.Deserialize<Request>(body, json)!;
            foreach (var it in request.Items)
                _ = resolver.Resolve(it).Problems;
            var estimates = request.Items.Select((it, n) => estimator.EstimateAsync(n, resolver.Resolve(it).Item!, book, StrategyBook.Empty, CancellationToken.None).GetAwaiter().GetResult()).ToList();
            _ = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(PriceEstimator.Total(estimates, null), json);
            if (i >= 0)
                thousand[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(thousand);
        Console.WriteLine($"| 1,000-item estimate in process (JSON in, validate, price, JSON out; no HTTP, no audit) | {thousand.Length} | " +
                          $"{Measurements.Percentile(thousand, 50):0.00} | {Measurements.Percentile(thousand, 95):0.00} | — | — |");
    }

    private sealed record Request(List<EstimateItem> Items);

    private static object ServerItem(int i)
    {
        var specs = new[] { "ecs.g7.xlarge", "ecs.c7.large", "ecs.r7.2xlarge", "ecs.g6.large" };
        return new
        {
            vendor = "alibaba", kind = "server", region = i % 2 == 0 ? "cn-shanghai" : "cn-hongkong", quantity = 1 + i % 5,
            parameters = new { spec = specs[i % specs.Length], systemDisk = new { type = "cloud_essd", size = 40 }, dataDisks = new[] { new { type = "cloud_essd", size = 100 + 10 * (i % 50) } }, bandwidthMbps = i % 3 },
        };
    }

    private static void Row(string label, double[] times, double target, bool p95)
    {
        var measured = p95 ? Measurements.Percentile(times, 95) : times[^1];
        Console.WriteLine($"| {label} | {times.Length} | {Measurements.Percentile(times, 50):0.00} | {Measurements.Percentile(times, 95):0.00} | " +
                          $"{(p95 ? "p95" : "slowest")} ≤ {target:N0} | {(measured <= target ? "yes" : "**no**")} |");
    }

    private static async Task PostAsync(ServiceProcess service, object body)
    {
        using var response = await service.Client.PostAsJsonAsync("/api/pricing/estimate", body);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task GetAsync(ServiceProcess service, string path)
    {
        using var response = await service.Client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnector.MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlConnector.MySqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    private static async Task<long> RowsAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnector.MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlConnector.MySqlCommand(sql, connection) { CommandTimeout = 300 };
        await using var reader = await command.ExecuteReaderAsync();
        long rows = 0;
        while (await reader.ReadAsync())
            rows++;
        return rows;
    }

    private static async Task<double[]> TimeAsync(int runs, Func<Task> call, int warmup = Warmup)
    {
        for (var i = 0; i < warmup; i++)
            await call();
        var times = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }
}
