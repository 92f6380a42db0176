using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tests.Tickets;

/// <summary>Bad input is a 400 naming the field (or a 404), and leaves nothing half-written.</summary>
public sealed class BadInputTests(TicketService service) : IClassFixture<TicketService>
{
    private async Task<System.Text.Json.JsonElement> Refused(HttpResponseMessage response, HttpStatusCode status)
    {
        var problem = await response.AssertProblem(status);
        Assert.Equal(0, await service.Db(db => db.Tickets.CountAsync()));
        Assert.Equal(0, await service.Db(db => db.Workflows.CountAsync()));
        return problem;
    }

    private static object Server(object? hostname = null, object? ip = null) =>
        new { storeId = "S0001", hostname = hostname ?? "a.stores.example.test", ip = ip ?? "10.1.1.1", role = "pos", env = "prod" };

    private Task<HttpResponseMessage> Post(string json) =>
        service.As(TestAuth.Requester).PostAsync("/api/tickets", new StringContent(json, Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Malformed_JSON_is_400_saying_where()
    {
        var problem = await Refused(await Post("""{"flowId":"puppet-cert-delete","title":"x","form":{"servers":[}"""), HttpStatusCode.BadRequest);
        Assert.Contains("LineNumber", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_flow_is_400_naming_flowId()
    {
        var problem = await Refused(await service.SubmitAsync(TestAuth.Requester, "no-such-flow", new { servers = new[] { Server() } }), HttpStatusCode.BadRequest);
        Assert.Contains("no-such-flow", problem.GetProperty("errors").GetProperty("flowId")[0].GetString());
    }

    [Fact]
    public async Task Missing_fields_are_named()
    {
        var problem = await Refused(await Post("""{"flowId":"puppet-cert-delete","form":{"servers":[]}}"""), HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("title", out _) || problem.GetProperty("detail").GetString()!.Contains("title"), problem.ToString());
    }

    [Fact]
    public async Task An_empty_server_list_and_bad_server_fields_are_named_by_path()
    {
        var empty = await Refused(await service.SubmitAsync(TestAuth.Requester, "puppet-cert-delete", new { servers = Array.Empty<object>() }), HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("form.servers", out _), empty.ToString());

        var bad = await Refused(await service.SubmitAsync(TestAuth.Requester, "puppet-cert-delete",
            new { servers = new[] { Server("Not A Host!", "999.1.1.1") } }), HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("form.servers[0].hostname", out _), bad.ToString());
        Assert.True(errors.TryGetProperty("form.servers[0].ip", out _), bad.ToString());
    }

    [Fact]
    public async Task Wrong_types_and_unknown_fields_in_the_form_are_named()
    {
        var wrongType = await Refused(await service.SubmitAsync(TestAuth.Requester, "puppet-cert-delete", new { servers = "all of them" }), HttpStatusCode.BadRequest);
        Assert.True(wrongType.GetProperty("errors").TryGetProperty("form.servers", out _), wrongType.ToString());

        var unknown = await Refused(await service.SubmitAsync(TestAuth.Requester, "puppet-cert-delete", new { servers = new[] { Server() }, deleteEverything = true }), HttpStatusCode.BadRequest);
        Assert.Contains("deleteEverything", unknown.ToString());
    }

    [Fact]
    public async Task Oversize_strings_are_refused()
    {
        var problem = await Refused(await service.SubmitAsync(TestAuth.Requester, "puppet-cert-delete", new { servers = new[] { Server() } }, title: new string('长', 300)), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
    }

    [Fact]
    public async Task An_unknown_ticket_is_404()
    {
        await (await service.As(TestAuth.Admin).GetAsync("/api/tickets/987654")).AssertProblem(HttpStatusCode.NotFound);
        await (await service.ActAsync(TestAuth.Approver, 987654, "approve")).AssertProblem(HttpStatusCode.NotFound);
        await (await service.As(TestAuth.Approver).PutAsJsonAsync("/api/tickets/987654/form", new { form = new { } })).AssertProblem(HttpStatusCode.NotFound);
    }
}
