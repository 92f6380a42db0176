using System.Globalization;
using System.Runtime.InteropServices;

namespace Cmdb.Bench;

internal sealed class Report(int workflows, int samples, int maxConcurrent, string database)
{
    private const double ThroughputTarget = 150;
    private const double RatioTarget = 0.5;
    private const double LatencyP95Target = 50;

    public double PersistedThroughput { get; set; }
    public double InMemoryThroughput { get; set; }
    public double[] PersistedLatency { get; set; } = [];
    public double[] InMemoryLatency { get; set; } = [];

    public void Print()
    {
        var ratio = PersistedThroughput / InMemoryThroughput;
        var p95 = Measurements.Percentile(PersistedLatency, 95);
        Console.WriteLine($"## Engine benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine();
        Console.WriteLine($"Machine: {Cpu()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; database: {database}");
        Console.WriteLine($"Load: {workflows} five-step workflows started at once; {samples} events published one at a time; MaxConcurrentWorkflows {maxConcurrent}");
        Console.WriteLine();
        Console.WriteLine("| measure | persisted (MariaDB) | in-memory (WorkflowCore default) | target | met |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        Console.WriteLine($"| workflows/s | {F(PersistedThroughput)} | {F(InMemoryThroughput)} | ≥ {ThroughputTarget} persisted | {Met(PersistedThroughput >= ThroughputTarget)} |");
        Console.WriteLine($"| ratio persisted / in-memory | {F(ratio, "0.00")} | | ≥ {RatioTarget} | {Met(ratio >= RatioTarget)} |");
        Console.WriteLine($"| event → next step p50 (ms) | {F(Measurements.Percentile(PersistedLatency, 50), "0.0")} | {F(Measurements.Percentile(InMemoryLatency, 50), "0.0")} | | |");
        Console.WriteLine($"| event → next step p95 (ms) | {F(p95, "0.0")} | {F(Measurements.Percentile(InMemoryLatency, 95), "0.0")} | ≤ {LatencyP95Target} persisted | {Met(p95 <= LatencyP95Target)} |");
        Console.WriteLine($"| event → next step p99 (ms) | {F(Measurements.Percentile(PersistedLatency, 99), "0.0")} | {F(Measurements.Percentile(InMemoryLatency, 99), "0.0")} | | |");
    }

    private static string Met(bool met) => met ? "yes" : "**no**";

    private static string F(double value, string format = "0") => value.ToString(format, CultureInfo.InvariantCulture);

    internal static string Cpu()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
