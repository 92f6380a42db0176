using System.Net;
using System.Text;
using Cmdb.TestSupport;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Api.Tests.Auth;

/// <summary>Every endpoint × every kind of user: allowed, 401 or 403, as the table says.</summary>
public sealed class EndpointAccessTests(EndpointAccessTests.Service service) : IClassFixture<EndpointAccessTests.Service>
{
    public enum Access
    {
        Anonymous,
        SignedIn,
        Admin,
        Audit,
        Approver,
    }

    public sealed record Row(string Method, string Route, string Path, Access Access, string? Body = null)
    {
        public override string ToString() => $"{Method} {Route}";
    }

    /// <summary>The access table. A new endpoint must get a row here, or <see cref="Every_mapped_endpoint_is_in_the_table"/> fails.</summary>
    public static readonly Row[] Table =
    [
        new("*", "/health/live", "/health/live", Access.Anonymous),
        new("*", "/health/ready", "/health/ready", Access.Anonymous),
        new("GET", "/openapi/{documentName}.json", "/openapi/v1.json", Access.Anonymous),
        new("GET", "/scalar/{documentName?}", "/scalar/", Access.Anonymous),
        new("GET", "/scalar/scalar.js", "/scalar/scalar.js", Access.Anonymous),
        new("GET", "/scalar/scalar.aspnetcore.js", "/scalar/scalar.aspnetcore.js", Access.Anonymous),
        new("GET", "/scalar/favicon.svg", "/scalar/favicon.svg", Access.Anonymous),
        new("POST", "/api/auth/dev-token", "/api/auth/dev-token", Access.Anonymous, "{}"),
        new("GET", "/api/auth/dev-users", "/api/auth/dev-users", Access.Anonymous),
        new("GET", "/api/me", "/api/me", Access.SignedIn),
        new("GET", "/api/instances/", "/api/instances", Access.Admin),
        new("GET", "/api/instances/{id}", "/api/instances/none", Access.Admin),
        new("GET", "/api/audit-logs/", "/api/audit-logs", Access.Audit),
        new("GET", "/api/audit-logs/options", "/api/audit-logs/options", Access.Audit),
        new("GET", "/api/notifications/", "/api/notifications", Access.SignedIn),
        new("POST", "/api/notifications/{id:long}/read", "/api/notifications/999999/read", Access.SignedIn),
        new("POST", "/api/notifications/read-all", "/api/notifications/read-all", Access.SignedIn),
        new("GET", "/api/notifications/outbox", "/api/notifications/outbox", Access.Admin),
        new("POST", "/api/notifications/test", "/api/notifications/test", Access.Admin, """{"purpose":"alerts","text":"access test"}"""),
        new("GET", "/api/flows", "/api/flows", Access.SignedIn),
        new("GET", "/api/inbox", "/api/inbox", Access.SignedIn),
        new("GET", "/api/servers/", "/api/servers", Access.SignedIn),
        new("GET", "/api/clusters/", "/api/clusters", Access.SignedIn),
        new("GET", "/api/clusters/summary", "/api/clusters/summary", Access.SignedIn),
        new("GET", "/api/clusters/{id:long}", "/api/clusters/1", Access.SignedIn),
        new("GET", "/api/stores/", "/api/stores", Access.SignedIn),
        new("GET", "/api/stores/placement", "/api/stores/placement?stores=S0001", Access.SignedIn),
        new("GET", "/api/releases/branch-health", "/api/releases/branch-health", Access.SignedIn),
        new("POST", "/api/inventory/ip-search", "/api/inventory/ip-search", Access.SignedIn, """{"ips":["10.0.0.1"]}"""),
        new("GET", "/api/inventory/overview", "/api/inventory/overview", Access.SignedIn),
        new("GET", "/api/inventory/types", "/api/inventory/types", Access.SignedIn),
        new("GET", "/api/inventory/{type}", "/api/inventory/vm", Access.SignedIn),
        new("GET", "/api/inventory/{type}/options/{field}", "/api/inventory/vm/options/cloud", Access.SignedIn),
        new("GET", "/api/inventory/{type}/export", "/api/inventory/vm/export?format=csv", Access.SignedIn),
        new("GET", "/api/inventory/{type}/{id:long}", "/api/inventory/vm/999999", Access.SignedIn),
        new("GET", "/api/inventory/{type}/{id:long}/graph", "/api/inventory/vm/999999/graph", Access.SignedIn),
        new("PATCH", "/api/inventory/{type}/{id:long}", "/api/inventory/vm/999999", Access.Admin, """{"owner":"x"}"""),
        new("GET", "/api/inventory/syncs/", "/api/inventory/syncs", Access.Admin),
        new("GET", "/api/inventory/syncs/{id:long}", "/api/inventory/syncs/999999", Access.Admin),
        new("POST", "/api/inventory/syncs/{id:long}/apply", "/api/inventory/syncs/999999/apply", Access.Admin, "{}"),
        new("POST", "/api/inventory/syncs/{id:long}/discard", "/api/inventory/syncs/999999/discard", Access.Admin, "{}"),
        new("POST", "/api/inventory/syncs/run/{name}", "/api/inventory/syncs/run/none", Access.Admin, "{}"),
        new("POST", "/api/pricing/price-book/refresh", "/api/pricing/price-book/refresh", Access.Admin, "{}"),
        new("GET", "/api/pricing/catalog/{vendor}/{kind}", "/api/pricing/catalog/alibaba/server", Access.SignedIn),
        new("POST", "/api/pricing/estimate", "/api/pricing/estimate", Access.SignedIn, """{"items":[]}"""),
        new("GET", "/api/pricing/report", "/api/pricing/report?groupBy=cloud", Access.SignedIn),
        new("GET", "/api/pricing/strategies", "/api/pricing/strategies", Access.SignedIn),
        new("POST", "/api/pricing/strategies/", "/api/pricing/strategies", Access.Admin, """{"resourceType":"cpu"}"""),
        new("PUT", "/api/pricing/strategies/{id:long}", "/api/pricing/strategies/999999", Access.Admin, """{"resourceType":"cpu"}"""),
        new("DELETE", "/api/pricing/strategies/{id:long}", "/api/pricing/strategies/999999", Access.Admin),
        new("POST", "/api/releases/branch-health/level", "/api/releases/branch-health/level", Access.Approver),
        new("GET", "/api/releases/{ticket:long}", "/api/releases/999999", Access.SignedIn),
        new("GET", "/api/releases/{ticket:long}/files/{**path}", "/api/releases/999999/files/Puppetfile", Access.SignedIn),
        new("PUT", "/api/releases/{ticket:long}/files/{**path}", "/api/releases/999999/files/Puppetfile", Access.SignedIn, """{"content":"x"}"""),
        new("POST", "/api/releases/{ticket:long}/submit-change", "/api/releases/999999/submit-change", Access.SignedIn, "{}"),
        new("GET", "/api/releases/{ticket:long}/preview", "/api/releases/999999/preview", Access.SignedIn),
        new("POST", "/api/releases/{ticket:long}/stages/next", "/api/releases/999999/stages/next", Access.SignedIn),
        new("POST", "/api/releases/{ticket:long}/stages/{stage}/retry", "/api/releases/999999/stages/uat/retry", Access.SignedIn),
        new("POST", "/api/releases/{ticket:long}/rollback", "/api/releases/999999/rollback", Access.SignedIn),
        new("GET", "/api/releases/{ticket:long}/events", "/api/releases/999999/events", Access.SignedIn),
        new("GET", "/api/tickets/lifecycle", "/api/tickets/lifecycle", Access.SignedIn),
        new("POST", "/api/tickets/", "/api/tickets", Access.SignedIn, """{"flowId":"none","title":"t","form":{}}"""),
        new("GET", "/api/tickets/", "/api/tickets", Access.SignedIn),
        new("GET", "/api/tickets/{id:long}", "/api/tickets/999999", Access.SignedIn),
        new("PUT", "/api/tickets/{id:long}/form", "/api/tickets/999999/form", Access.SignedIn, """{"form":{}}"""),
        new("POST", "/api/tickets/{id:long}/approve", "/api/tickets/999999/approve", Access.SignedIn, "{}"),
        new("POST", "/api/tickets/{id:long}/reject", "/api/tickets/999999/reject", Access.SignedIn, """{"comment":"no"}"""),
        new("POST", "/api/tickets/{id:long}/confirm", "/api/tickets/999999/confirm", Access.SignedIn, "{}"),
        new("POST", "/api/tickets/{id:long}/submit", "/api/tickets/999999/submit", Access.SignedIn, "{}"),
        new("POST", "/api/tickets/{id:long}/cancel", "/api/tickets/999999/cancel", Access.SignedIn, "{}"),
        new("POST", "/api/instances/{id}/retry", "/api/instances/none/retry", Access.Admin, "{}"),
        new("POST", "/api/instances/{id}/suspend", "/api/instances/none/suspend", Access.Admin, "{}"),
        new("POST", "/api/instances/{id}/resume", "/api/instances/none/resume", Access.Admin, "{}"),
        new("POST", "/api/instances/{id}/terminate", "/api/instances/none/terminate", Access.Admin, "{}"),
        new("GET", "/api/activities", "/api/activities", Access.Admin),
        new("GET", "/api/definitions/", "/api/definitions", Access.Admin),
        new("POST", "/api/definitions/validate", "/api/definitions/validate", Access.Admin, "{}"),
        new("GET", "/api/definitions/{id}/versions", "/api/definitions/none/versions", Access.Admin),
        new("GET", "/api/definitions/{id}/versions/{version:int}", "/api/definitions/none/versions/1", Access.Admin),
        new("GET", "/api/definitions/{id}/versions/{version:int}/graph", "/api/definitions/none/versions/1/graph", Access.Admin),
        new("GET", "/api/definitions/{id}/versions/{version:int}/export", "/api/definitions/none/versions/1/export", Access.Admin),
        new("DELETE", "/api/definitions/{id}/versions/{version:int}", "/api/definitions/none/versions/1", Access.Admin),
        new("GET", "/api/definitions/{id}/draft", "/api/definitions/none/draft", Access.Admin),
        new("PUT", "/api/definitions/{id}/draft", "/api/definitions/none/draft", Access.Admin, "{}"),
        new("POST", "/api/definitions/{id}/publish", "/api/definitions/none/publish", Access.Admin),
        new("GET", "/api/definitions/{id}/diff", "/api/definitions/none/diff?from=1&to=2", Access.Admin),
    ];

