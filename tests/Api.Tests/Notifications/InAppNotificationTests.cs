using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cmdb.Domain.Notifications;
using Cmdb.Domain.Persistence;
using Cmdb.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Api.Tests.Notifications;

public sealed class InAppNotificationTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private CmdbApiFactory _service = null!;

    public async Task InitializeAsync()
    {
        _database = await TestMariaDb.CreateDatabaseAsync("inapp");
        _service = await new CmdbApiFactory(_database.Configuration()).StartedAsync();
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<Dictionary<string, long>> SeedAsync()
    {
        await using var db = await _service.Services.GetRequiredService<IDbContextFactory<CmdbDbContext>>().CreateDbContextAsync();
        var facts = new NotificationFacts { Event = NotificationEvent.TicketSubmitted, Flow = "Group修改流程", TicketId = "T-7" };
        var records = new Dictionary<string, NotificationRecord>
        {
            ["mine"] = NotificationOutbox.Add(db, facts, NotificationPurposes.Requesters, recipientUser: "approver"),
            ["approvers"] = NotificationOutbox.Add(db, facts, NotificationPurposes.Approvers, recipientRole: "approver"),
            ["admins"] = NotificationOutbox.Add(db, facts, NotificationPurposes.Alerts, recipientRole: "admin"),
            ["other user"] = NotificationOutbox.Add(db, facts, NotificationPurposes.Requesters, recipientUser: "requester"),
        };
        await db.SaveChangesAsync();
        return records.ToDictionary(r => r.Key, r => r.Value.Id);
    }

    private async Task<JsonElement> Mine(HttpClient client, string query = "") =>
        await client.GetFromJsonAsync<JsonElement>("/api/notifications" + query);

    private static List<long> Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();

    [Fact]
    public async Task I_see_what_was_sent_to_me_or_my_roles_unread_first()
    {
        var ids = await SeedAsync();
        using var client = _service.CreateClient().As(TestAuth.Approver);

        var before = await Mine(client);
        Assert.Equal(new[] { ids["approvers"], ids["mine"] }, Ids(before));
        Assert.Equal(2, before.GetProperty("unread").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/notifications/{ids["approvers"]}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/notifications/{ids["approvers"]}/read", null)).StatusCode);

        var after = await Mine(client);
        Assert.Equal(new[] { ids["mine"], ids["approvers"] }, Ids(after));
        Assert.Equal(1, after.GetProperty("unread").GetInt32());
        Assert.Equal(new[] { ids["mine"] }, Ids(await Mine(client, "?unreadOnly=true")));
    }

    [Fact]
    public async Task Read_all_marks_only_mine()
    {
        await SeedAsync();
        using var approver = _service.CreateClient().As(TestAuth.Approver);
        using var requester = _service.CreateClient().As(TestAuth.Requester);

        var marked = await (await approver.PostAsync("/api/notifications/read-all", null)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(2, marked.GetProperty("count").GetInt32());
        Assert.Equal(0, (await Mine(approver)).GetProperty("unread").GetInt32());
        Assert.Equal(1, (await Mine(requester)).GetProperty("unread").GetInt32());
    }

    [Fact]
    public async Task Someone_elses_notification_cannot_be_marked_read()
    {
        var ids = await SeedAsync();
        using var client = _service.CreateClient().As(TestAuth.Approver);
        await (await client.PostAsync($"/api/notifications/{ids["other user"]}/read", null)).AssertProblem(HttpStatusCode.NotFound);
    }
}
