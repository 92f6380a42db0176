using Cmdb.Domain.Inventory.Sync;
using Cmdb.Integrations.Cmp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Cmdb.Integrations.Tests.Cmp;

/// <summary>The CMP connector against a recorded fake answering with the documented page shape (docs/inventory-sync.md).</summary>
public sealed class CmpInventoryConnectorTests : IDisposable
{
    private const string Token = "cmp-fake-token-for-tests";
    private readonly WireMockServer _cmp = WireMockServer.Start();

    public void Dispose() => _cmp.Stop();

    private ServiceProvider Services(string? baseUrl = null, int retries = 2) =>
        new ServiceCollection().AddLogging().AddIntegrations(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Integrations:Cmp:BaseUrl"] = baseUrl ?? _cmp.Url,
            ["Integrations:Cmp:Token"] = Token,
            ["Integrations:Cmp:PageSize"] = "10",
            ["Integrations:Cmp:Retries"] = retries.ToString(),
            ["Integrations:Cmp:AttemptTimeout"] = "00:00:02",
        }).Build()).BuildServiceProvider();

    private static object Vm(int i) => new
    {
        uid = $"ins-{i:0000}", name = $"pos-{i}", cloud = "Qcloud", account = "tc-retail", dataCenter = "ap-shanghai", env = "prod",
        tags = "owner:u100,system:pos", status = "running", createdAt = "2026-03-01T08:00:00Z",
        attributes = new { cpu = 4, memory = 8, privateIps = new[] { $"10.5.0.{i}" } },
    };

    private IRequestBuilder Page(string path, int page) => Request.Create().WithPath(path).WithParam("page", page.ToString()).WithParam("pageSize", "10").UsingGet();

    private static IResponseBuilder Json(object body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBodyAsJson(body);

    private static async Task<List<T>> ListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
            list.Add(item);
        return list;
    }

    [Fact]
    public async Task Pages_are_read_until_the_total_and_the_token_is_sent_as_bearer()
    {
        _cmp.Given(Page("/api/v1/inventory/vm", 1)).RespondWith(Json(new { total = 23, items = Enumerable.Range(1, 10).Select(Vm) }));
        _cmp.Given(Page("/api/v1/inventory/vm", 2)).RespondWith(Json(new { total = 23, items = Enumerable.Range(11, 10).Select(Vm) }));
        _cmp.Given(Page("/api/v1/inventory/vm", 3)).RespondWith(Json(new { total = 23, items = Enumerable.Range(21, 3).Select(Vm) }));
        using var services = Services();

        var vms = await ListAsync(services.GetRequiredService<CmpInventoryConnector>().ReadResourcesAsync("vm", default));

        Assert.Equal(23, vms.Count);
        Assert.Equal(("ins-0001", "vm", "Qcloud"), (vms[0].Uid, vms[0].Type, vms[0].Cloud));
        Assert.Equal(4, vms[0].Attributes!["cpu"]!.GetValue<int>());
        Assert.Equal(3, _cmp.LogEntries.Count());
        Assert.All(_cmp.LogEntries, e => Assert.Equal("Bearer " + Token, e.RequestMessage.Headers!["Authorization"].Single()));
    }

    [Fact]
    public async Task Relations_are_read_by_kind()
    {
        _cmp.Given(Page("/api/v1/relations/host-vm", 1)).RespondWith(Json(new
        {
            total = 2, items = new[] { new { sourceType = "host", sourceUid = "h-1", targetType = "vm", targetUid = "ins-0001" }, new { sourceType = "host", sourceUid = "h-1", targetType = "vm", targetUid = "ins-0002" } },
        }));
        using var services = Services();

        var relations = await ListAsync(services.GetRequiredService<CmpInventoryConnector>().ReadRelationsAsync("host-vm", default));

        Assert.Equal([new IncomingRelation("host-vm", "host", "h-1", "vm", "ins-0001"), new IncomingRelation("host-vm", "host", "h-1", "vm", "ins-0002")], relations);
    }

    [Fact]
    public async Task A_passing_server_error_is_retried()
    {
        _cmp.Given(Page("/api/v1/inventory/rds", 1)).InScenario("flaky").WillSetStateTo("recovered").RespondWith(Json(new { message = "busy" }, 503));
        _cmp.Given(Page("/api/v1/inventory/rds", 1)).InScenario("flaky").WhenStateIs("recovered").RespondWith(Json(new { total = 0, items = Array.Empty<object>() }));
        using var services = Services();

        var rds = await ListAsync(services.GetRequiredService<CmpInventoryConnector>().ReadResourcesAsync("rds", default));

        Assert.Empty(rds);
        Assert.Equal(2, _cmp.LogEntries.Count());
    }

    [Fact]
    public async Task A_CMP_that_is_down_is_a_source_failure_that_never_shows_the_token()
    {
        using var services = Services(baseUrl: "http://127.0.0.1:9", retries: 0);

        var failure = await Assert.ThrowsAsync<InventorySourceException>(() => ListAsync(services.GetRequiredService<CmpInventoryConnector>().ReadResourcesAsync("vm", default)));

        Assert.Contains("CMP", failure.Message);
        Assert.Contains("no answer", failure.Message);
        Assert.DoesNotContain(Token, failure.ToString());
    }

    [Fact]
    public async Task A_refused_token_is_a_readable_source_failure()
    {
        _cmp.Given(Page("/api/v1/inventory/vm", 1)).RespondWith(Json(new { message = "invalid token" }, 401));
        using var services = Services();

        var failure = await Assert.ThrowsAsync<InventorySourceException>(() => ListAsync(services.GetRequiredService<CmpInventoryConnector>().ReadResourcesAsync("vm", default)));

        Assert.Contains("HTTP 401", failure.Message);
        Assert.Contains("invalid token", failure.Message);
    }

    [Fact]
    public async Task An_answer_that_is_not_the_documented_shape_is_a_source_failure()
    {
        _cmp.Given(Page("/api/v1/inventory/vm", 1)).RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody("{\"total\": \"many\", \"items\": 7"));
        using var services = Services();

        var failure = await Assert.ThrowsAsync<InventorySourceException>(() => ListAsync(services.GetRequiredService<CmpInventoryConnector>().ReadResourcesAsync("vm", default)));

        Assert.Contains("read vm resources (page 1)", failure.Message);
    }

    [Fact]
    public void Without_a_base_URL_there_is_no_CMP_connector()
    {
        using var services = new ServiceCollection().AddLogging().AddIntegrations(new ConfigurationBuilder().Build()).BuildServiceProvider();

        Assert.Null(services.GetService<CmpInventoryConnector>());
    }
}
