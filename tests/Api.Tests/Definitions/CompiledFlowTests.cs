using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Api.Tests.Tickets;
using Cmdb.Workflows.Steps;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using static Cmdb.Api.Tests.Definitions.DefinitionService;

namespace Cmdb.Api.Tests.Definitions;

/// <summary>Published definitions run on the real engine (MariaDB), with small test activities.</summary>
[Collection(DefinitionCollection.Name)]
public sealed class CompiledFlowTests(DefinitionService service)
{
    private async Task<long> SubmitAsync(string flow, int servers = 1)
    {
        var fixtures = new List<ServerFixture>();
        for (var i = 0; i < servers; i++)
            fixtures.Add(await service.NewServerAsync());
        return await service.SubmitOkAsync(TestAuth.Requester, flow, TicketService.CertForm([.. fixtures]));
    }

    /// <summary>Waits for the status; when it does not come, fails with where the ticket and its instance are instead.</summary>
    private async Task<JsonElement> WaitForAsync(long id, string status, int seconds = 30)
    {
        try
        {
            return await service.WaitForStatusAsync(id, status, TimeSpan.FromSeconds(seconds));
        }
        catch (TimeoutException)
        {
            var ticket = await service.GetAsync(TestAuth.Admin, id);
            var instance = ticket.GetProperty("workflowInstanceId").GetString();
            var engineStatus = await service.ScalarAsync($"SELECT status FROM wf_workflows WHERE id = '{instance}'");
            var steps = string.Join(", ", Timeline(ticket).Select(e => $"{e.GetProperty("kind").GetString()} {e.GetProperty("stepId")}"));
            Assert.Fail($"ticket {id} is {ticket.GetProperty("status").GetString()}, not {status}; engine status {engineStatus}; " +
                $"activities: {string.Join(", ", service.Recorder.Of(id))}; timeline: {steps}");
            throw;
        }
    }

    private static IEnumerable<JsonElement> Timeline(JsonElement ticket) => ticket.GetProperty("timeline").EnumerateArray();

    private static JsonObject Pick(string id, string choice, JsonObject outcomes) => new()
    {
        ["id"] = id, ["kind"] = "activity", ["activity"] = "test.pick", ["inputs"] = new JsonObject { ["choice"] = choice }, ["outcomes"] = outcomes,
    };

    private static JsonObject If(string id, string condition, string then, string otherwise) => new()
    {
        ["id"] = id, ["kind"] = "if", ["condition"] = condition, ["then"] = then, ["else"] = otherwise,
    };

    private static JsonObject Undoable(JsonObject step, params JsonObject[] compensation)
    {
        step["compensate"] = new JsonArray(compensation);
        return step;
    }

    private static JsonObject Fail(string id, string label) => new()
    {
        ["id"] = id, ["kind"] = "activity", ["activity"] = "test.fail", ["inputs"] = new JsonObject { ["label"] = label }, ["retries"] = 0,
    };

    private async Task<string> RoutingFlowAsync()
    {
        var flow = NewFlowId("route");
        await service.PublishAsync(Flow(flow,
            Pick("pick", "form.servers.length > 1 ? 'left' : 'right'", new JsonObject { ["left"] = "many", ["right"] = "few" }),
            If("many", "outputs['pick'].choice === 'left' && outcome === 'left'", "note-many", "mixed-up"),
            Record("note-many", "'many:' + form.servers.length + ':' + ticket.requester", next: "done"),
            If("few", "form.servers.length === 1", "refused", "mixed-up"),
            End("done"),
            End("refused", "rejected"),
            End("mixed-up", "cancelled")));
        return flow;
    }

    [Fact]
    public async Task An_activity_outcome_and_if_conditions_route_a_ticket_to_completed()
    {
        var flow = await RoutingFlowAsync();

        var id = await SubmitAsync(flow, servers: 2);

        var done = await WaitForAsync(id, "Completed");
        Assert.Equal(["pick:left", "many:2:requester"], service.Recorder.Of(id));
        Assert.Contains(Timeline(done), e => e.GetProperty("kind").GetString() == "stepCompleted"
            && e.GetProperty("stepId").GetString() == "pick" && e.GetProperty("outcome").GetString() == "left");
        Assert.Contains(Timeline(done), e => e.GetProperty("kind").GetString() == "ended" && e.GetProperty("stepId").GetString() == "done");
    }

