using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Activities;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Api.Tests.Tickets;

/// <summary>A saga on the real engine: a step failing for good undoes the finished ones, newest first, and the flow goes on.</summary>
public sealed class SagaTests(SagaTests.Service service) : IClassFixture<SagaTests.Service>
{
    /// <summary>Records every run (per ticket); fails when its input says so.</summary>
    public sealed class RecordingActivity : IActivity
    {
        public ConcurrentDictionary<long, ConcurrentQueue<string>> Runs { get; } = new();

        public ActivityDescriptor Descriptor { get; } = new("test.record", "Records that it ran.",
            [new("name", "string", true, "what to record"), new("fail", "boolean", false, "fail instead")], [], [ActivityDescriptor.Done]);

        public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
        {
            var name = context.RequiredString("name");
            Runs.GetOrAdd(context.Ticket.Id, _ => new()).Enqueue(name);
            // Undo steps take a moment, so undo chains that ran side by side would interleave.
            await Task.Delay(50, cancellationToken);
            if (context.OptionalString("fail") == "true")
                throw new InvalidOperationException($"{name} failed on purpose");
            return ActivityResult.Done();
        }
    }

    public sealed class Service : TicketService
    {
        public RecordingActivity Activity { get; } = new();

        protected override void Configure(Dictionary<string, string?> settings, IServiceCollection services) =>
            services.AddSingleton<IActivity>(Activity);
    }

    private static JsonObject Record(string id, string? next = null, bool fail = false, params JsonObject[] compensate)
    {
        var step = new JsonObject
        {
            ["id"] = id, ["kind"] = "activity", ["activity"] = "test.record", ["retries"] = 0,
            ["inputs"] = new JsonObject { ["name"] = $"'{id}'", ["fail"] = fail ? "true" : "false" },
        };
        if (next is not null)
            step["next"] = next;
        if (compensate.Length > 0)
            step["compensate"] = new JsonArray(compensate.Select(c => (JsonNode)c).ToArray());
        return step;
    }

    private static JsonObject Flow(string id, bool lastFails) => new()
    {
        ["id"] = id, ["version"] = 1, ["name"] = new JsonObject { ["zh"] = "补偿测试", ["en"] = "Saga test" },
        ["form"] = "puppet-cert-delete", ["start"] = "work",
        ["steps"] = new JsonArray(
            new JsonObject
            {
                ["id"] = "work", ["kind"] = "saga", ["next"] = "after",
                ["do"] = new JsonArray(
                    Record("a", "b", compensate: [Record("undo-a1"), Record("undo-a2")]),
                    Record("b", "c", compensate: [Record("undo-b")]),
                    Record("c", fail: lastFails, compensate: [Record("undo-c")])),
            },
            new JsonObject { ["id"] = "after", ["kind"] = "if", ["condition"] = "outcome === 'compensated'", ["then"] = "rolled-back", ["else"] = "done" },
            new JsonObject { ["id"] = "rolled-back", ["kind"] = "end", ["result"] = "rejected" },
            new JsonObject { ["id"] = "done", ["kind"] = "end", ["result"] = "completed" }),
    };

    private async Task PublishAsync(JsonObject flow)
    {
        var admin = service.As(TestAuth.Admin);
        var id = flow["id"]!.ToString();
        var draft = await admin.PutAsJsonAsync($"/api/definitions/{id}/draft", flow);
        Assert.Equal(HttpStatusCode.OK, draft.StatusCode);
        var report = await draft.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("valid").GetBoolean(), report.ToString());
        var published = await admin.PostAsync($"/api/definitions/{id}/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
    }

    [Fact]
    public async Task A_step_failing_for_good_undoes_the_finished_steps_newest_first_one_chain_at_a_time_then_the_flow_goes_on()
    {
        await PublishAsync(Flow("saga-fails", lastFails: true));

        var id = await service.SubmitOkAsync(TestAuth.Requester, "saga-fails", TicketService.CertForm(await service.NewServerAsync()));
        var ended = await service.WaitForStatusAsync(id, "Rejected");

        // c's own undo does not run: it never finished. undo-a1 then undo-a2, as written.
        Assert.Equal(["a", "b", "c", "undo-b", "undo-a1", "undo-a2"], service.Activity.Runs[id].ToArray());
        Assert.Equal(JsonValueKind.Null, ended.GetProperty("incident").ValueKind);
        var timeline = ended.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Contains(timeline, e => e.GetProperty("kind").GetString() == "stepFailed" && e.GetProperty("stepId").GetString() == "c"
            && e.GetProperty("comment").GetString()!.Contains("rolls back"));
        Assert.Contains(timeline, e => e.GetProperty("stepId").GetString() == "work" && e.GetProperty("outcome").GetString() == "compensated");
    }

    [Fact]
    public async Task A_saga_whose_steps_all_finish_undoes_nothing_and_goes_on_completed()
    {
        await PublishAsync(Flow("saga-passes", lastFails: false));

        var id = await service.SubmitOkAsync(TestAuth.Requester, "saga-passes", TicketService.CertForm(await service.NewServerAsync()));
        await service.WaitForStatusAsync(id, "Completed");

        Assert.Equal(["a", "b", "c"], service.Activity.Runs[id].ToArray());
    }
}
