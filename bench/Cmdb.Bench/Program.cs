using Cmdb.Bench;
using MySqlConnector;

// Engine benchmark: persisted (MariaDB, Cmdb's store and locks) against WorkflowCore's in-memory
// default, in one run. Usage: bench/run.sh (starts a private MariaDB and calls this);
// bench/run.sh --mode operations prints what one step's database calls cost instead;
// bench/run.sh --mode audit measures the audit middleware's request overhead;
// bench/run.sh --mode clusters measures the cluster list and the placement proposal;
// bench/run.sh --mode inventory [--resources 1000000] measures IP search, lists, options, export and a sync;
// bench/run.sh --mode pricing [--resources 200000] measures estimates (1 and 1,000 items) and the inventory cost report;
// bench/run.sh --mode export [--rows 200000] measures the CSV and XLSX export writers alone (needs no database).
// dotnet run -c Release --project bench/Cmdb.Bench -- --mode generator [--resources N] needs no database.
var arguments = Arguments.Parse(args);
if (arguments.Get("mode") == "generator")
{
    GeneratorStreaming.Run(int.Parse(arguments.Get("resources") ?? "1000000"));
    return;
}
if (arguments.Get("mode") == "export")
{
    await ExportWriters.RunAsync(int.Parse(arguments.Get("rows") ?? "200000"));
    return;
}
var server = arguments.Get("mysql") ?? Environment.GetEnvironmentVariable("CMDB_TEST_MYSQL")
    ?? throw new ArgumentException("--mysql <server connection string> or CMDB_TEST_MYSQL is required");
var workflows = int.Parse(arguments.Get("workflows") ?? "2000");
var samples = int.Parse(arguments.Get("samples") ?? "200");
var maxConcurrent = int.Parse(arguments.Get("max-concurrent") ?? "32");

var database = $"cmdb_bench_{DateTime.UtcNow:yyyyMMddHHmmss}";
await Sql.ExecuteAsync(server, $"CREATE DATABASE `{database}`");
var connectionString = new MySqlConnectionStringBuilder(server) { Database = database }.ConnectionString;
var version = await Sql.ServerVersionAsync(server);

try
{
    if (arguments.Get("mode") == "operations")
    {
        await OperationCosts.RunAsync(connectionString, version);
        return;
    }
    if (arguments.Get("mode") == "clusters")
    {
        await ClusterQueries.RunAsync(server, version, int.Parse(arguments.Get("requests") ?? "1000"));
        return;
    }
    if (arguments.Get("mode") == "inventory")
    {
        await InventoryQueries.RunAsync(server, version, int.Parse(arguments.Get("resources") ?? "1000000"), int.Parse(arguments.Get("requests") ?? "300"));
        return;
    }
    if (arguments.Get("mode") == "pricing")
    {
        await PricingQueries.RunAsync(server, version, int.Parse(arguments.Get("resources") ?? "200000"), int.Parse(arguments.Get("requests") ?? "300"));
        return;
    }
    if (arguments.Get("mode") == "audit")
    {
        await AuditOverhead.RunAsync(server, version, int.Parse(arguments.Get("requests") ?? "5000"));
        return;
    }

    var report = new Report(workflows, samples, maxConcurrent, await Sql.VersionTextAsync(server));

    await using (var persisted = await EngineUnderTest.PersistedAsync(connectionString, version, maxConcurrent))
    {
        await Measurements.ThroughputAsync(persisted, Math.Min(200, workflows));
        await Measurements.SettleAsync();
        report.PersistedLatency = await Measurements.EventLatencyAsync(persisted, samples);
        report.PersistedThroughput = await Measurements.ThroughputAsync(persisted, workflows);
    }

    await using (var memory = await EngineUnderTest.InMemoryAsync(maxConcurrent))
    {
        await Measurements.ThroughputAsync(memory, Math.Min(200, workflows));
        await Measurements.SettleAsync();
        report.InMemoryLatency = await Measurements.EventLatencyAsync(memory, samples);
        report.InMemoryThroughput = await Measurements.ThroughputAsync(memory, workflows);
    }

    report.Print();
}
finally
{
    await Sql.ExecuteAsync(server, $"DROP DATABASE IF EXISTS `{database}`");
}
