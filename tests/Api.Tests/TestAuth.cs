using System.IdentityModel.Tokens.Jwt;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Cmdb.Api.Tests;

/// <summary>
/// Tokens as the company SSO would issue them, signed with a key made for this test run only
/// (no key is stored anywhere).
/// </summary>
public static class TestAuth
{
    public const string Issuer = "test-sso";
    public const string Audience = "cmdb-tests";
    public static readonly byte[] Key = RandomNumberGenerator.GetBytes(64);

    public static Dictionary<string, string?> Settings() => new()
    {
        ["Auth:Issuer"] = Issuer,
        ["Auth:Audience"] = Audience,
        ["Auth:SigningKey"] = Convert.ToBase64String(Key),
        ["Auth:DevSignIn"] = "false",
    };

    public sealed record Persona(string Name, string[] Roles, string[] Scopes)
    {
        public override string ToString() => Name;
    }

    public static readonly Persona Requester = new("requester", [], []);
    public static readonly Persona Approver = new("approver", ["approver"], []);
    public static readonly Persona Admin = new("admin", ["admin"], []);
    public static readonly Persona IdcUser = new("idc-user", [], ["idc"]);
    public static readonly Persona CloudUser = new("cloud-user", [], ["cloud"]);

    public static string TokenFor(Persona persona, string? displayName = null) =>
        Token(Claims(persona.Name, displayName ?? persona.Name.ToUpperInvariant(), persona.Roles, persona.Scopes));

    public static IEnumerable<Claim> Claims(string user, string displayName, IEnumerable<string> roles, IEnumerable<string> scopes) =>
        new[] { new Claim("sub", user), new Claim("preferred_username", user), new Claim("nickname", displayName) }
            .Concat(roles.Select(r => new Claim("roles", r)))
            .Concat(scopes.Select(s => new Claim("scopes", s)));

    public static string Token(IEnumerable<Claim> claims, string issuer = Issuer, string audience = Audience, byte[]? key = null,
        string algorithm = SecurityAlgorithms.HmacSha256, DateTime? expires = null, DateTime? notBefore = null)
    {
        var credentials = new SigningCredentials(new SymmetricSecurityKey(key ?? Key), algorithm);
        var token = new JwtSecurityToken(issuer, audience, claims, notBefore ?? DateTime.UtcNow.AddMinutes(-1),
            expires ?? DateTime.UtcNow.AddHours(1), credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    public static HttpClient As(this HttpClient client, Persona persona)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenFor(persona));
        return client;
    }

    public static HttpClient WithToken(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