    [Fact]
    public async Task The_other_outcome_and_else_route_the_same_flow_to_rejected()
    {
        var flow = await RoutingFlowAsync();

        var id = await SubmitAsync(flow, servers: 1);

        var ended = await WaitForAsync(id, "Rejected");
        Assert.Equal(["pick:right"], service.Recorder.Of(id));
        Assert.Contains(Timeline(ended), e => e.GetProperty("kind").GetString() == "ended" && e.GetProperty("stepId").GetString() == "refused");
        Assert.Equal(0, await service.Db(db => db.ResourceClaims.CountAsync(c => c.TicketId == id)));
    }

    [Fact]
    public async Task A_sequential_forEach_runs_its_block_once_per_item_in_order_with_item_and_index()
    {
        var flow = NewFlowId("each");
        await service.PublishAsync(Flow(flow,
            new JsonObject
            {
                ["id"] = "each", ["kind"] = "forEach", ["items"] = "form.servers", ["parallel"] = false, ["next"] = "after",
                ["do"] = new JsonArray(Record("each-one", "index + ':' + item.hostname")),
            },
            Record("after", "'after ' + outputs['each-one'].label", next: "done"),
            End("done")));
        var servers = new[] { await service.NewServerAsync(), await service.NewServerAsync(), await service.NewServerAsync() };

        var id = await service.SubmitOkAsync(TestAuth.Requester, flow, TicketService.CertForm(servers));

        await WaitForAsync(id, "Completed");
        Assert.Equal(
            [$"0:{servers[0].Hostname}", $"1:{servers[1].Hostname}", $"2:{servers[2].Hostname}", $"after 2:{servers[2].Hostname}"],
            service.Recorder.Of(id));
    }

    [Fact]
    public async Task A_parallel_forEach_runs_every_item_before_the_next_step()
    {
        var flow = NewFlowId("fan");
        await service.PublishAsync(Flow(flow,
            new JsonObject
            {
                ["id"] = "each", ["kind"] = "forEach", ["items"] = "form.servers.map(s => s.hostname)", ["next"] = "after",
                ["do"] = new JsonArray(Record("each-one", "'host ' + item")),
            },
            Record("after", "'after'", next: "done"),
            End("done")));
        var servers = new[] { await service.NewServerAsync(), await service.NewServerAsync(), await service.NewServerAsync() };

        var id = await service.SubmitOkAsync(TestAuth.Requester, flow, TicketService.CertForm(servers));

        await WaitForAsync(id, "Completed");
        var labels = service.Recorder.Of(id);
        Assert.Equal(4, labels.Count);
        Assert.Equal(servers.Select(s => "host " + s.Hostname).Order(), labels.Take(3).Order());
        Assert.Equal("after", labels[3]);
    }

