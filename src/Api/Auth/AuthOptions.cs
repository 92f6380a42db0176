namespace Cmdb.Api.Auth;

/// <summary><c>Auth:*</c>: how signed-in users are recognised.</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public string Issuer { get; set; } = "cmdb";

    public string Audience { get; set; } = "cmdb";

    /// <summary>Symmetric key for HS256/HS512 tokens (the company SSO today): base64 of at least 32 bytes, or text of at least 32 characters.</summary>
    public string? SigningKey { get; set; }

    /// <summary>OIDC authority whose metadata lists the RS256 keys; used instead of <see cref="SigningKey"/>.</summary>
    public string? Authority { get; set; }

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Issue demo tokens from <c>POST /api/auth/dev-token</c>. Never in Production.</summary>
    public bool DevSignIn { get; set; }

    /// <summary>Where the embedded default keeps its generated signing key when <see cref="SigningKey"/> is not set.</summary>
    public string DevKeyFile { get; set; } = "data/dev-signing.key";

    public TimeSpan DevTokenLifetime { get; set; } = TimeSpan.FromHours(8);

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    public ClaimNames Claims { get; set; } = new();

    /// <summary>Which token claims carry the user's name, display name, roles and scopes.</summary>
    public sealed class ClaimNames
    {
        public string UserName { get; set; } = "preferred_username";
        public string DisplayName { get; set; } = "nickname";
        public string Roles { get; set; } = "roles";
        public string Scopes { get; set; } = "scopes";
    }
}
