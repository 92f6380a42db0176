using Microsoft.AspNetCore.Authorization;

namespace Cmdb.Api.Auth;

/// <summary>
/// The authorization policies, named after what they allow. Endpoints name a policy; no handler
/// checks roles itself. Every endpoint without one still needs a signed-in user (the fallback).
/// </summary>
public static class Permissions
{
    public const string CanApprove = nameof(CanApprove);
    public const string CanAdminFlows = nameof(CanAdminFlows);
    public const string CanAdminInstances = nameof(CanAdminInstances);
    public const string CanViewAudit = nameof(CanViewAudit);
    public const string CanManageNotifications = nameof(CanManageNotifications);
    public const string CanAdminInventory = nameof(CanAdminInventory);
    public const string CanAdminPricing = nameof(CanAdminPricing);

    /// <summary>What each permission asks of the user, in the words a 403 answer uses.</summary>
    public static readonly IReadOnlyDictionary<string, string> Requirements = new Dictionary<string, string>
    {
        [CanApprove] = "the approver role",
        [CanAdminFlows] = "the admin role",
        [CanAdminInstances] = "the admin role",
        [CanViewAudit] = "the admin role or the idc or cloud scope",
        [CanManageNotifications] = "the admin role",
        [CanAdminInventory] = "the admin role",
        [CanAdminPricing] = "the admin role",
    };

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireClaim(CmdbClaims.UserName).Build();
        options.AddPolicy(CanApprove, p => p.RequireClaim(CmdbClaims.Role, Roles.Approver));
        options.AddPolicy(CanAdminFlows, p => p.RequireClaim(CmdbClaims.Role, Roles.Admin));
        options.AddPolicy(CanAdminInstances, p => p.RequireClaim(CmdbClaims.Role, Roles.Admin));
        options.AddPolicy(CanViewAudit, p => p.RequireAssertion(c =>
            c.User.HasClaim(CmdbClaims.Role, Roles.Admin) || c.User.HasClaim(CmdbClaims.Scope, Scopes.Idc) || c.User.HasClaim(CmdbClaims.Scope, Scopes.Cloud)));
        options.AddPolicy(CanManageNotifications, p => p.RequireClaim(CmdbClaims.Role, Roles.Admin));
        options.AddPolicy(CanAdminInventory, p => p.RequireClaim(CmdbClaims.Role, Roles.Admin));
        options.AddPolicy(CanAdminPricing, p => p.RequireClaim(CmdbClaims.Role, Roles.Admin));
    }

    /// <summary>The permissions the given user has, for <c>GET /api/me</c> and the UI.</summary>
    public static async Task<IReadOnlyList<string>> GrantedAsync(IAuthorizationService authorization, System.Security.Claims.ClaimsPrincipal user)
    {
        var granted = new List<string>();
        foreach (var permission in Requirements.Keys)
        {
            if ((await authorization.AuthorizeAsync(user, permission)).Succeeded)
                granted.Add(permission);
        }
        return granted;
    }
}
