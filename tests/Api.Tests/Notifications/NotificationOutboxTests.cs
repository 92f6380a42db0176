using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cmdb.Domain.Notifications;
using Cmdb.Domain.Persistence;
using Cmdb.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WireMock.ResponseBuilders;

namespace Cmdb.Api.Tests.Notifications;

public sealed class NotificationOutboxTests : IAsyncLifetime
{
    private readonly FakeWeCom _wecom = new();
    private TestDatabase _database = null!;
    private CmdbApiFactory _service = null!;

    public async Task InitializeAsync()
    {
        _database = await TestMariaDb.CreateDatabaseAsync("outbox");
        var settings = _database.Configuration();
        settings["Integrations:WeCom:BaseUrl"] = _wecom.Url;
        settings["Integrations:WeCom:Robots:alerts"] = FakeWeCom.RobotKey;
        settings["Integrations:WeCom:Retries"] = "2";
        settings["Notifications:PollInterval"] = "00:00:00.100";
        settings["Notifications:RetryBaseDelay"] = "00:00:00.100";
        settings["Notifications:MaxAttempts"] = "3";
        _service = await new CmdbApiFactory(settings).StartedAsync();
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _database.DisposeAsync();
        _wecom.Dispose();
    }

    private async Task<long> SendTest(string purpose)
    {
        var response = await _service.CreateClient().As(TestAuth.Admin).PostAsJsonAsync("/api/notifications/test", new { purpose, text = "检查机器人" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private async Task<NotificationRecord> WaitForStatus(long id, NotificationStatus status)
    {
        NotificationRecord record = null!;
        await Eventually.Until(async () =>
        {
            await using var db = await _service.Services.GetRequiredService<IDbContextFactory<CmdbDbContext>>().CreateDbContextAsync();
            record = await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id);
            return record.Status == status;
        }, TimeSpan.FromSeconds(30), $"notification {id} is {status}");
        return record;
    }

    [Fact]
    public async Task WeCom_answering_500_500_then_200_gets_the_message_once()
    {
        _wecom.FailThenSucceed(500, 500);

        var record = await WaitForStatus(await SendTest("alerts"), NotificationStatus.Sent);

        Assert.Equal((3, 1), (_wecom.Requests, _wecom.Delivered));
        Assert.Equal(1, record.Attempts);
        var body = JsonDocument.Parse(_wecom.Server.LogEntries.Last().RequestMessage.Body!).RootElement;
        Assert.Contains("检查机器人", body.GetProperty("markdown").GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_robot_that_keeps_failing_is_given_up_on_and_shown_as_failed()
    {
        _wecom.Server.Given(FakeWeCom.Send).RespondWith(Response.Create().WithBodyAsJson(new { errcode = 45009, errmsg = "api freq out of limit" }));

        var id = await SendTest("alerts");
        var record = await WaitForStatus(id, NotificationStatus.Failed);

        Assert.Equal(3, record.Attempts);
        Assert.Contains("45009", record.LastError);
        var outbox = await _service.CreateClient().As(TestAuth.Admin).GetFromJsonAsync<JsonElement>("/api/notifications/outbox?status=failed");
        Assert.Contains(outbox.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == id);
        var mine = await _service.CreateClient().As(TestAuth.Admin).GetFromJsonAsync<JsonElement>("/api/notifications");
        var shown = mine.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetInt64() == id);
        Assert.StartsWith("sending failed after 3 attempts", shown.GetProperty("delivery").GetString());
    }

    [Fact]
    public async Task Without_a_robot_the_message_is_kept_for_the_app_only()
    {
        var id = await SendTest("requesters");

        var record = await WaitForStatus(id, NotificationStatus.NotSent);

        Assert.Equal("not sent: no robot configured", record.LastError);
        Assert.Equal(0, _wecom.Requests);
    }
}
