using System.Net;
using System.Security.Claims;
using System.Text;
using Cmdb.TestSupport;
using Microsoft.IdentityModel.Tokens;

namespace Cmdb.Api.Tests.Auth;

public sealed class BadTokenTests(EndpointAccessTests.Service service) : IClassFixture<EndpointAccessTests.Service>
{
    private static IEnumerable<Claim> Admin => TestAuth.Claims("someone", "Someone", ["admin"], []);

    public static TheoryData<string, string, string> Cases() => new()
    {
        { "expired", TestAuth.Token(Admin, expires: DateTime.UtcNow.AddMinutes(-10), notBefore: DateTime.UtcNow.AddMinutes(-30)), "expired" },
        { "signed with another key", TestAuth.Token(Admin, key: new byte[64]), "signature" },
        { "for another audience", TestAuth.Token(Admin, audience: "someone-else"), "audience" },
        { "from another issuer", TestAuth.Token(Admin, issuer: "evil-sso"), "issuer" },
        { "malformed", "not-a-jwt", "malformed" },
        { "three junk parts", "abc.def.ghi", "malformed" },
        { "unsigned (alg none)", Unsigned(), "not valid" },
        { "without a user name", TestAuth.Token([new Claim("roles", "admin")]), "naming the user" },
    };

    private static string Unsigned()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return Part("""{"alg":"none","typ":"JWT"}""") + "." +
            Part($$"""{"sub":"x","preferred_username":"x","roles":"admin","iss":"{{TestAuth.Issuer}}","aud":"{{TestAuth.Audience}}","exp":{{now + 3600}}}""") + ".";
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_bad_token_is_401_saying_why(string kind, string token, string reason)
    {
        using var client = service.Factory.CreateClient().WithToken(token);

        var response = await client.GetAsync("/api/instances");

        var problem = await response.AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Contains(reason, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(token, problem.ToString());
        _ = kind;
    }

    [Fact]
    public async Task An_HS512_token_from_the_SSO_is_accepted()
    {
        using var client = service.Factory.CreateClient().WithToken(TestAuth.Token(Admin, algorithm: SecurityAlgorithms.HmacSha512));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/instances")).StatusCode);
    }

    [Fact]
    public async Task No_token_is_401_asking_to_sign_in()
    {
        using var client = service.Factory.CreateClient();
        var problem = await (await client.GetAsync("/api/me")).AssertProblem(HttpStatusCode.Unauthorized);
        Assert.Contains("Sign in", problem.GetProperty("detail").GetString());
    }
}
