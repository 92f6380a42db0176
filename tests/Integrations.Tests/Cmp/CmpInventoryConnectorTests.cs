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

    private ServiceProvider Services(string? baseUrl = null, int retries = 2, params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Integrations:Cmp:BaseUrl"] = baseUrl ?? _cmp.Url,
            ["Integrations:Cmp:Token"] = Token,
            ["Integrations:Cmp:PageSize"] = "10",
            ["Integrations:Cmp:Retries"] = retries.ToString(),
            ["Integrations:Cmp:AttemptTimeout"] = "00:00:02",
        };
        foreach (var (key, value) in overrides)
            settings["Integrations:Cmp:" + key] = value;
        return new ServiceCollection().AddLogging().AddIntegrations(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
    }

    private static Task<InventorySourceException> FailureAsync(ServiceProvider services, string type = "vm") =>
        Assert.ThrowsAsync<InventorySourceException>(() => ListAsync(services.GetRequiredService<CmpInventoryConnector>().ReadResourcesAsync(type, default)));

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

    [Fact]
    public async Task A_last_full_page_ends_the_list_without_asking_for_an_empty_one()
    {
        _cmp.Given(Page("/api/v1/inventory/vm", 1)).RespondWith(Json(new { total = 20, items = Enumerable.Range(1, 10).Select(Vm) }));
        _cmp.Given(Page("/api/v1/inventory/vm", 2)).RespondWith(Json(new { total = 20, items = Enumerable.Range(11, 10).Select(Vm) }));
        using var services = Services();

        var vms = await ListAsync(services.GetRequiredService<CmpInventoryConnector>().ReadResourcesAsync("vm", default));

        Assert.Equal(20, vms.Select(v => v.Uid).Distinct().Count());
        Assert.Equal(["1", "2"], _cmp.LogEntries.Select(e => e.RequestMessage.Query!["page"].Single()));
    }

    [Fact]
    public async Task Without_a_total_pages_are_read_until_a_short_one_and_null_items_are_skipped()
    {
        _cmp.Given(Page("/api/v1/inventory/vm", 1)).RespondWith(Json(new { items = Enumerable.Range(1, 10).Select(Vm) }));
        _cmp.Given(Page("/api/v1/inventory/vm", 2)).RespondWith(Json(new { items = new[] { Vm(11), null, Vm(12) } }));
        using var services = Services();

        var vms = await ListAsync(services.GetRequiredService<CmpInventoryConnector>().ReadResourcesAsync("vm", default));

        Assert.Equal(12, vms.Count);
        Assert.Equal("ins-0012", vms[^1].Uid);
    }

    [Fact]
    public async Task Items_are_streamed_page_by_page()
    {
        _cmp.Given(Page("/api/v1/inventory/vm", 1)).RespondWith(Json(new { total = 30, items = Enumerable.Range(1, 10).Select(Vm) }));
        _cmp.Given(Page("/api/v1/inventory/vm", 2)).RespondWith(Json(new { message = "bad gateway" }, 502));
        using var services = Services(retries: 0);
        var read = 0;

        var failure = await Assert.ThrowsAsync<InventorySourceException>(async () =>
        {
            await foreach (var _ in services.GetRequiredService<CmpInventoryConnector>().ReadResourcesAsync("vm", default))
                read++;
        });

        Assert.Equal(10, read);
        Assert.Contains("read vm resources (page 2): HTTP 502", failure.Message);
    }

    [Fact]
    public async Task A_CMP_that_cuts_pages_shorter_than_asked_is_a_source_failure_not_a_short_inventory()
    {
        _cmp.Given(Page("/api/v1/inventory/vm", 1)).RespondWith(Json(new { total = 23, items = Enumerable.Range(1, 5).Select(Vm) }));
        using var services = Services();

        var failure = await FailureAsync(services);

        Assert.Contains("5 items on page 1 of 10, yet a total of 23", failure.Message);
        Assert.Contains("Integrations:Cmp:PageSize", failure.Message);
    }

    [Fact]
    public async Task A_server_error_that_lasts_fails_after_the_retries()
    {
        _cmp.Given(Page("/api/v1/inventory/vm", 1)).RespondWith(Json(new { message = "database is down" }, 500));
        using var services = Services(retries: 2);

        var failure = await FailureAsync(services);

        Assert.Equal(3, _cmp.LogEntries.Count());
        Assert.Contains("HTTP 500", failure.Message);
        Assert.Contains("database is down", failure.Message);
    }

    [Fact]
    public async Task A_CMP_that_does_not_answer_in_time_is_a_source_failure()
    {
        _cmp.Given(Page("/api/v1/inventory/vm", 1)).RespondWith(Json(new { total = 0, items = Array.Empty<object>() }).WithDelay(TimeSpan.FromSeconds(3)));
        using var services = Services(retries: 0, overrides: ("AttemptTimeout", "00:00:00.300"));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var failure = await FailureAsync(services);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2.5), $"took {clock.Elapsed}");
        Assert.Contains("read vm resources (page 1): no answer", failure.Message);
    }

    [Fact]
    public async Task A_token_the_CMP_echoes_in_an_error_is_masked()
    {
        _cmp.Given(Page("/api/v1/inventory/vm", 1)).RespondWith(Json(new { message = $"token {Token} is expired" }, 401));
        using var services = Services();

        var failure = await FailureAsync(services);

        Assert.Contains("HTTP 401", failure.Message);
        Assert.Contains("token *** is expired", failure.Message);
        Assert.DoesNotContain(Token, failure.ToString());
    }

    [Theory]
    [InlineData("Token", null, "Token is required")]
    [InlineData("PageSize", "100000", "PageSize")]
    [InlineData("PageSize", "lots", "PageSize")]
    [InlineData("BaseUrl", "cmp without scheme", "BaseUrl must be an absolute URL")]
    public async Task Settings_that_are_not_valid_fail_the_run_not_the_start(string key, string? value, string named)
    {
        using var services = Services(overrides: (key, value));

        // What the host does at start: validate the options registered for validation on start.
        services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
        var connector = services.GetRequiredService<CmpInventoryConnector>();
        var failure = await FailureAsync(services);

        Assert.Equal("cmp", connector.Name);
        Assert.Contains("Integrations:Cmp", failure.Message);
        Assert.Contains(named, failure.Message);
        Assert.DoesNotContain(Token, failure.ToString());
        Assert.Empty(_cmp.LogEntries);
    }
}
