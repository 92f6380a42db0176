using Cmdb.Domain.Common;
using Cmdb.Integrations.Rancher;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Cmdb.Integrations.Tests.Rancher;

/// <summary>The Rancher v3 client against a recorded fake answering with Rancher's documented cluster resource shape.</summary>
public sealed class RancherClustersTests : IDisposable
{
    private const string Token = "token-abcde:fake-secret-for-tests";
    private readonly WireMockServer _rancher = WireMockServer.Start();

    public void Dispose() => _rancher.Stop();

    private ServiceProvider Services(string attemptTimeout = "00:00:02") =>
        new ServiceCollection().AddLogging().AddIntegrations(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Integrations:Rancher:BaseUrl"] = _rancher.Url,
            ["Integrations:Rancher:Token"] = Token,
            ["Integrations:Rancher:Retries"] = "2",
            ["Integrations:Rancher:AttemptTimeout"] = attemptTimeout,
        }).Build()).BuildServiceProvider();

    private IRequestBuilder Cluster(string id) => Request.Create().WithPath($"/v3/clusters/{id}").UsingGet();

    /// <summary>A v3 cluster resource, trimmed to a realistic subset of its fields.</summary>
    private static object Resource(string id, string state, string? apiEndpoint) => new
    {
        id, type = "cluster", baseType = "cluster", name = "edge-" + id, state, transitioning = "no", transitioningMessage = "",
        apiEndpoint, driver = "imported", provider = "k3s", created = "2026-10-01T08:00:00Z",
        links = new { self = $"https://rancher.example.test/v3/clusters/{id}" },
        conditions = new[] { new { type = "Ready", status = "True" } },
    };

    private static IResponseBuilder Json(object body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBodyAsJson(body);

    [Fact]
    public async Task An_active_cluster_gives_its_k8s_IP_from_the_API_endpoint_and_the_token_is_sent_as_bearer()
    {
        _rancher.Given(Cluster("c-m4x2k")).RespondWith(Json(Resource("c-m4x2k", "active", "https://10.20.0.5:6443")));
        using var services = Services();

        var cluster = await services.GetRequiredService<IRancherClusters>().GetClusterAsync("c-m4x2k", default);

        Assert.NotNull(cluster);
        Assert.True(cluster.IsActive);
        Assert.Equal("10.20.0.5", cluster.K8sIp);
        Assert.Equal("Bearer " + Token, Assert.Single(_rancher.LogEntries).RequestMessage.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task A_cluster_Rancher_does_not_know_is_null()
    {
        _rancher.Given(Cluster("c-nope")).RespondWith(Json(new { type = "error", status = 404, code = "NotFound", message = "clusters.management.cattle.io \"c-nope\" not found" }, 404));
        using var services = Services();

        Assert.Null(await services.GetRequiredService<IRancherClusters>().GetClusterAsync("c-nope", default));
    }

    [Fact]
    public async Task A_server_error_is_retried_and_then_succeeds()
    {
        _rancher.Given(Cluster("c-flaky")).InScenario("flaky").WillSetStateTo("second")
            .RespondWith(Json(new { type = "error", status = 500, code = "ServerError", message = "etcd timeout" }, 500));
        _rancher.Given(Cluster("c-flaky")).InScenario("flaky").WhenStateIs("second")
            .RespondWith(Json(Resource("c-flaky", "active", "https://10.20.0.9:6443")));
        using var services = Services();

        var cluster = await services.GetRequiredService<IRancherClusters>().GetClusterAsync("c-flaky", default);

        Assert.Equal("10.20.0.9", cluster!.K8sIp);
        Assert.Equal(2, _rancher.LogEntries.Count());
    }

    [Fact]
    public async Task A_slow_answer_past_the_attempt_timeout_is_retried_then_reported_unavailable()
    {
        _rancher.Given(Cluster("c-slow")).RespondWith(Json(Resource("c-slow", "active", "https://10.20.0.7:6443")).WithDelay(TimeSpan.FromSeconds(20)));
        using var services = Services(attemptTimeout: "00:00:00.300");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<ExternalSystemException>(() => services.GetRequiredService<IRancherClusters>().GetClusterAsync("c-slow", default));

        Assert.True(ex.Unavailable);
        Assert.Equal("Rancher", ex.System);
        // Three attempts of 0.3 s each (WireMock does not log requests whose client gave up).
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"gave up after {watch.Elapsed}");
        // Waiting for even one slow answer would take 20 s; the margin is for a loaded CI machine.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"waited for the slow answer: {watch.Elapsed}");
        Assert.DoesNotContain("fake-secret", ex.ToString());
    }

    [Fact]
    public async Task A_refused_token_is_a_readable_error_that_is_not_retried()
    {
        _rancher.Given(Cluster("c-any")).RespondWith(Json(new { type = "error", status = 401, code = "Unauthorized", message = "must authenticate" }, 401));
        using var services = Services();

        var ex = await Assert.ThrowsAsync<ExternalSystemException>(() => services.GetRequiredService<IRancherClusters>().GetClusterAsync("c-any", default));

        Assert.Contains("HTTP 401", ex.Message);
        Assert.Contains("must authenticate", ex.Message);
        Assert.False(ex.Unavailable);
        Assert.Single(_rancher.LogEntries);
    }

    [Fact]
    public void An_endpoint_that_is_a_host_name_has_no_k8s_IP() =>
        Assert.Null(new RancherCluster("c-1", "x", "active", "https://k8s.example.test:6443").K8sIp);
}
