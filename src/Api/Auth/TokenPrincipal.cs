using System.Security.Claims;
using System.Text.Json;

namespace Cmdb.Api.Auth;

/// <summary>
/// Turns a validated token's claims, named as configured, into Cmdb's own: user name, display
/// name, roles (always including <c>requester</c>) and scopes. Values may be one claim each, a
/// JSON array, or a space- or comma-separated list.
/// </summary>
internal static class TokenPrincipal
{
    public static ClaimsPrincipal? From(ClaimsPrincipal token, AuthOptions.ClaimNames names)
    {
        var userName = token.FindFirst(names.UserName)?.Value ?? token.FindFirst("sub")?.Value;
        if (string.IsNullOrWhiteSpace(userName))
            return null;

        var identity = new ClaimsIdentity(CmdbClaims.AuthenticationType, CmdbClaims.UserName, CmdbClaims.Role);
        identity.AddClaim(new Claim(CmdbClaims.UserName, userName));
        identity.AddClaim(new Claim(CmdbClaims.DisplayName, token.FindFirst(names.DisplayName)?.Value ?? userName));
        foreach (var role in Values(token, names.Roles).Append(Roles.Requester).Distinct())
            identity.AddClaim(new Claim(CmdbClaims.Role, role));
        foreach (var scope in Values(token, names.Scopes).Distinct())
            identity.AddClaim(new Claim(CmdbClaims.Scope, scope));
        return new ClaimsPrincipal(identity);
    }

    private static IEnumerable<string> Values(ClaimsPrincipal token, string claimType) =>
        token.FindAll(claimType).SelectMany(c => Split(c.Value)).Select(v => v.Trim().ToLowerInvariant()).Where(v => v.Length > 0);

    private static IEnumerable<string> Split(string value)
    {
        if (value.StartsWith('['))
        {
            try
            {
                return JsonSerializer.Deserialize<string[]>(value) ?? [];
            }
            catch (JsonException)
            {
                return [];
            }
        }
        return value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);
    }
}
