namespace Cmdb.Api.Auth;

/// <summary>The claims Cmdb itself reads, whatever names the token used.</summary>
public static class CmdbClaims
{
    public const string UserName = "cmdb:user";
    public const string DisplayName = "cmdb:nickname";
    public const string Role = "cmdb:role";
    public const string Scope = "cmdb:scope";
    public const string AuthenticationType = "cmdb";
}

public static class Roles
{
    public const string Requester = "requester";
    public const string Approver = "approver";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Requester, Approver, Admin];
}

public static class Scopes
{
    public const string Idc = "idc";
    public const string Cloud = "cloud";

    public static readonly IReadOnlyList<string> All = [Idc, Cloud];
}
