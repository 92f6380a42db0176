using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tests.Tickets;

/// <summary>Who may do what and when: permissions, lifecycle conflicts, idempotency, claims, concurrency.</summary>
public sealed class TicketRulesTests(TicketService service) : IClassFixture<TicketService>
{
    private async Task<long> WaitingTicketAsync(params ServerFixture[] servers)
    {
        var id = await service.SubmitOkAsync(TestAuth.Requester, "puppet-cert-delete",
            TicketService.CertForm(servers.Length > 0 ? servers : [await service.NewServerAsync()]));
        await service.WaitForStatusAsync(id, "WaitingForApproval");
        return id;
    }

    [Fact]
    public async Task A_requester_approving_their_own_ticket_is_forbidden()
    {
        var id = await WaitingTicketAsync();
        var selfApprover = new TestAuth.Persona("requester", ["approver"], []);

        var problem = await (await service.ActAsync(selfApprover, id, "approve")).AssertProblem(HttpStatusCode.Forbidden);

        Assert.Equal("CanApprove", problem.GetProperty("permission").GetString());
        Assert.Contains("never approves their own", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Someone_without_the_approver_role_cannot_approve()
    {
        var id = await WaitingTicketAsync();
        await (await service.ActAsync(TicketService.OtherRequester, id, "approve")).AssertProblem(HttpStatusCode.NotFound);
        await (await service.ActAsync(TestAuth.Admin, id, "approve")).AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task An_action_the_state_does_not_allow_is_a_conflict_naming_the_state_and_the_allowed_actions()
    {
        var id = await WaitingTicketAsync();
        await service.ActAsync(TestAuth.Approver, id, "approve");
        await service.WaitForStatusAsync(id, "Completed");

        var approve = await (await service.ActAsync(TestAuth.Approver, id, "approve")).AssertProblem(HttpStatusCode.Conflict);
        var cancel = await (await service.ActAsync(TestAuth.Requester, id, "cancel")).AssertProblem(HttpStatusCode.Conflict);

        Assert.Contains("Completed", approve.GetProperty("detail").GetString());
        Assert.Contains("nothing can be done", cancel.GetProperty("detail").GetString());
        var waiting = await WaitingTicketAsync();
        var confirm = await (await service.ActAsync(TestAuth.Approver, waiting, "confirm")).AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("allowed: approve, reject", confirm.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_same_idempotency_key_returns_the_same_ticket()
    {
        var server = await service.NewServerAsync();
        var key = Guid.NewGuid().ToString("N");

        var first = await service.SubmitAsync(TestAuth.Requester, "puppet-cert-delete", TicketService.CertForm(server), key);
        var again = await service.SubmitAsync(TestAuth.Requester, "puppet-cert-delete", TicketService.CertForm(server), key);

        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        var firstId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.Equal(firstId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        Assert.Equal(1, await service.Db(db => db.Tickets.CountAsync(t => t.IdempotencyKey == key)));
    }

    [Fact]
    public async Task A_server_in_an_open_ticket_cannot_be_put_in_a_second()
    {
        var (shared, other) = (await service.NewServerAsync(), await service.NewServerAsync());
        var first = await WaitingTicketAsync(shared);
        var before = await service.Db(db => db.Tickets.CountAsync());

        var response = await service.SubmitAsync(TicketService.OtherRequester, "puppet-cert-delete", TicketService.CertForm(other, shared));

        var problem = await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("in_process", problem.GetProperty("detail").GetString());
        Assert.Contains(shared.Hostname, problem.GetProperty("detail").GetString());
        Assert.Contains($"ticket {first}", problem.GetProperty("detail").GetString());
        Assert.Equal(before, await service.Db(db => db.Tickets.CountAsync()));
        Assert.Equal(0, await service.Db(db => db.ResourceClaims.CountAsync(c => c.ResourceKey == other.Hostname)));
    }

    [Fact]
    public async Task Of_two_approvers_acting_at_once_exactly_one_wins()
    {
        var id = await WaitingTicketAsync();

        var answers = await Task.WhenAll(
            service.ActAsync(TestAuth.Approver, id, "approve"),
            service.ActAsync(TicketService.SecondApprover, id, "reject", "no"));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var final = await service.WaitForStatusAsync(id, answers[0].StatusCode == HttpStatusCode.OK ? "Completed" : "Rejected");
        Assert.Single(final.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "humanAction");
    }

    [Fact]
    public async Task An_approver_may_edit_the_form_at_the_approval_step_and_the_claims_follow()
    {
        var (a, b) = (await service.NewServerAsync(), await service.NewServerAsync());
        var id = await WaitingTicketAsync(a);

        var response = await service.As(TestAuth.Approver).PutAsJsonAsync($"/api/tickets/{id}/form", new { form = TicketService.CertForm(b), comment = "换一台" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var claims = await service.Db(db => db.ResourceClaims.Where(c => c.TicketId == id).Select(c => c.ResourceKey).ToListAsync());
        Assert.Equal([b.Hostname], claims);
        await service.ActAsync(TestAuth.Approver, id, "approve");
        await service.WaitForStatusAsync(id, "Completed");
        Assert.Equal((1, 0), (await service.Db(db => db.LocalPuppetCertificates.CountAsync(c => c.Certname == a.Hostname)),
            await service.Db(db => db.LocalPuppetCertificates.CountAsync(c => c.Certname == b.Hostname))));
    }

    [Fact]
    public async Task A_ticket_is_hidden_from_other_requesters()
    {
        var id = await WaitingTicketAsync();
        await (await service.As(TicketService.OtherRequester).GetAsync($"/api/tickets/{id}")).AssertProblem(HttpStatusCode.NotFound);
        var mine = await service.As(TicketService.OtherRequester).GetFromJsonAsync<JsonElement>("/api/tickets");
        Assert.DoesNotContain(mine.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task The_lifecycle_is_published_as_a_Mermaid_diagram()
    {
        var lifecycle = await service.As(TestAuth.Requester).GetFromJsonAsync<JsonElement>("/api/tickets/lifecycle");
        var mermaid = lifecycle.GetProperty("mermaid").GetString()!;
        Assert.StartsWith("stateDiagram-v2", mermaid);
        Assert.Contains("WaitingForApproval --> Running : Approve", mermaid);
    }
}
