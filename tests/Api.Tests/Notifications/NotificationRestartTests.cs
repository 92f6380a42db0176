using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cmdb.TestSupport;

namespace Cmdb.Api.Tests.Notifications;

/// <summary>The real service as a process, killed between a failed send and its retry.</summary>
public sealed class NotificationRestartTests : IAsyncLifetime
{
    private readonly FakeWeCom _wecom = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("cmdb-restart-").FullName;
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestMariaDb.CreateDatabaseAsync("restart");

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _wecom.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<(ChildProcess Process, HttpClient Http)> StartService(string name)
    {
        var port = FreePort.Next();
        var settings = _database.Configuration();
        foreach (var (key, value) in TestAuth.Settings())
            settings[key] = value;
        settings["Integrations:WeCom:BaseUrl"] = _wecom.Url;
        settings["Integrations:WeCom:Robots:alerts"] = FakeWeCom.RobotKey;
        settings["Integrations:WeCom:Retries"] = "0";
        settings["Notifications:PollInterval"] = "00:00:00.200";
        settings["Notifications:RetryBaseDelay"] = "00:00:02";
        settings["urls"] = $"http://127.0.0.1:{port}";
        var process = ChildProcess.StartDotnet(name, BuildOutput.Dll("src/Api", "Cmdb.Api"),
            settings.Select(s => $"--{s.Key}={s.Value}"), workingDirectory: _folder);
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) }.As(TestAuth.Admin);
        await Eventually.Until(async () => (await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60), $"{name} is ready\n{process.Tail()}");
        return (process, http);
    }

    private Task<long> Scalar(string sql) => _database.ScalarAsync(sql);

    [Fact]
    public async Task A_send_that_failed_before_a_crash_is_retried_after_the_restart_and_delivered_once()
    {
        _wecom.FailThenSucceed(500);

        var (first, http) = await StartService("first");
        var queued = await http.PostAsJsonAsync("/api/notifications/test", new { purpose = "alerts", text = "重启前后" });
        var id = (await queued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await Eventually.Until(async () => await Scalar($"SELECT attempts FROM notifications WHERE id = {id}") == 1,
            TimeSpan.FromSeconds(30), "the first send failed and was recorded");
        await first.KillAsync();
        var firstLog = first.Tail(2000);
        await first.DisposeAsync();
        Assert.Equal(0, await Scalar($"SELECT status FROM notifications WHERE id = {id}"));
        Assert.Equal((1, 0), (_wecom.Requests, _wecom.Delivered));

        var (second, _) = await StartService("second");
        await using (second)
        {
            await Eventually.Until(async () => await Scalar($"SELECT status FROM notifications WHERE id = {id}") == 1,
                TimeSpan.FromSeconds(30), $"the notification is sent after the restart\n{second.Tail()}");
            Assert.Equal((2, 1), (_wecom.Requests, _wecom.Delivered));
            Assert.DoesNotContain(FakeWeCom.RobotKey, firstLog + second.Tail(2000));
        }
    }
}
