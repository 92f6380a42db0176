using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Security.Cryptography;
using Cmdb.TestSupport;
using Microsoft.IdentityModel.Tokens;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Cmdb.Api.Tests.Auth;

/// <summary>An OIDC authority (played by WireMock with its documented metadata and JWKS shapes) whose RS256 keys sign the tokens.</summary>
public sealed class OidcAuthorityTests : IAsyncLifetime
{
    private readonly RSA _rsa = RSA.Create(2048);
    private WireMockServer _authority = null!;
    private TestDatabase _database = null!;
    private CmdbApiFactory _service = null!;

    public async Task InitializeAsync()
    {
        _authority = WireMockServer.Start();
        var issuer = _authority.Url!;
        var parameters = _rsa.ExportParameters(false);
        _authority.Given(Request.Create().WithPath("/.well-known/openid-configuration").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBodyAsJson(new
            {
                issuer,
                jwks_uri = $"{issuer}/protocol/openid-connect/certs",
                authorization_endpoint = $"{issuer}/protocol/openid-connect/auth",
                token_endpoint = $"{issuer}/protocol/openid-connect/token",
                id_token_signing_alg_values_supported = new[] { "RS256" },
            }));
        _authority.Given(Request.Create().WithPath("/protocol/openid-connect/certs").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBodyAsJson(new
            {
                keys = new[]
                {
                    new
                    {
                        kid = "test-key-1", kty = "RSA", use = "sig", alg = "RS256",
                        n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent),
                    },
                },
            }));

        _database = await TestMariaDb.CreateDatabaseAsync("oidc");
        var settings = _database.Configuration();
        settings["Auth:SigningKey"] = "";
        settings["Auth:Authority"] = issuer;
        settings["Auth:Issuer"] = issuer;
        settings["Auth:RequireHttpsMetadata"] = "false";
        _service = await new CmdbApiFactory(settings).StartedAsync();
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _database.DisposeAsync();
        _authority.Stop();
        _rsa.Dispose();
    }

    private string RsaToken()
    {
        var credentials = new SigningCredentials(new RsaSecurityKey(_rsa) { KeyId = "test-key-1" }, SecurityAlgorithms.RsaSha256);
        var token = new JwtSecurityToken(_authority.Url, TestAuth.Audience, TestAuth.Claims("user.three", "测试用户三", ["admin"], []),
            DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddHours(1), credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    [Fact]
    public async Task A_token_signed_with_the_authoritys_key_is_accepted()
    {
        using var client = _service.CreateClient().WithToken(RsaToken());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/instances")).StatusCode);
    }

    [Fact]
    public async Task A_symmetric_token_is_refused_when_an_authority_is_configured()
    {
        var forged = TestAuth.Token(TestAuth.Claims("user.three", "x", ["admin"], []), issuer: _authority.Url!);
        using var client = _service.CreateClient().WithToken(forged);
        await (await client.GetAsync("/api/instances")).AssertProblem(HttpStatusCode.Unauthorized);
    }
}
