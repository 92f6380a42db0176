using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cmdb.Domain.Audit;

namespace Cmdb.Api.Tests.Audit;

public sealed class AuditQueryTests(AuditService service) : IClassFixture<AuditService>
{
    /// <summary>Records of a module only this test uses, so other tests' calls do not disturb the counts.</summary>
    private async Task<string> SeedAsync(params (string User, string Operation, string Method, int Status, string? Scope, int MinutesAgo)[] rows)
    {
        var module = "M" + Guid.NewGuid().ToString("N")[..10];
        await service.AddAsync(rows.Select(r => new AuditRecord
        {
            Time = DateTime.UtcNow.AddMinutes(-r.MinutesAgo),
            Module = module,
            Method = r.Method,
            Operation = r.Operation,
            Url = $"/api/{module}/{r.Operation}",
            Status = r.Status,
            UserName = r.User,
            UserKey = r.User.ToLowerInvariant(),
            Nickname = r.User,
            Scope = r.Scope,
            DurationMs = 1,
        }).ToArray());
        return module;
    }

    private async Task<JsonElement> Query(TestAuth.Persona persona, string query)
    {
        var response = await service.Factory.CreateClient().As(persona).GetAsync("/api/audit-logs?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static List<string?> Operations(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("operation").GetString()).ToList();

    [Fact]
    public async Task Each_user_sees_the_records_of_their_scopes_and_an_admin_sees_all()
    {
        var module = await SeedAsync(("user.x", "OnIdc", "GET", 200, "idc", 3), ("user.x", "OnCloud", "GET", 200, "cloud", 2), ("user.x", "OnNone", "GET", 200, null, 1));

        Assert.Equal(["OnIdc"], Operations(await Query(TestAuth.IdcUser, $"module={module}")));
        Assert.Equal(["OnCloud"], Operations(await Query(TestAuth.CloudUser, $"module={module}")));
        Assert.Equal(["OnNone", "OnCloud", "OnIdc"], Operations(await Query(TestAuth.Admin, $"module={module}")));
        var refused = await service.Factory.CreateClient().As(TestAuth.Approver).GetAsync("/api/audit-logs");
        await refused.AssertProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Records_are_filtered_newest_first_and_paged()
    {
        var module = await SeedAsync(
            ("User.A", "Approve", "POST", 200, null, 50),
            ("user.a", "Reject", "POST", 409, null, 40),
            ("user.b", "Approve", "POST", 200, null, 30),
            ("USER.A", "List", "GET", 200, null, 20),
            ("user.a", "Approve", "POST", 200, null, 10));

        Assert.Equal(["Approve", "List", "Reject", "Approve"], Operations(await Query(TestAuth.Admin, $"module={module}&user=user.A")));
        Assert.Equal(["Approve", "Approve", "Approve"], Operations(await Query(TestAuth.Admin, $"module={module}&operation=Approve")));
        Assert.Equal(["List"], Operations(await Query(TestAuth.Admin, $"module={module}&method=get")));
        Assert.Equal(["Reject"], Operations(await Query(TestAuth.Admin, $"module={module}&status=409")));
        var from = Uri.EscapeDataString(DateTime.UtcNow.AddMinutes(-35).ToString("o"));
        var to = Uri.EscapeDataString(DateTime.UtcNow.AddMinutes(-15).ToString("o"));
        Assert.Equal(["List", "Approve"], Operations(await Query(TestAuth.Admin, $"module={module}&from={from}&to={to}")));

        var second = await Query(TestAuth.Admin, $"module={module}&page=2&pageSize=2");
        Assert.Equal(["Approve", "Reject"], Operations(second));
        Assert.Equal(5, second.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Filter_boxes_offer_the_distinct_values_a_user_may_see()
    {
        var module = await SeedAsync(("user.c", "OnlyCloud", "DELETE", 204, "cloud", 1));

        var cloud = await service.Factory.CreateClient().As(TestAuth.CloudUser).GetFromJsonAsync<JsonElement>("/api/audit-logs/options");
        var idc = await service.Factory.CreateClient().As(TestAuth.IdcUser).GetFromJsonAsync<JsonElement>("/api/audit-logs/options");

        Assert.Contains(module, cloud.GetProperty("modules").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("OnlyCloud", cloud.GetProperty("operations").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("DELETE", cloud.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains(204, cloud.GetProperty("statuses").EnumerateArray().Select(m => m.GetInt32()));
        Assert.DoesNotContain(module, idc.GetProperty("modules").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Bad_filters_are_400_naming_the_field()
    {
        var response = await service.Factory.CreateClient().As(TestAuth.Admin).GetAsync("/api/audit-logs?method=FETCH&status=42&pageSize=0");
        var errors = (await response.AssertProblem(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("method", out _));
        Assert.True(errors.TryGetProperty("status", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
    }
}
