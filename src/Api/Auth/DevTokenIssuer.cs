using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;

namespace Cmdb.Api.Auth;

/// <summary>Signs demo tokens for the embedded default, with the claim names a real token would use.</summary>
public sealed class DevTokenIssuer(AuthOptions options, SymmetricSecurityKey? key)
{
    public bool Enabled => options.DevSignIn && key is not null;

    public (string Token, DateTime ExpiresAt) Issue(string userName, string displayName, IEnumerable<string> roles, IEnumerable<string> scopes)
    {
        if (!Enabled)
            throw new InvalidOperationException("Dev sign-in is off.");
        var expires = DateTime.UtcNow.Add(options.DevTokenLifetime);
        var claims = new List<Claim>
        {
            new("sub", userName),
            new(options.Claims.UserName, userName),
            new(options.Claims.DisplayName, displayName),
        };
        claims.AddRange(roles.Select(r => new Claim(options.Claims.Roles, r)));
        claims.AddRange(scopes.Select(s => new Claim(options.Claims.Scopes, s)));
        var token = new JwtSecurityToken(options.Issuer, options.Audience, claims, DateTime.UtcNow, expires,
            new SigningCredentials(key, SecurityAlgorithms.HmacSha256));
        return (new JwtSecurityTokenHandler().WriteToken(token), expires);
    }
}