    [Fact]
    public async Task A_wait_for_an_event_holds_the_flow_until_the_event_with_its_key_and_a_delay_waits_its_time()
    {
        var flow = NewFlowId("wait");
        await service.PublishAsync(Flow(flow,
            Record("before", "'before'", next: "go"),
            new JsonObject { ["id"] = "go", ["kind"] = "wait", ["event"] = "test.go", ["key"] = "'go-' + ticket.id", ["next"] = "pause" },
            new JsonObject { ["id"] = "pause", ["kind"] = "wait", ["duration"] = "PT2S", ["next"] = "after" },
            Record("after", "'got ' + outputs['go']", next: "done"),
            End("done")));
        var id = await SubmitAsync(flow);
        await service.WaitForLabelsAsync(id, 1);
        var engine = service.Factory.Services.GetRequiredService<IWorkflowHost>();

        await engine.PublishEvent("test.go", $"go-{id + 100000}", "someone else's");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(["before"], service.Recorder.Of(id));
        var clock = Stopwatch.StartNew();
        await engine.PublishEvent("test.go", $"go-{id}", "ready");

        await WaitForAsync(id, "Completed");
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(2), $"the delay was {clock.Elapsed}");
        Assert.Equal(["before", "got ready"], service.Recorder.Of(id));
    }

    [Fact]
    public async Task A_human_task_nobody_settles_times_out_escalates_and_takes_the_timedOut_route()
    {
        var flow = NewFlowId("late");
        var approve = Approve("approve", "done", "refused");
        approve["timeout"] = "PT1S";
        approve["escalateTo"] = new JsonObject { ["role"] = "admin" };
        approve["outcomes"]!["timedOut"] = "late";
        await service.PublishAsync(Flow(flow, approve, Record("late", "'late: ' + outcome", next: "done"), End("done"), End("refused", "rejected")));

        var id = await SubmitAsync(flow);

        var done = await WaitForAsync(id, "Completed");
        Assert.Equal(["late: timedOut"], service.Recorder.Of(id));
        Assert.Contains(Timeline(done), e => e.GetProperty("kind").GetString() == "humanAction"
            && e.GetProperty("outcome").GetString() == "timedOut" && e.GetProperty("stepId").GetString() == "approve");
        Assert.True(await service.Db(db => db.Notifications.AnyAsync(n => n.TicketId == id.ToString() && n.RecipientRole == "admin" && n.Purpose == "alerts")));
        var late = await service.ActAsync(TestAuth.Approver, id, "approve");
        await late.AssertProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_human_task_settled_before_its_timeout_leaves_no_pending_timeout()
    {
        var flow = NewFlowId("settled");
        var approve = Approve("approve", "done", "refused");
        approve["timeout"] = "PT1H";
        approve["escalateTo"] = new JsonObject { ["role"] = "admin" };
        approve["outcomes"]!["timedOut"] = "refused";
        await service.PublishAsync(Flow(flow, approve, End("done"), End("refused", "rejected")));
        var id = await SubmitAsync(flow);
        await WaitForAsync(id, "WaitingForApproval");

        Assert.Equal(HttpStatusCode.OK, (await service.ActAsync(TestAuth.Approver, id, "approve")).StatusCode);

        await WaitForAsync(id, "Completed");
        var pending = await service.Db(db => db.Set<Cmdb.Domain.Engine.EventRecord>()
            .CountAsync(e => e.Name == HumanTaskSignal.EventName && e.Key!.StartsWith(id + ":") && !e.IsProcessed));
        Assert.Equal(0, pending);
        Assert.False(await service.Db(db => db.Notifications.AnyAsync(n => n.TicketId == id.ToString() && n.Purpose == "alerts")));
    }

    private async Task<string> SagaFlowAsync(params JsonObject[] releaseSteps)
    {
        var flow = NewFlowId("saga");
        await service.PublishAsync(Flow(flow,
            new JsonObject
            {
                ["id"] = "change", ["kind"] = "saga", ["next"] = "after",
                ["do"] = new JsonArray(
                    Undoable(Record("reserve", "'reserve'", next: "apply"), releaseSteps),
                    Undoable(Record("apply", "'apply'", next: "break"), Record("revert", "'revert'")),
                    Fail("break", "'break'")),
            },
            Record("after", "'after ' + outcome", next: "done"),
            End("done")));
        return flow;
    }

    [Fact]
    public async Task A_saga_failing_undoes_the_steps_done_in_reverse_order()
    {
        var flow = await SagaFlowAsync(Record("release", "'release'"));

        var id = await SubmitAsync(flow);

        var labels = await service.WaitForLabelsAsync(id, 5);
        Assert.Equal(["reserve", "apply", "break", "revert", "release"], labels.Take(5));
    }

    [Fact]
    public async Task After_a_saga_rolled_back_the_flow_goes_on_with_the_step_after_it_and_outcome_compensated()
    {
        var flow = await SagaFlowAsync(Record("release", "'release'"));

        var id = await SubmitAsync(flow);

        var done = await WaitForAsync(id, "Completed", seconds: 15);
        Assert.Equal(["reserve", "apply", "break", "revert", "release", "after compensated"], service.Recorder.Of(id));
        Assert.Equal(JsonValueKind.Null, done.GetProperty("incident").ValueKind);
    }

    [Fact]
    public async Task A_compensation_of_several_steps_without_next_runs_them_in_the_order_written()
    {
        var flow = await SagaFlowAsync(Record("release-1", "'release 1'"), Record("release-2", "'release 2'"));

        var id = await SubmitAsync(flow);

        var labels = await service.WaitForLabelsAsync(id, 6);
        Assert.Equal(["reserve", "apply", "break", "revert", "release 1", "release 2"], labels.Take(6));
    }

    [Fact]
    public async Task A_ticket_finishes_on_the_version_it_started_on_while_new_tickets_use_the_new_version()
    {
        var flow = NewFlowId("pin");
        Assert.Equal(1, await service.PublishAsync(Flow(flow, Approve("approve", "work", "refused"), Record("work", "'v1 ' + ticket.flowId", next: "done"), End("done"), End("refused", "rejected"))));
        var old = await SubmitAsync(flow);
        await WaitForAsync(old, "WaitingForApproval");

        Assert.Equal(2, await service.PublishAsync(Flow(flow, Approve("approve", "work-2", "refused"), Record("work-2", "'v2'", next: "done"), End("done"), End("refused", "rejected"))));
        var fresh = await SubmitAsync(flow);
        await WaitForAsync(fresh, "WaitingForApproval");
        var versions = await service.As(TestAuth.Admin).GetFromJsonAsync<JsonElement>($"/api/definitions/{flow}/versions");
        await (await service.As(TestAuth.Admin).DeleteAsync($"/api/definitions/{flow}/versions/1")).AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.OK, (await service.ActAsync(TestAuth.Approver, old, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.ActAsync(TestAuth.Approver, fresh, "approve")).StatusCode);

        var oldDone = await WaitForAsync(old, "Completed");
        var freshDone = await WaitForAsync(fresh, "Completed");
        Assert.Equal((1, 2), (oldDone.GetProperty("flowVersion").GetInt32(), freshDone.GetProperty("flowVersion").GetInt32()));
        Assert.Equal([$"v1 {flow}"], service.Recorder.Of(old));
        Assert.Equal(["v2"], service.Recorder.Of(fresh));
        Assert.Equal([(2, 1), (1, 1)], versions.EnumerateArray().Select(v => (v.GetProperty("version").GetInt32(), v.GetProperty("runningInstances").GetInt32())));
    }
    [Fact]
    public async Task After_a_version_is_removed_new_tickets_run_the_next_published_version()
    {
        var flow = NewFlowId("again");
        await service.PublishAsync(Flow(flow, Record("work", "'v1'", next: "done"), End("done")));
        await service.PublishAsync(Flow(flow, Record("work", "'old v2'", next: "done"), End("done")));
        var first = await SubmitAsync(flow);
        await WaitForAsync(first, "Completed");
        Assert.Equal(["old v2"], service.Recorder.Of(first));

        Assert.Equal(HttpStatusCode.NoContent, (await service.As(TestAuth.Admin).DeleteAsync($"/api/definitions/{flow}/versions/2")).StatusCode);
        var version = await service.PublishAsync(Flow(flow, Record("other-work", "'new'", next: "done"), End("done")));
        var second = await SubmitAsync(flow);

        var done = await WaitForAsync(second, "Completed");
        Assert.Equal(3, version);
        Assert.Equal(3, done.GetProperty("flowVersion").GetInt32());
        Assert.Equal(["new"], service.Recorder.Of(second));
    }
    [Fact]
    public async Task A_forEach_over_an_empty_list_skips_its_block()
    {
        var flow = NewFlowId("none");
        await service.PublishAsync(Flow(flow,
            new JsonObject
            {
                ["id"] = "each", ["kind"] = "forEach", ["items"] = "form.servers.filter(s => s.env === 'nowhere')", ["next"] = "after",
                ["do"] = new JsonArray(Record("each-one", "item.hostname")),
            },
            Record("after", "'after'", next: "done"),
            End("done")));

        var id = await SubmitAsync(flow);

        await WaitForAsync(id, "Completed");
        Assert.Equal(["after"], service.Recorder.Of(id));
    }

    [Fact]
    public async Task An_expression_failing_at_run_time_is_an_incident_at_its_step_without_retries()
    {
        var flow = NewFlowId("broken");
        var step = Record("work", "form.servers[0].missing.deeper", next: "done");
        step["retries"] = 3;
        step["retryDelay"] = "PT30S";
        await service.PublishAsync(Flow(flow, step, End("done")));

        var id = await SubmitAsync(flow);

        var failed = await WaitForAsync(id, "Failed", seconds: 15);
        var incident = failed.GetProperty("incident");
        Assert.Equal("work", incident.GetProperty("stepId").GetString());
        Assert.Contains("form.servers[0].missing.deeper", incident.GetProperty("error").GetString());
        Assert.Empty(service.Recorder.Of(id));
    }
}
