using Cmdb.Api.Auth.DevToken;
using Cmdb.Api.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cmdb.Api.Auth;

public static class AuthEndpoints
{
    public static IEndpointRouteBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth").WorksWithoutDatabase();
        auth.MapPost("/dev-token", IssueDevToken).WithName("IssueDevToken").AllowAnonymous()
            .WithSummary("A signed token for a demo user with the chosen roles (embedded default only)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        auth.MapGet("/dev-users", DevUsers).WithName("ListDevUsers").AllowAnonymous()
            .WithSummary("The demo users offered by dev sign-in; empty when it is off");

        app.MapGet("/api/me", Me).WithTags("Auth").WithName("GetMe").WorksWithoutDatabase()
            .WithSummary("The signed-in user, roles, scopes and permissions");
        return app;
    }

    private static async Task<Ok<DevTokenResult>> IssueDevToken(ISender sender, IssueDevToken command, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(command, cancellationToken));

    private static Ok<IReadOnlyList<DemoUsers.DemoUser>> DevUsers(DevTokenIssuer issuer) =>
        TypedResults.Ok(issuer.Enabled ? DemoUsers.All : []);

    private static async Task<Ok<MeResponse>> Me(CurrentUser user, IAuthorizationService authorization, HttpContext context) =>
        TypedResults.Ok(new MeResponse(user.UserName, user.DisplayName, user.Roles, user.Scopes,
            await Permissions.GrantedAsync(authorization, context.User)));

    public sealed record MeResponse(string UserName, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Scopes, IReadOnlyList<string> Permissions);
}
