using System.Data;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Cmdb.Domain;
using Cmdb.Domain.Inventory;
using Cmdb.Domain.Inventory.Demo;
using Cmdb.Domain.Inventory.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;

namespace Cmdb.Bench;

/// <summary>
/// The inventory on MariaDB at scale (default 1,000,000 generated resources, ~3 IP rows each):
/// IP search, a filtered fuzzy list, options, a 200,000-row CSV export through the built service,
/// each next to the raw SQL doing the same lookup; and a sync applying 100,000 changes.
/// </summary>
internal static class InventoryQueries
{
    private const int Warmup = 30;

    public static async Task RunAsync(string server, string serverVersion, int size, int requests)
    {
        await using var service = await ServiceProcess.StartAsync(ServiceProcess.BuiltServiceDll(), server, serverVersion, "inventory", auditEnabled: true);
        var load = Stopwatch.StartNew();
        var rows = await BulkLoad.LoadAsync(service.ConnectionString, new GeneratedInventoryConnector(size, seed: 1));
        load.Stop();
        await using var connection = new MySqlConnection(service.ConnectionString);
        await connection.OpenAsync();
        await Sql.ExecuteAsync(service.ConnectionString, "ANALYZE TABLE inventory_resources, inventory_ip_index, inventory_subnet_ranges, inventory_relations");

        Console.WriteLine($"## Inventory, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine();
        Console.WriteLine($"{rows.Resources:N0} resources, {rows.Addresses:N0} IP index rows, {rows.Relations:N0} relations (bulk load {load.Elapsed.TotalSeconds:0} s); " +
                          $"{requests} requests each after {Warmup} warm-up, one at a time; service latency seen by the client, raw SQL on one open connection");
        Console.WriteLine();
        Console.WriteLine("| request | median (ms) | p95 (ms) | raw SQL median (ms) | raw SQL p95 (ms) | target p95 | met |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");

        var random = new Random(7);
        var addresses = await SampleAddressesAsync(connection, 2000);
        var searches = Enumerable.Range(0, requests + Warmup).Select(_ => Enumerable.Range(0, 10).Select(_ => addresses[random.Next(addresses.Count)]).ToArray()).ToList();
        var i = 0;
        var api = await TimeAsync(requests, async () =>
        {
            using var response = await service.Client.PostAsJsonAsync("/api/inventory/ip-search", new { ips = searches[i++ % searches.Count] });
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        });
        var j = 0;
        var raw = await TimeAsync(requests, () => RawIpSearchAsync(connection, searches[j++ % searches.Count]));
        Row("POST /api/inventory/ip-search (10 IPs)", api, raw, 10);
        // The same endpoint with one entry that does not parse: no database work, so what remains is the floor of
        // HTTP, sign-in, validation, Mediator and the audit record on this machine.
        var floor = await TimeAsync(requests, async () =>
        {
            using var response = await service.Client.PostAsJsonAsync("/api/inventory/ip-search", new { ips = new[] { "not-an-ip" } });
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync();
        });
        Console.WriteLine($"| POST /api/inventory/ip-search (1 invalid entry: the floor without database work) | {Measurements.Percentile(floor, 50):0.00} | " +
                          $"{Measurements.Percentile(floor, 95):0.00} | | | | |");

        const string list = "/api/inventory/vm?cloud=Alibaba%20Cloud&env=prod&name:like=pos&pageSize=50&count=false";
        api = await TimeAsync(requests, () => GetAsync(service.Client, list));
        raw = await TimeAsync(requests, () => ScalarsAsync(connection,
            "SET STATEMENT optimizer_switch='index_merge_intersection=off' FOR SELECT r.id, r.name, r.attributes_json FROM inventory_resources r WHERE r.type = 'vm' AND r.cloud = 'Alibaba Cloud' AND r.env = 'prod' " +
            "AND LOWER(r.name) LIKE '%pos%' ORDER BY r.id DESC LIMIT 51"));
        Row("GET /api/inventory/vm (cloud, env, name:like, 50 rows)", api, raw, 50);

        api = await TimeAsync(requests, () => GetAsync(service.Client, "/api/inventory/vm/options/cloud"));
        raw = await TimeAsync(requests, () => ScalarsAsync(connection,
            "SELECT cloud, COUNT(*) c FROM inventory_resources WHERE type = 'vm' GROUP BY cloud ORDER BY c DESC LIMIT 200"));
        Row("GET /api/inventory/vm/options/cloud", api, raw, 50);

        api = await TimeAsync(requests, () => GetAsync(service.Client, "/api/inventory/vm/options/status?cloud=Alibaba%20Cloud"));
        raw = await TimeAsync(requests, () => ScalarsAsync(connection,
            "SELECT status, COUNT(*) c FROM inventory_resources WHERE type = 'vm' AND cloud = 'Alibaba Cloud' GROUP BY status ORDER BY c DESC LIMIT 200"));
        Row("GET /api/inventory/vm/options/status?cloud=…", api, raw, 50);

        await ExportAsync(service, connection);
        await SyncAsync(service.ConnectionString, serverVersion, size);
    }

    private static void Row(string label, double[] api, double[] raw, double target)
    {
        var p95 = Measurements.Percentile(api, 95);
        Console.WriteLine($"| {label} | {Measurements.Percentile(api, 50):0.00} | {p95:0.00} | {Measurements.Percentile(raw, 50):0.00} | " +
                          $"{Measurements.Percentile(raw, 95):0.00} | ≤ {target:0} | {(p95 <= target ? "yes" : "**no**")} |");
    }

    /// <summary>Every prod VM (about half of them: ~225,000 at 1,000,000 resources) as CSV; the service's memory sampled while it streams.</summary>
    private static async Task ExportAsync(ServiceProcess service, MySqlConnection connection)
    {
        const string path = "/api/inventory/vm/export?format=csv&env=prod";
        var before = service.ResidentBytes();
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, service.ResidentBytes());
                await Task.Delay(20);
            }
        });
        var watch = Stopwatch.StartNew();
        using var response = await service.Client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(body);
        long lines = -1, bytes = 0;
        while (await reader.ReadLineAsync() is { } line)
        {
            lines++;
            bytes += line.Length;
        }
        watch.Stop();
        await sampling.CancelAsync();
        await sampler;
        var rawWatch = Stopwatch.StartNew();
        long rawRows = 0;
        await using (var command = new MySqlCommand("SELECT * FROM inventory_resources WHERE type = 'vm' AND env = 'prod' ORDER BY id DESC", connection))
        await using (var rawReader = await command.ExecuteReaderAsync())
            while (await rawReader.ReadAsync())
                rawRows++;
        rawWatch.Stop();
        Console.WriteLine();
        Console.WriteLine("| export | rows | time (s) | service peak memory growth (MB) | raw SQL read of the same rows (s) | target (200,000 rows) | met |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- |");
        var growth = (peak - before) / 1024.0 / 1024.0;
        Console.WriteLine($"| GET /api/inventory/vm/export?format=csv&env=prod ({bytes / 1024 / 1024:N0} MB) | {lines:N0} | {watch.Elapsed.TotalSeconds:0.00} | {growth:0} | " +
                          $"{rawWatch.Elapsed.TotalSeconds:0.00} ({rawRows:N0} rows) | ≤ 5 s, < 100 MB | {(watch.Elapsed.TotalSeconds <= 5 && growth < 100 ? "yes" : "**no**")} |");
    }

    /// <summary>100,000 VMs change (cpu doubled) in one sync run, applied in one transaction with journal and IP index.</summary>
    private static async Task SyncAsync(string connectionString, string serverVersion, int size)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "MySql", ["Database:ServerVersion"] = serverVersion, ["ConnectionStrings:Cmdb"] = connectionString,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddDomain(configuration).BuildServiceProvider();
        var syncs = services.GetRequiredService<InventorySyncService>();
        var source = new ChangingConnector(new GeneratedInventoryConnector(size, seed: 1), changes: 100_000);
        var watch = Stopwatch.StartNew();
        var run = await syncs.RunAsync(new SyncRequest("bench", source, ["vm"], [], "manual"), CancellationToken.None);
        watch.Stop();
        Console.WriteLine();
        Console.WriteLine("| sync | changes | status | time (s) | target | met |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        Console.WriteLine($"| vm sync over {source.Seen:N0} VMs, {run.ChangeCount:N0} changed | {run.ChangeCount:N0} | {run.Status} | {watch.Elapsed.TotalSeconds:0.0} | ≤ 60 s | " +
                          $"{(watch.Elapsed.TotalSeconds <= 60 && run.Status == SyncRunStatuses.Applied ? "yes" : "**no**")} |");
    }

    private sealed class ChangingConnector(IInventoryConnector inner, int changes) : IInventoryConnector
    {
        public int Seen { get; private set; }
        public string Name => "bench";

        public async IAsyncEnumerable<IncomingResource> ReadResourcesAsync(string type, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var changed = 0;
            await foreach (var resource in inner.ReadResourcesAsync(type, cancellationToken))
            {
                Seen++;
                if (changed < changes && resource.Attributes?["cpu"] is JsonValue cpu)
                {
                    changed++;
                    var attributes = (JsonObject)resource.Attributes.DeepClone();
                    attributes["cpu"] = cpu.GetValue<int>() * 2;
                    yield return resource with { Attributes = attributes };
                }
                else
                    yield return resource;
            }
        }

        public IAsyncEnumerable<IncomingRelation> ReadRelationsAsync(string kind, CancellationToken cancellationToken) => inner.ReadRelationsAsync(kind, cancellationToken);
    }

    private static async Task<List<string>> SampleAddressesAsync(MySqlConnection connection, int count)
    {
        var list = new List<string>();
        await using var command = new MySqlCommand($"SELECT address FROM inventory_ip_index ORDER BY RAND() LIMIT {count}", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            list.Add(reader.GetString(0));
        return list;
    }

    /// <summary>The same lookup in plain SQL: holders of each key with their resource, and the subnet holding each key.</summary>
    private static async Task RawIpSearchAsync(MySqlConnection connection, string[] ips)
    {
        var keys = string.Join(",", ips.Select(ip => $"'{IpKey.Hex(System.Net.IPAddress.Parse(ip))}'"));
        await ScalarsAsync(connection, $"SELECT i.address, i.role, r.id, r.type, r.name, r.status FROM inventory_ip_index i JOIN inventory_resources r ON r.id = i.resource_id WHERE i.`key` IN ({keys})");
        foreach (var ip in ips)
            await ScalarsAsync(connection, $"SELECT resource_id, cidr FROM inventory_subnet_ranges WHERE start_key <= '{IpKey.Hex(System.Net.IPAddress.Parse(ip))}' " +
                                           $"AND end_key >= '{IpKey.Hex(System.Net.IPAddress.Parse(ip))}' ORDER BY start_key DESC LIMIT 1");
    }

    private static async Task ScalarsAsync(MySqlConnection connection, string sql)
    {
        await using var command = new MySqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    private static async Task GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<double[]> TimeAsync(int requests, Func<Task> call)
    {
        for (var i = 0; i < Warmup; i++)
            await call();
        var times = new double[requests];
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await call();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        return times;
    }
}
