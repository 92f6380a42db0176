using System.Net.Http.Json;
using System.Net;
using Cmdb.Api.Tests.Tickets;
using Cmdb.Integrations.Dns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Api.Tests.Clusters;

/// <summary>DNS生效中 when the name server never answers: an incident after the timeout; an admin retry once it answers completes the ticket.</summary>
public sealed class DnsWaitTests(DnsWaitTests.Service service) : IClassFixture<DnsWaitTests.Service>
{
    /// <summary>The name server as clients see it: stale (answers nothing) until told it has the record.</summary>
    public sealed class StaleNameServer : IDnsResolver
    {
        private volatile bool _fresh;
        private int _asked;

        public int Asked => _asked;

        public void Refresh() => _fresh = true;

        public async Task<IReadOnlyList<string>> ResolveAsync(string name, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _asked);
            if (!_fresh)
                return [];
            await using var scope = Services!.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Cmdb.Domain.Persistence.CmdbDbContext>();
            var record = await db.LocalDnsRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Name == DnsNames.Normalize(name), cancellationToken);
            return record?.Addresses.Split(',') ?? [];
        }

        public IServiceProvider? Services { get; set; }
    }

    public sealed class Service : ClusterService
    {
        public StaleNameServer NameServer { get; } = new();

        protected override void Configure(Dictionary<string, string?> settings, IServiceCollection services)
        {
            base.Configure(settings, services);
            services.AddSingleton<IDnsResolver>(NameServer);
        }

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            NameServer.Services = Factory.Services;
        }
    }

    [Fact]
    public async Task A_name_that_never_resolves_times_out_into_an_incident_and_a_retry_after_it_resolves_completes()
    {
        var name = $"t-{Guid.NewGuid():N}"[..14];
        var id = await service.SubmitOkAsync(TestAuth.Requester, "cluster-create", ClusterService.CreateForm(name));
        await service.WaitForStatusAsync(id, "WaitingForApproval");
        await service.ActAsync(TestAuth.Approver, id, "approve");

        var failed = await service.WaitForStatusAsync(id, "Failed");
        var incident = failed.GetProperty("incident");
        Assert.Equal("wait-dns", incident.GetProperty("stepId").GetString());
        Assert.Contains("did not resolve to 10.40.0.1", incident.GetProperty("error").GetString());
        Assert.True(service.NameServer.Asked >= 3, $"asked {service.NameServer.Asked} times");
        Assert.False(await service.Db(db => db.Clusters.AnyAsync(c => c.Name == name)));

        service.NameServer.Refresh();
        // The ticket shows the incident a moment before the engine has suspended the workflow: retry once it is.
        await Cmdb.TestSupport.Eventually.Until(async () => (await service.As(TestAuth.Admin).PostAsJsonAsync(
            $"/api/instances/{failed.GetProperty("workflowInstanceId").GetString()}/retry", new { comment = "DNS fixed" })).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(20), "the admin retry is taken");
        await service.WaitForStatusAsync(id, "Completed");
        Assert.True(await service.Db(db => db.Clusters.AnyAsync(c => c.Name == name)));
    }
}
