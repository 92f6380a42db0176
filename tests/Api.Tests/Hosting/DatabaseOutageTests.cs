using System.Net;
using System.Text.Json;
using Cmdb.TestSupport;

namespace Cmdb.Api.Tests.Hosting;

/// <summary>MariaDB of the test's own, stopped and started while the service runs.</summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Recovery = TimeSpan.FromSeconds(60);
    private PrivateMariaDb _database = null!;

    public async Task InitializeAsync() => _database = await PrivateMariaDb.StartNewAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private CmdbApiFactory NewService() => new(new Dictionary<string, string?>
    {
        ["Database:Provider"] = "MySql",
        ["Database:ServerVersion"] = "10.11.0-mariadb",
        ["ConnectionStrings:Cmdb"] = _database.ConnectionString + ";Database=cmdb_outage",
    });

    private static async Task<(HttpStatusCode Status, string Body)> Get(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task AssertUnavailable(HttpClient client)
    {
        var (liveStatus, _) = await Get(client, "/health/live");
        Assert.Equal(HttpStatusCode.OK, liveStatus);

        var (readyStatus, readyBody) = await Get(client, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyStatus);
        var database = JsonDocument.Parse(readyBody).RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "database");
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
        Assert.StartsWith("database unavailable:", database.GetProperty("description").GetString());

        var problem = await (await client.GetAsync("/api/instances")).AssertProblem(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("database", problem.GetProperty("system").GetString());
    }

    private static async Task WaitUntilServing(HttpClient client)
    {
        await Eventually.Until(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, Recovery, "/health/ready is 200 again");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/instances")).StatusCode);
    }

    [Fact]
    public async Task The_service_starts_without_its_database_and_serves_once_it_comes()
    {
        await _database.StopAsync();
        await using var service = NewService();
        using var client = service.CreateClient().As(TestAuth.Admin);

        await AssertUnavailable(client);

        await _database.StartAsync();
        await WaitUntilServing(client);
    }

    [Fact]
    public async Task Losing_the_database_gives_503_and_the_service_recovers_without_a_restart()
    {
        await using var service = await NewService().StartedAsync();
        using var client = service.CreateClient().As(TestAuth.Admin);
        await WaitUntilServing(client);

        await _database.StopAsync();
        await AssertUnavailable(client);

        await _database.StartAsync();
        await WaitUntilServing(client);
    }
}