    public static readonly TestAuth.Persona?[] People =
        [null, TestAuth.Requester, TestAuth.Approver, TestAuth.Admin, TestAuth.IdcUser, TestAuth.CloudUser];

    public static TheoryData<Row, string> Cases()
    {
        var data = new TheoryData<Row, string>();
        foreach (var row in Table)
        {
            foreach (var person in People)
                data.Add(row, person?.Name ?? "anonymous");
        }
        return data;
    }

    private static HttpStatusCode? Expected(Access access, TestAuth.Persona? person) => (access, person) switch
    {
        (Access.Anonymous, _) => null,
        (_, null) => HttpStatusCode.Unauthorized,
        (Access.SignedIn, _) => null,
        (Access.Admin, _) when person.Roles.Contains("admin") => null,
        (Access.Audit, _) when person.Roles.Contains("admin") || person.Scopes.Length > 0 => null,
        (Access.Approver, _) when person.Roles.Contains("approver") => null,
        _ => HttpStatusCode.Forbidden,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_endpoint_admits_exactly_the_users_its_row_names(Row row, string personName)
    {
        var person = People.FirstOrDefault(p => p?.Name == personName);
        using var client = service.Factory.CreateClient();
        if (person is not null)
            client.As(person);
        using var request = new HttpRequestMessage(new HttpMethod(row.Method == "*" ? "GET" : row.Method), row.Path);
        if (row.Body is not null)
            request.Content = new StringContent(row.Body, Encoding.UTF8, "application/json");

        var response = await client.SendAsync(request);

        var expected = Expected(row.Access, person);
        if (expected is { } refusal)
        {
            var problem = await response.AssertProblem(refusal);
            if (refusal == HttpStatusCode.Forbidden)
                Assert.False(string.IsNullOrEmpty(problem.GetProperty("permission").GetString()));
        }
        else
        {
            Assert.True(response.StatusCode is not HttpStatusCode.Unauthorized and not HttpStatusCode.Forbidden,
                $"{row} as {personName} was refused with {(int)response.StatusCode}");
        }
    }

    [Fact]
    public void Every_mapped_endpoint_is_in_the_table()
    {
        var mapped = service.Factory.Services.GetServices<EndpointDataSource>()
            .SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Distinct().Order().ToList();
        var listed = Table.Select(r => r.ToString()).ToHashSet();

        var notListed = mapped.Where(m => !listed.Contains(m)).ToList();
        var notMapped = listed.Where(l => !mapped.Contains(l)).ToList();
        Assert.True(notListed.Count == 0, "endpoints without an access row: " + string.Join(", ", notListed));
        Assert.True(notMapped.Count == 0, "rows for endpoints that do not exist: " + string.Join(", ", notMapped));
    }

    public sealed class Service : IAsyncLifetime
    {
        private TestDatabase _database = null!;

        public CmdbApiFactory Factory { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _database = await TestMariaDb.CreateDatabaseAsync("access");
            Factory = await new CmdbApiFactory(_database.Configuration()).StartedAsync();
        }

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            await _database.DisposeAsync();
        }
    }
}
