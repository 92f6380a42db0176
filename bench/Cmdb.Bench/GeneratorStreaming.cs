using System.Diagnostics;
using Cmdb.Domain.Inventory;
using Cmdb.Domain.Inventory.Demo;

namespace Cmdb.Bench;

/// <summary>
/// The synthetic inventory streams: every resource of a large inventory is made, normalised and
/// counted (with its IP index rows) and every relation walked, while the managed heap is sampled.
/// If anything kept the resources, the heap would grow with the size.
/// </summary>
internal static class GeneratorStreaming
{
    public static void Run(int size)
    {
        var clock = Stopwatch.StartNew();
        var generator = new InventoryGenerator(size);
        long resources = 0, ipRows = 0, relations = 0, maxHeap = 0;
        void Sample()
        {
            maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(forceFullCollection: false));
        }
        foreach (var type in InventoryTypes.All)
            foreach (var resource in generator.Resources(type.Key))
            {
                ipRows += InventoryNormalizer.Normalize(resource)?.Addresses.Count ?? 0;
                if (++resources % 10_000 == 0)
                    Sample();
            }
        var resourceTime = clock.Elapsed;
        foreach (var (kind, _, _) in InventoryTypes.RelationKinds)
            foreach (var _ in generator.Relations(kind))
                if (++relations % 10_000 == 0)
                    Sample();
        GC.Collect();
        var retained = GC.GetTotalMemory(forceFullCollection: true);

        Console.WriteLine($"Generator streaming, {size:N0} resources (seed 1), {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
        Console.WriteLine($"  resources made and normalised: {resources:N0} in {resourceTime.TotalSeconds:F1} s; IP index rows {ipRows:N0} ({(double)ipRows / resources:F2} per resource)");
        Console.WriteLine($"  relations walked: {relations:N0} in {(clock.Elapsed - resourceTime).TotalSeconds:F1} s");
        Console.WriteLine($"  managed heap: max sampled {maxHeap / 1e6:F0} MB, retained after the run {retained / 1e6:F1} MB; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
    }
}
