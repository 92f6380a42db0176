using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cmdb.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tests.Tickets;

/// <summary>Both first flows from submit to done through the HTTP API, on the local CA and directory.</summary>
public sealed class TicketFlowTests(TicketService service) : IClassFixture<TicketService>
{
    private static List<string?> Kinds(JsonElement detail) =>
        detail.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();

    [Fact]
    public async Task A_certificate_deletion_goes_from_submit_through_the_inbox_and_approval_to_done()
    {
        var (a, b) = (await service.NewServerAsync(), await service.NewServerAsync());
        var id = await service.SubmitOkAsync(TestAuth.Requester, "puppet-cert-delete", TicketService.CertForm(a, b));

        await service.WaitForStatusAsync(id, "WaitingForApproval");
        var inbox = await service.As(TestAuth.Approver).GetFromJsonAsync<JsonElement>("/api/inbox");
        Assert.Contains(inbox.EnumerateArray(), i => i.GetProperty("ticketId").GetInt64() == id && i.GetProperty("taskKind").GetString() == "approve");
        var asApprover = await service.GetAsync(TestAuth.Approver, id);
        Assert.Equal(["approve", "reject", "edit"], asApprover.GetProperty("actions").EnumerateArray().Select(x => x.GetString()));

        Assert.Equal(HttpStatusCode.OK, (await service.ActAsync(TestAuth.Approver, id, "approve")).StatusCode);
        var done = await service.WaitForStatusAsync(id, "Completed");

        Assert.Equal(0, await service.Db(db => db.LocalPuppetCertificates.CountAsync(c => c.Certname == a.Hostname || c.Certname == b.Hostname)));
        var kinds = Kinds(done);
        Assert.Equal(["submitted", "taskOpened", "humanAction"], kinds.Take(3));
        Assert.Equal(2, done.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("stepId").GetString() == "delete-certificate" && e.GetProperty("kind").GetString() == "stepCompleted"));
        Assert.Equal("ended", kinds.Last());
        Assert.Equal(0, await service.Db(db => db.ResourceClaims.CountAsync(c => c.TicketId == id)));
        Assert.True(await service.Db(db => db.Notifications.AnyAsync(n => n.TicketId == id.ToString() && n.Event == nameof(NotificationEvent.TicketDone) && n.RecipientUser == "requester")));
        Assert.True(await service.Db(db => db.Notifications.AnyAsync(n => n.TicketId == id.ToString() && n.Event == nameof(NotificationEvent.TicketSubmitted) && n.RecipientRole == "approver")));
    }

    [Fact]
    public async Task A_group_change_changes_each_servers_group_after_approval()
    {
        var (a, b) = (await service.NewServerAsync("store-pos"), await service.NewServerAsync("store-pos"));
        var id = await service.SubmitOkAsync(TestAuth.Requester, "puppet-group-change", TicketService.GroupForm("store-pos-canary", a, b));
        await service.WaitForStatusAsync(id, "WaitingForApproval");

        await service.ActAsync(TestAuth.Approver, id, "approve");
        await service.WaitForStatusAsync(id, "Completed");

        var groups = await service.Db(db => db.LocalLdapEntries.Where(e => e.Dn == a.Dn || e.Dn == b.Dn).Select(e => e.Group).ToListAsync());
        Assert.Equal(["store-pos-canary", "store-pos-canary"], groups);
    }

    [Fact]
    public async Task A_rejected_ticket_ends_rejected_changes_nothing_and_frees_its_servers()
    {
        var server = await service.NewServerAsync();
        var id = await service.SubmitOkAsync(TestAuth.Requester, "puppet-cert-delete", TicketService.CertForm(server));
        await service.WaitForStatusAsync(id, "WaitingForApproval");

        Assert.Equal(HttpStatusCode.OK, (await service.ActAsync(TestAuth.Approver, id, "reject", "not this week")).StatusCode);
        var rejected = await service.WaitForStatusAsync(id, "Rejected");

        Assert.Equal(1, await service.Db(db => db.LocalPuppetCertificates.CountAsync(c => c.Certname == server.Hostname)));
        Assert.Contains(rejected.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("comment").GetString() == "not this week");
        Assert.True(await service.Db(db => db.Notifications.AnyAsync(n => n.TicketId == id.ToString() && n.Event == nameof(NotificationEvent.TicketRejected))));
        await service.SubmitOkAsync(TestAuth.Requester, "puppet-cert-delete", TicketService.CertForm(server));
    }

    [Fact]
    public async Task A_rejection_needs_a_reason()
    {
        var id = await service.SubmitOkAsync(TestAuth.Requester, "puppet-cert-delete", TicketService.CertForm(await service.NewServerAsync()));
        await service.WaitForStatusAsync(id, "WaitingForApproval");
        var problem = await (await service.ActAsync(TestAuth.Approver, id, "reject", null)).AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("comment", out _));
    }

    [Fact]
    public async Task The_requester_may_cancel_a_waiting_ticket_and_its_workflow_ends()
    {
        var server = await service.NewServerAsync();
        var id = await service.SubmitOkAsync(TestAuth.Requester, "puppet-cert-delete", TicketService.CertForm(server));
        var waiting = await service.WaitForStatusAsync(id, "WaitingForApproval");

        Assert.Equal(HttpStatusCode.OK, (await service.ActAsync(TestAuth.Requester, id, "cancel", "no longer needed")).StatusCode);

        await service.WaitForStatusAsync(id, "Cancelled");
        var instance = waiting.GetProperty("workflowInstanceId").GetString();
        await TestSupport.Eventually.Until(async () => await service.ScalarAsync($"SELECT status FROM wf_workflows WHERE id = '{instance}'") == 2,
            TimeSpan.FromSeconds(20), "the cancelled ticket's workflow completes");
        Assert.Equal(1, await service.Db(db => db.LocalPuppetCertificates.CountAsync(c => c.Certname == server.Hostname)));
        var inbox = await service.As(TestAuth.Approver).GetFromJsonAsync<JsonElement>("/api/inbox");
        Assert.DoesNotContain(inbox.EnumerateArray(), i => i.GetProperty("ticketId").GetInt64() == id);
    }
}
