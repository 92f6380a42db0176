using System.Net;
using System.Text.Json;
using Cmdb.TestSupport;

namespace Cmdb.Api.Tests.Hosting;

public sealed class OpenApiTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private CmdbApiFactory _service = null!;

    public async Task InitializeAsync()
    {
        _database = await TestMariaDb.CreateDatabaseAsync("openapi");
        _service = new CmdbApiFactory(_database.Configuration());
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_endpoints_with_their_problems()
    {
        using var client = _service.CreateClient();
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var paths = document.GetProperty("paths");
        var list = paths.GetProperty("/api/instances").GetProperty("get");
        Assert.Equal("ListInstances", list.GetProperty("operationId").GetString());
        Assert.True(list.GetProperty("responses").TryGetProperty("400", out _));
        Assert.True(paths.GetProperty("/api/instances/{id}").GetProperty("get").GetProperty("responses").TryGetProperty("404", out _));
    }

    [Fact]
    public async Task The_Scalar_reference_is_served()
    {
        using var client = _service.CreateClient();
        var response = await client.GetAsync("/scalar/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync());
    }
}
