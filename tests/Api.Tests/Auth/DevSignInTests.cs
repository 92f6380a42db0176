using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cmdb.TestSupport;

namespace Cmdb.Api.Tests.Auth;

public sealed class DevSignInTests : IAsyncLifetime
{
    private readonly string _keyFile = Path.Combine(Path.GetTempPath(), $"cmdb-dev-key-{Guid.NewGuid():N}", "dev-signing.key");
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestMariaDb.CreateDatabaseAsync("devsignin");

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        if (Directory.Exists(Path.GetDirectoryName(_keyFile)))
            Directory.Delete(Path.GetDirectoryName(_keyFile)!, recursive: true);
    }

    private CmdbApiFactory Service(bool devSignIn)
    {
        var settings = _database.Configuration();
        settings["Auth:SigningKey"] = "";
        settings["Auth:DevSignIn"] = devSignIn ? "true" : "false";
        settings["Auth:DevKeyFile"] = _keyFile;
        return new CmdbApiFactory(settings);
    }

    private static async Task<string> SignIn(HttpClient client, params string[] roles)
    {
        var response = await client.PostAsJsonAsync("/api/auth/dev-token", new { roles });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
    }

    [Fact]
    public async Task A_dev_token_signs_in_a_demo_user_with_the_chosen_roles()
    {
        await using var service = await Service(devSignIn: true).StartedAsync();
        using var client = service.CreateClient();

        var token = await SignIn(client, "admin");
        client.WithToken(token);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/instances")).StatusCode);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(("demo-admin", "演示管理员"), (me.GetProperty("userName").GetString(), me.GetProperty("displayName").GetString()));
        var users = await client.GetFromJsonAsync<JsonElement>("/api/auth/dev-users");
        Assert.Equal(3, users.GetArrayLength());
    }

    [Fact]
    public async Task The_generated_dev_key_survives_a_restart()
    {
        string token;
        await using (var first = Service(devSignIn: true))
            token = await SignIn(first.CreateClient(), "approver");

        await using var second = Service(devSignIn: true);
        var me = await second.CreateClient().WithToken(token).GetAsync("/api/me");
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task Unknown_roles_are_refused_naming_the_field()
    {
        await using var service = Service(devSignIn: true);
        var response = await service.CreateClient().PostAsJsonAsync("/api/auth/dev-token", new { roles = new[] { "root" } });
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("roles[0]", out _));
    }

    [Fact]
    public async Task With_dev_sign_in_off_no_token_is_issued()
    {
        await using var service = Service(devSignIn: false);
        using var client = service.CreateClient();

        await (await client.PostAsJsonAsync("/api/auth/dev-token", new { roles = new[] { "admin" } })).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/auth/dev-users")).GetArrayLength());
    }
}
