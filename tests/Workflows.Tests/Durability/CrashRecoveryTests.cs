using Cmdb.TestSupport;
using Xunit.Abstractions;

namespace Cmdb.Workflows.Tests.Durability;

[Collection(DurabilityCollection.Name)]
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Workflows = 50;

    [Fact]
    public async Task A_node_killed_mid_step_loses_no_workflow_and_repeats_no_effect()
    {
        await using var database = await TestMariaDb.CreateDatabaseAsync("crash");
        var runs = new RecordedRuns(database);

        var node = await EngineNode.StartAsync(database, "first", startWorkflows: Workflows, stepDelayMs: 300, maxConcurrent: 8);
        // The kill must not land while the node is still starting workflows: a workflow never
        // started cannot be recovered, and the test would wait for it in vain.
        await node.WaitForOutputAsync($"first started {Workflows}", TimeSpan.FromSeconds(60));
        await Eventually.Until(async () => await runs.EffectsSafe() >= 10, TimeSpan.FromSeconds(60), "some steps have run");
        await node.KillAsync();
        var effectsAtKill = await runs.Effects();
        var runsAtKill = await runs.Runs();
        await node.DisposeAsync();
        output.WriteLine($"killed with {effectsAtKill} effects and {runsAtKill} step runs recorded");
        Assert.True(effectsAtKill < Workflows * 2, "the kill must land before the first two steps of every workflow are done");

        await using var restarted = await EngineNode.StartAsync(database, "second", stepDelayMs: 10);
        await Eventually.Until(async () => await runs.Waiting() == Workflows, TimeSpan.FromSeconds(90),
            $"all {Workflows} workflows wait for their event\n{restarted.Tail()}");
        await runs.PublishGoEvents();
        await Eventually.Until(async () => await runs.Completed() == Workflows, TimeSpan.FromSeconds(90),
            $"all {Workflows} workflows complete\n{restarted.Tail()}");

        Assert.Equal(Workflows * 5, await runs.Effects());
        Assert.Empty(await runs.WorkflowsWithWrongEffects());
        output.WriteLine($"step bodies ran {await runs.Runs()} times for {Workflows * 5} effects");
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DurabilityCollection
{
    /// <summary>
    /// The multi-process tests run one at a time and alone (after the parallel ones): each starts
    /// engine nodes that use both cores, and their time limits assume nothing else competes.
    /// </summary>
    public const string Name = "durability";
}
