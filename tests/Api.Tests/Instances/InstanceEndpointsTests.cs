using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cmdb.TestSupport;
using Cmdb.Workflows;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Api.Tests.Instances;

public sealed class InstanceEndpointsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private CmdbApiFactory _service = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _database = await TestMariaDb.CreateDatabaseAsync("instances");
        _service = await new CmdbApiFactory(_database.Configuration(), s => s.AddWorkflowType<TwoStepWorkflow, TwoStepData>()).StartedAsync();
        _client = _service.CreateClient().As(TestAuth.Admin);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _service.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<string> StartAndWait(string reference, WorkflowStatus until)
    {
        var engine = _service.Services.GetRequiredService<IWorkflowHost>();
        var id = await engine.StartWorkflow(TwoStepWorkflow.DefinitionId, 1, new TwoStepData { Fail = until == WorkflowStatus.Suspended }, reference);
        await Eventually.Until(async () => (await engine.PersistenceStore.GetWorkflowInstance(id)).Status == until,
            TimeSpan.FromSeconds(20), $"instance {id} is {until}");
        return id;
    }

    [Fact]
    public async Task Instances_are_listed_newest_first_and_filtered()
    {
        var done = await StartAndWait("T-1", WorkflowStatus.Complete);
        var failed = await StartAndWait("T-2", WorkflowStatus.Suspended);

        var all = await _client.GetFromJsonAsync<JsonElement>("/api/instances");
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        Assert.Equal([failed, done], all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));

        var complete = await _client.GetFromJsonAsync<JsonElement>("/api/instances?status=complete&pageSize=1");
        var only = Assert.Single(complete.GetProperty("items").EnumerateArray());
        Assert.Equal((done, "Complete", "T-1"), (only.GetProperty("id").GetString(), only.GetProperty("status").GetString(), only.GetProperty("reference").GetString()));

        var byReference = await _client.GetFromJsonAsync<JsonElement>("/api/instances?reference=T-2");
        Assert.Equal(failed, Assert.Single(byReference.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_instance_shows_its_steps_and_errors()
    {
        var id = await StartAndWait("T-3", WorkflowStatus.Suspended);

        var response = await _client.GetAsync($"/api/instances/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Suspended", detail.GetProperty("status").GetString());
        var steps = detail.GetProperty("steps").EnumerateArray().ToList();
        Assert.Contains(steps, s => s.GetProperty("stepName").GetString() == "prepare" && s.GetProperty("status").GetString() == "Complete");
        Assert.Contains(steps, s => s.GetProperty("stepName").GetString() == "apply" && s.GetProperty("status").GetString() == "Failed");
        Assert.Contains(detail.GetProperty("errors").EnumerateArray(), e => e.GetProperty("message").GetString()!.Contains("target refused"));
    }
}

public sealed class TwoStepData
{
    public bool Fail { get; set; }
}

public sealed class TwoStepWorkflow : IWorkflow<TwoStepData>
{
    public const string DefinitionId = "two-step";

    public string Id => DefinitionId;

    public int Version => 1;

    public void Build(IWorkflowBuilder<TwoStepData> builder) => builder
        .StartWith(_ => ExecutionResult.Next()).Name("prepare")
        .Then(context => ((TwoStepData)context.Workflow.Data).Fail
            ? throw new InvalidOperationException("target refused the change")
            : ExecutionResult.Next())
        .Name("apply")
        .OnError(WorkflowErrorHandling.Suspend);
}
