namespace Cmdb.Api.Auth.DevToken;

/// <summary>The synthetic users the embedded default's sign-in picker offers.</summary>
public static class DemoUsers
{
    public sealed record DemoUser(string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes);

    public static readonly IReadOnlyList<DemoUser> All =
    [
        new("demo-requester", "演示申请人", [Roles.Requester], []),
        new("demo-approver", "演示审批人", [Roles.Approver], [Scopes.Idc]),
        new("demo-admin", "演示管理员", [Roles.Admin], [Scopes.Idc, Scopes.Cloud]),
    ];

    public static string DefaultUserName(IReadOnlyCollection<string> roles) =>
        roles.Contains(Roles.Admin) ? "demo-admin" : roles.Contains(Roles.Approver) ? "demo-approver" : "demo-requester";
}
