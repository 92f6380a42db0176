using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Cmdb.TestSupport;

namespace Cmdb.Api.Tests.Auth;

public sealed class MeTests
{
    [Fact]
    public async Task Me_shows_the_user_roles_scopes_and_permissions_from_the_token()
    {
        await using var database = await TestMariaDb.CreateDatabaseAsync("me");
        await using var service = await new CmdbApiFactory(database.Configuration()).StartedAsync();
        using var client = service.CreateClient().WithToken(TestAuth.Token(TestAuth.Claims("user.one", "测试用户一", ["approver"], ["idc"])));

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(("user.one", "测试用户一"), (me.GetProperty("userName").GetString(), me.GetProperty("displayName").GetString()));
        Assert.Equal(["approver", "requester"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Equal(["idc"], me.GetProperty("scopes").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["CanApprove", "CanViewAudit"], me.GetProperty("permissions").EnumerateArray().Select(r => r.GetString()).Order());
    }

    [Fact]
    public async Task Claim_names_are_configurable_and_lists_may_be_space_separated()
    {
        await using var database = await TestMariaDb.CreateDatabaseAsync("claims");
        var settings = database.Configuration();
        settings["Auth:Claims:UserName"] = "uid";
        settings["Auth:Claims:DisplayName"] = "name";
        settings["Auth:Claims:Roles"] = "groups";
        settings["Auth:Claims:Scopes"] = "scope";
        await using var service = await new CmdbApiFactory(settings).StartedAsync();
        using var client = service.CreateClient().WithToken(TestAuth.Token(
        [
            new Claim("uid", "user.two"), new Claim("name", "测试用户二"), new Claim("groups", "Admin approver"), new Claim("scope", "cloud"),
        ]));

        var me = await client.GetFromJsonAsync<JsonElement>("/api/me");

        Assert.Equal(("user.two", "测试用户二"), (me.GetProperty("userName").GetString(), me.GetProperty("displayName").GetString()));
        Assert.Equal(["admin", "approver", "requester"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Order());
        Assert.Equal(["cloud"], me.GetProperty("scopes").EnumerateArray().Select(r => r.GetString()));
    }
}
