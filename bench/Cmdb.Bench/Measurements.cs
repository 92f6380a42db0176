using System.Diagnostics;
using WorkflowCore.Interface;

namespace Cmdb.Bench;

internal static class Measurements
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(5);

    /// <summary>Starts <paramref name="count"/> five-step workflows at once; workflows completed per second.</summary>
    public static async Task<double> ThroughputAsync(EngineUnderTest engine, int count)
    {
        var before = engine.Completed;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
            await engine.Engine.StartWorkflow(FiveStepWorkflow.DefinitionId, 1, new BenchData { Key = Guid.NewGuid().ToString() }));
        await WaitUntil(() => engine.Completed - before >= count, $"{count} workflows complete");
        return count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Milliseconds from publishing an event to the waiting workflow's next step starting, one
    /// event at a time on an otherwise idle engine.
    /// </summary>
    public static async Task<double[]> EventLatencyAsync(EngineUnderTest engine, int samples)
    {
        var keys = Enumerable.Range(0, samples).Select(_ => Guid.NewGuid().ToString()).ToList();
        foreach (var key in keys)
            await engine.Engine.StartWorkflow(EventWorkflow.DefinitionId, 1, new BenchData { Key = key });
        var store = engine.Engine.PersistenceStore;
        foreach (var key in keys)
            await WaitUntilAsync(async () => (await store.GetSubscriptions(EventWorkflow.EventName, key, DateTime.UtcNow.AddMinutes(1))).Any(), "all wait for their event");

        var latencies = new List<double>(samples);
        foreach (var key in keys)
        {
            var published = Stopwatch.GetTimestamp();
            await engine.Engine.PublishEvent(EventWorkflow.EventName, key, null);
            long resumed = 0;
            await WaitUntil(() => MarkResumed.ResumedAt.TryGetValue(key, out resumed), $"workflow {key} resumes");
            latencies.Add(Stopwatch.GetElapsedTime(published, resumed).TotalMilliseconds);
        }
        return [.. latencies.Order()];
    }

    /// <summary>Lets the engine finish what warm-up left behind (polls, scheduled commands) before latency is measured.</summary>
    public static Task SettleAsync() => Task.Delay(TimeSpan.FromSeconds(3));

    public static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static Task WaitUntil(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > Patience)
                throw new TimeoutException($"gave up waiting: {what}");
            await Task.Delay(1);
        }
    }
}
