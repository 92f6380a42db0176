using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cmdb.Domain.Common;
using Cmdb.Domain.Notifications;
using Cmdb.Integrations.PuppetCa;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Api.Tests.Tickets;

/// <summary>An activity failing past its retries: an incident the admin retries (or terminates).</summary>
public sealed class IncidentTests(IncidentTests.Service service) : IClassFixture<IncidentTests.Service>
{
    /// <summary>The Puppet CA as a process edge that refuses until told otherwise.</summary>
    public sealed class RefusingCa : IPuppetCertificateAuthority
    {
        private volatile bool _refusing = true;
        private int _calls;

        public int Calls => _calls;

        public void Heal() => _refusing = false;

        public Task<CertificateRemoval> RemoveCertificateAsync(string certname, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return _refusing
                ? throw new ExternalSystemException("Puppet CA", "HTTP 503 Service Unavailable: the CA is restarting", unavailable: true)
                : Task.FromResult(CertificateRemoval.Deleted);
        }

        public Task<bool> HasCertificateAsync(string certname, CancellationToken cancellationToken) => Task.FromResult(_refusing);
    }

    public sealed class Service : TicketService
    {
        public RefusingCa Ca { get; } = new();

        protected override void Configure(Dictionary<string, string?> settings, IServiceCollection services) =>
            services.AddSingleton<IPuppetCertificateAuthority>(Ca);
    }

    [Fact]
    public async Task A_step_failing_past_its_retries_is_an_incident_that_an_admin_retry_resolves()
    {
        var id = await service.SubmitOkAsync(TestAuth.Requester, "puppet-cert-delete", TicketService.CertForm(await service.NewServerAsync()));
        await service.WaitForStatusAsync(id, "WaitingForApproval");
        await service.ActAsync(TestAuth.Approver, id, "approve");

        var failed = await service.WaitForStatusAsync(id, "Failed");
        var incident = failed.GetProperty("incident");
        Assert.Equal("delete-certificate", incident.GetProperty("stepId").GetString());
        Assert.Contains("CA is restarting", incident.GetProperty("error").GetString());
        Assert.Equal(2, service.Ca.Calls);
        var instance = failed.GetProperty("workflowInstanceId").GetString();
        Assert.Equal(1, await service.ScalarAsync($"SELECT status FROM wf_workflows WHERE id = '{instance}'"));
        Assert.True(await service.Db(db => db.Notifications.AnyAsync(n => n.TicketId == id.ToString() && n.Event == nameof(NotificationEvent.StepFailed) && n.RecipientUser == "requester")));
        Assert.True(await service.Db(db => db.Notifications.AnyAsync(n => n.TicketId == id.ToString() && n.Event == nameof(NotificationEvent.StepFailed) && n.RecipientRole == "approver")));
        Assert.Contains("retry", (await service.GetAsync(TestAuth.Admin, id)).GetProperty("actions").EnumerateArray().Select(a => a.GetString()));

        service.Ca.Heal();
        var retried = await service.As(TestAuth.Admin).PostAsJsonAsync($"/api/instances/{instance}/retry", new { comment = "CA is back" });

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var done = await service.WaitForStatusAsync(id, "Completed");
        Assert.Equal(JsonValueKind.Null, done.GetProperty("incident").ValueKind);
        Assert.Contains(done.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("kind").GetString() == "retried");
    }

    [Fact]
    public async Task An_admin_may_terminate_an_incident_and_the_ticket_is_cancelled()
    {
        var server = await service.NewServerAsync();
        var id = await service.SubmitOkAsync(TestAuth.Requester, "puppet-cert-delete", TicketService.CertForm(server));
        await service.WaitForStatusAsync(id, "WaitingForApproval");
        var instance = (await service.GetAsync(TestAuth.Admin, id)).GetProperty("workflowInstanceId").GetString();

        var suspended = await service.As(TestAuth.Admin).PostAsJsonAsync($"/api/instances/{instance}/suspend", new { comment = "hold" });
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        var resumeBusy = await service.As(TestAuth.Admin).PostAsJsonAsync($"/api/instances/{instance}/suspend", new { });
        await resumeBusy.AssertProblem(HttpStatusCode.Conflict);
        var terminated = await service.As(TestAuth.Admin).PostAsJsonAsync($"/api/instances/{instance}/terminate", new { comment = "wrong store" });

        Assert.Equal(HttpStatusCode.OK, terminated.StatusCode);
        await service.WaitForStatusAsync(id, "Cancelled");
        Assert.Equal(3, await service.ScalarAsync($"SELECT status FROM wf_workflows WHERE id = '{instance}'"));
        Assert.Equal(0, await service.Db(db => db.ResourceClaims.CountAsync(c => c.TicketId == id)));
        await (await service.As(TestAuth.Requester).PostAsJsonAsync($"/api/instances/{instance}/retry", new { })).AssertProblem(HttpStatusCode.Forbidden);
    }
}
