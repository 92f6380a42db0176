using Cmdb.Domain.Common;
using Mediator;

namespace Cmdb.Api.Auth.DevToken;

public sealed record IssueDevToken(string? UserName, string? DisplayName, IReadOnlyList<string>? Roles, IReadOnlyList<string>? Scopes)
    : ICommand<DevTokenResult>;

public sealed record DevTokenResult(string Token, DateTime ExpiresAt, string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes);

public sealed class IssueDevTokenHandler(DevTokenIssuer issuer) : ICommandHandler<IssueDevToken, DevTokenResult>
{
    public ValueTask<DevTokenResult> Handle(IssueDevToken command, CancellationToken cancellationToken)
    {
        if (!issuer.Enabled)
            throw new NotFoundException("Dev sign-in", "Auth:DevSignIn is off");

        var roles = (command.Roles ?? []).Select(r => r.ToLowerInvariant()).Distinct().ToList();
        var scopes = (command.Scopes ?? []).Select(s => s.ToLowerInvariant()).Distinct().ToList();
        var userName = string.IsNullOrWhiteSpace(command.UserName) ? DemoUsers.DefaultUserName(roles) : command.UserName.Trim();
        var displayName = string.IsNullOrWhiteSpace(command.DisplayName)
            ? DemoUsers.All.FirstOrDefault(u => u.UserName == userName)?.DisplayName ?? userName
            : command.DisplayName.Trim();
        var (token, expires) = issuer.Issue(userName, displayName, roles, scopes);
        return ValueTask.FromResult(new DevTokenResult(token, expires, userName, displayName, [.. roles.Append(Roles.Requester).Distinct()], scopes));
    }
}
