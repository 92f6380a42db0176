using Cmdb.TestSupport;

namespace Cmdb.Workflows.Tests.Durability;

/// <summary>Starts <c>Cmdb.Workflows.EngineHost</c> as a real process on a test database.</summary>
internal static class EngineNode
{
    public static async Task<ChildProcess> StartAsync(TestDatabase database, string name, int startWorkflows = 0,
        int stepDelayMs = 0, int maxConcurrent = 32, string pollInterval = "00:00:00.500")
    {
        var dll = BuildOutput.Dll("tests/Workflows.EngineHost", "Cmdb.Workflows.EngineHost");
        var node = ChildProcess.StartDotnet(name, dll,
        [
            $"--ConnectionStrings:Cmdb={database.ConnectionString}",
            $"--Database:ServerVersion={TestMariaDb.ServerVersion}",
            $"--Node:Name={name}",
            $"--Node:Start={startWorkflows}",
            $"--Node:StepDelayMs={stepDelayMs}",
            $"--Workflows:Engine:MaxConcurrentWorkflows={maxConcurrent}",
            $"--Workflows:Engine:PollInterval={pollInterval}",
        ]);
        await node.WaitForOutputAsync($"{name} ready", TimeSpan.FromSeconds(60));
        return node;
    }
}
