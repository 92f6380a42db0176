using Cmdb.TestSupport;
using Xunit.Abstractions;

namespace Cmdb.Workflows.Tests.Durability;

[Collection(DurabilityCollection.Name)]
public sealed class TwoNodeTests(ITestOutputHelper output)
{
    private const int WorkflowsPerNode = 150;

    [Fact]
    public async Task Two_nodes_on_one_database_complete_every_workflow_and_never_run_a_step_twice()
    {
        await using var database = await TestMariaDb.CreateDatabaseAsync("twonode");
        var runs = new RecordedRuns(database);

        var starting = new[]
        {
            EngineNode.StartAsync(database, "north", startWorkflows: WorkflowsPerNode, stepDelayMs: 2),
            EngineNode.StartAsync(database, "south", startWorkflows: WorkflowsPerNode, stepDelayMs: 2),
        };
        await using var north = await starting[0];
        await using var south = await starting[1];

        const int total = WorkflowsPerNode * 2;
        await Eventually.Until(async () => await runs.Waiting() == total, TimeSpan.FromSeconds(120),
            $"all {total} workflows wait for their event\n{north.Tail()}\n{south.Tail()}");
        await runs.PublishGoEvents();
        await Eventually.Until(async () => await runs.Completed() == total, TimeSpan.FromSeconds(120),
            $"all {total} workflows complete\n{north.Tail()}\n{south.Tail()}");

        Assert.Equal(total * 5, await runs.Runs());
        Assert.Equal(1, await runs.MaxRunsOfOneStep());
        Assert.Empty(await runs.WorkflowsWithWrongEffects());
        Assert.Equal(2, await runs.NodesThatRanSteps());
        output.WriteLine($"{total * 5} step runs over two nodes");
    }
}
