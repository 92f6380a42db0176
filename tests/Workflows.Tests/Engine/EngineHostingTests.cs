using Cmdb.Domain;
using Cmdb.Workflows.Engine;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;
using WorkflowCore.Models;
using Cmdb.TestSupport;

namespace Cmdb.Workflows.Tests.Engine;

/// <summary>The engine as the service hosts it, on the embedded SQLite default.</summary>
public sealed class EngineHostingTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"cmdb-engine-{Guid.NewGuid():N}.db");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
            File.Delete(file);
        return Task.CompletedTask;
    }

    private async Task<IHost> StartHostAsync(TimeSpan pollInterval)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cmdb"] = $"Data Source={_file}",
            ["Workflows:Engine:PollInterval"] = pollInterval.ToString(),
        });
        builder.Services.AddDomain(builder.Configuration).AddWorkflows(builder.Configuration).AddWorkflowType<WaitingWorkflow, WaitingData>();
        var host = builder.Build();
        await host.StartAsync();
        await host.Services.GetRequiredService<EngineState>().WaitUntilRunningAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        return host;
    }

    private static async Task WaitForSubscription(IHost host, string key) =>
        await Eventually.Until(async () =>
            (await host.Services.GetRequiredService<IPersistenceProvider>().GetSubscriptions("answer", key, DateTime.UtcNow.AddMinutes(1))).Any(),
            TimeSpan.FromSeconds(20), "the workflow waits for its event");

    private static async Task<WorkflowInstance> WaitForCompletion(IHost host, string id) =>
        await WaitFor(host, id, w => w.Status == WorkflowStatus.Complete);

    private static async Task<WorkflowInstance> WaitFor(IHost host, string id, Func<WorkflowInstance, bool> condition)
    {
        WorkflowInstance instance = null!;
        await Eventually.Until(async () =>
        {
            instance = await host.Services.GetRequiredService<IPersistenceProvider>().GetWorkflowInstance(id);
            return condition(instance);
        }, TimeSpan.FromSeconds(20), $"workflow {id} reaches the expected state");
        return instance;
    }

    /// <summary>Starts the service, starts a workflow that waits for its event, and stops the service.</summary>
    private async Task<(string Id, string Key)> StartWaitingThenStopService()
    {
        var key = Guid.NewGuid().ToString();
        using var host = await StartHostAsync(TimeSpan.FromSeconds(1));
        var id = await host.Services.GetRequiredService<IWorkflowHost>().StartWorkflow("waiting", 1, new WaitingData { Key = key });
        await WaitForSubscription(host, key);
        await host.StopAsync();
        return (id, key);
    }

    [Fact]
    public async Task A_published_event_resumes_its_workflow_without_waiting_for_a_poll()
    {
        // With a ten-minute poll, only the event path can finish this test in time.
        using var host = await StartHostAsync(TimeSpan.FromMinutes(10));
        var engine = host.Services.GetRequiredService<IWorkflowHost>();
        var key = Guid.NewGuid().ToString();
        var id = await engine.StartWorkflow("waiting", 1, new WaitingData { Key = key });
        await WaitForSubscription(host, key);

        await engine.PublishEvent("answer", key, "approved");

        var done = await WaitForCompletion(host, id);
        var data = Assert.IsType<WaitingData>(done.Data);
        Assert.Equal(("approved", true), (data.Answer, data.Finished));
        await host.StopAsync();
    }

    [Fact]
    public async Task A_waiting_workflow_survives_a_restart_of_the_service()
    {
        var (id, key) = await StartWaitingThenStopService();

        using var second = await StartHostAsync(TimeSpan.FromSeconds(1));
        await second.Services.GetRequiredService<IWorkflowHost>().PublishEvent("answer", key, "after restart");

        var done = await WaitForCompletion(second, id);
        Assert.Equal("after restart", Assert.IsType<WaitingData>(done.Data).Answer);
        await second.StopAsync();
    }

    [Fact]
    public async Task An_event_published_before_the_engine_runs_is_picked_up_by_the_poll()
    {
        var (id, key) = await StartWaitingThenStopService();

        // Stored while no engine runs, as another node (or the API) would.
        await using (var storeOnly = await EngineServices.BuildMigratedAsync(EngineServices.SqliteFile(_file)))
        {
            await storeOnly.GetRequiredService<IPersistenceProvider>().CreateEvent(
                new Event { EventName = "answer", EventKey = key, EventTime = DateTime.UtcNow, EventData = "stored" });
        }

        using var second = await StartHostAsync(TimeSpan.FromSeconds(1));
        var done = await WaitForCompletion(second, id);
        Assert.Equal("stored", Assert.IsType<WaitingData>(done.Data).Answer);
        await second.StopAsync();
    }
}
