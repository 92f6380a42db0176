using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cmdb.Api.Tests.Tickets;
using Cmdb.TestSupport.Servers;
using Microsoft.EntityFrameworkCore;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Cmdb.Api.Tests.Clusters;

/// <summary>The cluster flows against a real PowerDNS (scripts/pdns.sh) and Rancher played by WireMock with its v3 shapes.</summary>
public sealed class ClusterRealSystemsTests(ClusterRealSystemsTests.Service service) : IClassFixture<ClusterRealSystemsTests.Service>
{
    public sealed class Service : ClusterService
    {
        public TestPowerDns PowerDns { get; } = TestPowerDns.FromEnvironment();
        public WireMockServer Rancher { get; } = WireMockServer.Start();

        protected override void Configure(Dictionary<string, string?> settings, Microsoft.Extensions.DependencyInjection.IServiceCollection services)
        {
            base.Configure(settings, services);
            foreach (var (key, value) in PowerDns.Configuration())
                settings[key] = value;
            settings["Integrations:Dns:Wait:Timeout"] = "00:00:20";
            settings["Integrations:Rancher:BaseUrl"] = Rancher.Url;
            settings["Integrations:Rancher:Token"] = "token-test:not-a-real-secret";
            settings["Integrations:Rancher:Retries"] = "1";
            settings["Integrations:Rancher:AttemptTimeout"] = "00:00:00.500";
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            Rancher.Stop();
        }

        public void RancherAnswers(string id, string endpoint) => Rancher.Given(Request.Create().WithPath($"/v3/clusters/{id}").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBodyAsJson(new { id, type = "cluster", name = id, state = "active", apiEndpoint = endpoint }));
    }

    [Fact]
    public async Task The_record_is_in_PowerDNS_and_resolves_before_the_cluster_is_recorded()
    {
        var name = service.PowerDns.UniqueName("cluster").Split('.')[0];
        var domain = $"{name}.{service.PowerDns.Zone}";
        var id = await service.SubmitOkAsync(TestAuth.Requester, "cluster-create", ClusterService.CreateForm(name, ingress: "10.63.1.9", domain: domain));
        await service.WaitForStatusAsync(id, "WaitingForApproval");
        await service.ActAsync(TestAuth.Approver, id, "approve");

        var done = await service.WaitForStatusAsync(id, "Completed");

        Assert.Equal(["10.63.1.9"], await service.PowerDns.ARecordsAsync(domain));
        var timeline = done.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "stepCompleted").ToList();
        var waited = timeline.FindIndex(e => e.GetProperty("stepId").GetString() == "wait-dns");
        var recorded = timeline.FindIndex(e => e.GetProperty("stepId").GetString() == "create-cluster");
        Assert.True(waited >= 0 && waited < recorded, "the name resolved before the cluster was recorded");
        Assert.Contains("10.63.1.9", timeline[waited].GetProperty("comment").GetString());
        Assert.True(await service.Db(db => db.Clusters.AnyAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task Rancher_failing_once_at_submit_is_retried_and_the_k8s_IP_comes_from_its_answer()
    {
        var k8sId = $"c-{Guid.NewGuid():N}"[..10];
        service.Rancher.Given(Request.Create().WithPath($"/v3/clusters/{k8sId}").UsingGet()).InScenario(k8sId).WillSetStateTo("up")
            .RespondWith(Response.Create().WithStatusCode(503).WithBodyAsJson(new { type = "error", status = 503, message = "rancher is starting" }));
        service.Rancher.Given(Request.Create().WithPath($"/v3/clusters/{k8sId}").UsingGet()).InScenario(k8sId).WhenStateIs("up")
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json")
                .WithBodyAsJson(new { id = k8sId, type = "cluster", name = k8sId, state = "active", apiEndpoint = "https://10.64.0.3:6443" }));

        var id = await service.SubmitOkAsync(TestAuth.Requester, "cluster-create",
            ClusterService.CreateForm($"t-{Guid.NewGuid():N}"[..14], location: "Ali", k8sIp: null, k8sId: k8sId, lbId: "lb-9"));

        Assert.Equal("10.64.0.3", (await service.GetAsync(TestAuth.Requester, id)).GetProperty("form").GetProperty("k8sIp").GetString());
    }

    [Fact]
    public async Task Rancher_down_at_submit_is_a_503_naming_it()
    {
        service.Rancher.Given(Request.Create().WithPath("/v3/clusters/c-down").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(503).WithBodyAsJson(new { type = "error", status = 503, message = "maintenance" }));
        var response = await service.SubmitAsync(TestAuth.Requester, "cluster-create",
            ClusterService.CreateForm($"t-{Guid.NewGuid():N}"[..14], location: "AWS", k8sIp: null, k8sId: "c-down", lbId: "lb-9"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Rancher", problem.GetProperty("system").GetString());
    }

    [Fact]
    public async Task Rancher_timing_out_while_a_change_is_applied_is_an_incident_and_a_retry_after_it_answers_completes()
    {
        var cluster = await service.NewClusterAsync("dev", location: "Ali", size: "3+3", k8sId: "c-old");
        var k8sId = $"c-{Guid.NewGuid():N}"[..10];
        service.RancherAnswers(k8sId, "https://10.65.0.4:6443");
        var id = await service.SubmitOkAsync(TestAuth.Requester, "cluster-change", new { clusterId = cluster.Id, k8sId });
        await service.WaitForStatusAsync(id, "WaitingForApproval");

        // Rancher now answers too slowly: the apply step times out, retries, and becomes an incident.
        service.Rancher.ResetMappings();
        service.Rancher.Given(Request.Create().WithPath($"/v3/clusters/{k8sId}").UsingGet())
            .RespondWith(Response.Create().WithBodyAsJson(new { id = k8sId, state = "active" }).WithDelay(TimeSpan.FromSeconds(3)));
        await service.ActAsync(TestAuth.Approver, id, "approve");
        var failed = await service.WaitForStatusAsync(id, "Failed", TimeSpan.FromSeconds(60));
        Assert.Equal("apply", failed.GetProperty("incident").GetProperty("stepId").GetString());
        Assert.Contains("Rancher", failed.GetProperty("incident").GetProperty("error").GetString());

        service.Rancher.ResetMappings();
        service.RancherAnswers(k8sId, "https://10.65.0.4:6443");
        // The ticket shows the incident a moment before the engine has suspended the workflow: retry once it is.
        await Cmdb.TestSupport.Eventually.Until(async () => (await service.As(TestAuth.Admin).PostAsJsonAsync(
            $"/api/instances/{failed.GetProperty("workflowInstanceId").GetString()}/retry", new { comment = "Rancher is back" })).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(20), "the admin retry is taken");
        await service.WaitForStatusAsync(id, "Completed");
        Assert.Equal("10.65.0.4", await service.Db(db => db.Clusters.Where(c => c.Id == cluster.Id).Select(c => c.K8sIp).SingleAsync()));
    }
}
