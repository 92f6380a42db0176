using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Cmdb.Api.Tests.Audit;

public sealed class AuditRecordingTests(AuditService service) : IClassFixture<AuditService>
{
    private HttpClient Admin() => service.Factory.CreateClient().As(TestAuth.Admin);

    private static string Marker() => "m" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_call_is_recorded_with_who_what_where_and_how_it_went()
    {
        var marker = Marker();
        var response = await Admin().PostAsJsonAsync($"/api/notifications/test?trace={marker}", new { purpose = "alerts", text = marker });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        var record = await service.WaitForAsync(q => q.Where(r => r.Url.Contains(marker)));

        Assert.Equal(("Notifications", "POST", "SendTestNotification", "/api/notifications/test"),
            (record.Module, record.Method, record.Operation, record.RouteTemplate));
        Assert.Equal($"/api/notifications/test?trace={marker}", record.Url);
        Assert.Equal((201, "admin", "admin", "ADMIN"), (record.Status, record.UserName, record.UserKey, record.Nickname));
        Assert.True(record.DurationMs > 0);
        Assert.True(record.Time > DateTime.UtcNow.AddMinutes(-5));
        var arguments = JsonDocument.Parse(record.RequestArguments!).RootElement;
        Assert.Equal(marker, arguments.GetProperty("query").GetProperty("trace").GetString());
        Assert.Equal(marker, arguments.GetProperty("body").GetProperty("text").GetString());
        Assert.Contains("\"id\"", record.ResponseBody);
        Assert.Equal("Created", record.Message);
    }

    [Fact]
    public async Task Route_values_and_the_problem_message_of_a_failure_are_recorded()
    {
        var marker = Marker();
        await Admin().GetAsync($"/api/instances/{marker}");

        var record = await service.WaitForAsync(q => q.Where(r => r.Url == $"/api/instances/{marker}"));

        Assert.Equal((404, "GetInstance", "/api/instances/{id}"), (record.Status, record.Operation, record.RouteTemplate));
        Assert.Equal(marker, JsonDocument.Parse(record.RequestArguments!).RootElement.GetProperty("route").GetProperty("id").GetString());
        Assert.Contains(marker, record.Message);
    }

    [Fact]
    public async Task Secrets_never_reach_the_record()
    {
        var marker = Marker();
        using var body = new StringContent($$$"""
            {"roles":["admin"],"Password":"pw-{{{marker}}}","nested":{"apiKey":"key-{{{marker}}}","list":[{"TOKEN":"tok-{{{marker}}}"}]}}
            """, Encoding.UTF8, "application/json");
        var response = await service.Factory.CreateClient().PostAsync($"/api/auth/dev-token?client_secret=sec-{marker}&m={marker}", body);
        var issued = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;

        var record = await service.WaitForAsync(q => q.Where(r => r.Url.Contains(marker)));

        var stored = record.Url + record.RequestArguments + record.ResponseBody + record.Message;
        foreach (var secret in new[] { $"pw-{marker}", $"key-{marker}", $"tok-{marker}", $"sec-{marker}", issued })
            Assert.DoesNotContain(secret, stored);
        Assert.Contains("client_secret=***", record.Url);
        Assert.Contains("\"token\":\"***\"", record.ResponseBody);
    }

    [Fact]
    public async Task Large_bodies_are_cut_at_the_limit_and_marked()
    {
        var marker = Marker();
        var response = await Admin().PostAsJsonAsync($"/api/notifications/test?m={marker}", new { purpose = "nowhere", text = new string('x', 5000) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        var record = await service.WaitForAsync(q => q.Where(r => r.Url.Contains(marker)));

        Assert.True(record.RequestTruncated);
        Assert.True(Encoding.UTF8.GetByteCount(record.RequestArguments!) <= 1024);
    }

    [Fact]
    public async Task Text_bodies_are_kept_as_redacted_text_and_binary_bodies_summarised()
    {
        var marker = Marker();
        using var client = Admin();
        await client.PostAsync($"/api/notifications/test?m=text{marker}", new StringContent($"note {marker} password=hunter2", Encoding.UTF8, "text/plain"));
        await client.PostAsync($"/api/notifications/test?m=bin{marker}", new ByteArrayContent(new byte[100]) { Headers = { ContentType = new("application/octet-stream") } });

        var text = await service.WaitForAsync(q => q.Where(r => r.Url.Contains("text" + marker)));
        var binary = await service.WaitForAsync(q => q.Where(r => r.Url.Contains("bin" + marker)));

        var textBody = JsonDocument.Parse(text.RequestArguments!).RootElement.GetProperty("body").GetString();
        Assert.Equal($"note {marker} password=***", textBody);
        Assert.Equal("[binary body of 100 bytes, application/octet-stream]",
            JsonDocument.Parse(binary.RequestArguments!).RootElement.GetProperty("body").GetString());
    }

    [Fact]
    public async Task A_call_to_no_route_is_recorded_too()
    {
        var marker = Marker();
        await Admin().GetAsync($"/api/{marker}");

        var record = await service.WaitForAsync(q => q.Where(r => r.Url == $"/api/{marker}"));

        Assert.Equal(("(unmatched)", 404, null), (record.Module, record.Status, record.Operation));
    }

    [Fact]
    public async Task Excluded_paths_are_not_recorded()
    {
        var marker = Marker();
        using var client = Admin();
        await client.GetAsync($"/api/me?m={marker}");
        await client.GetAsync($"/health/live?m={marker}");
        await client.GetAsync($"/api/notifications?m=after{marker}");

        await service.WaitForAsync(q => q.Where(r => r.Url.Contains("after" + marker)));
        Assert.Empty(await service.RecordsAsync(q => q.Where(r => r.Url.Contains("?m=" + marker))));
    }

    [Theory]
    [InlineData("10.1.2.3", "203.0.113.7, 10.9.9.9", "203.0.113.7")]
    [InlineData("198.51.100.9", "203.0.113.7", "198.51.100.9")]
    [InlineData("10.1.2.3", null, "10.1.2.3")]
    public async Task The_client_address_is_the_forwarded_one_only_behind_a_trusted_proxy(string peer, string? forwarded, string expected)
    {
        var marker = Marker();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/notifications?m={marker}");
        request.Headers.Add(AuditService.PeerHeader, peer);
        if (forwarded is not null)
            request.Headers.Add("X-Forwarded-For", forwarded);
        await Admin().SendAsync(request);

        var record = await service.WaitForAsync(q => q.Where(r => r.Url.Contains(marker)));

        Assert.Equal(expected, record.ClientIp);
    }
}
