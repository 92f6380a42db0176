using System.Net;
using Cmdb.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Api.Tests.Infrastructure;

public sealed class ProblemDetailsTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private CmdbApiFactory _service = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _database = await TestMariaDb.CreateDatabaseAsync("problems");
        _service = await new CmdbApiFactory(_database.Configuration(), services => services.AddSingleton<IStartupFilter, FailingEndpointFilter>()).StartedAsync();
        _client = _service.CreateClient().As(TestAuth.Admin);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _service.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_validation_failure_is_400_naming_each_field()
    {
        var problem = await (await _client.GetAsync("/api/instances?page=0&pageSize=500&status=Sleeping")).AssertProblem(HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors");
        Assert.Contains("Page", errors.GetProperty("page")[0].GetString());
        Assert.Contains("200", errors.GetProperty("pageSize")[0].GetString());
        Assert.Contains("Runnable", errors.GetProperty("status")[0].GetString());
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_400_naming_the_parameter()
    {
        var problem = await (await _client.GetAsync("/api/instances?page=first")).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("page", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_instance_is_404_naming_it()
    {
        var problem = await (await _client.GetAsync("/api/instances/no-such-id")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Contains("no-such-id", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_route_is_404_as_problem_details()
    {
        var response = await _client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_bug_is_500_without_its_details_and_with_the_correlation_id()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/test/boom");
        request.Headers.Add("X-Correlation-ID", "req-123");
        var response = await _client.SendAsync(request);

        var problem = await response.AssertProblem(HttpStatusCode.InternalServerError);
        Assert.DoesNotContain("password", problem.ToString());
        Assert.Equal("req-123", problem.GetProperty("traceId").GetString());
        Assert.Equal("req-123", response.Headers.GetValues("X-Correlation-ID").Single());
    }

    [Fact]
    public async Task A_malformed_correlation_id_is_replaced()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation("X-Correlation-ID", "bad id with spaces and <script>");
        var response = await _client.SendAsync(request);

        var id = response.Headers.GetValues("X-Correlation-ID").Single();
        Assert.Matches("^[0-9a-f]{32}$", id);
    }

    /// <summary>A route that fails like a bug would, carrying a secret in its message.</summary>
    private sealed class FailingEndpointFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Map("/test/boom", boom => boom.Run(_ => throw new InvalidOperationException("password=hunter2 leaked")));
        };
    }
}
