using System.Security.Claims;

namespace Cmdb.Api.Auth;

/// <summary>The signed-in user of the current request.</summary>
public sealed class CurrentUser(IHttpContextAccessor http)
{
    private ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true && UserName.Length > 0;

    public string UserName => Principal.FindFirst(CmdbClaims.UserName)?.Value ?? "";

    public string DisplayName => Principal.FindFirst(CmdbClaims.DisplayName)?.Value ?? UserName;

    public IReadOnlyList<string> Roles => Principal.FindAll(CmdbClaims.Role).Select(c => c.Value).ToList();

    public IReadOnlyList<string> Scopes => Principal.FindAll(CmdbClaims.Scope).Select(c => c.Value).ToList();

    public bool HasRole(string role) => Principal.HasClaim(CmdbClaims.Role, role);

    public bool HasScope(string scope) => Principal.HasClaim(CmdbClaims.Scope, scope);
}
