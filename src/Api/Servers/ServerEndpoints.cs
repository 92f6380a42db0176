using Cmdb.Api.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cmdb.Api.Servers;

public static class ServerEndpoints
{
    public static IEndpointRouteBuilder MapServerEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/servers").WithTags("Servers")
            .MapGet("/", List).WithName("ListServers").WithSummary("Store servers, filtered by hostname, store, env and group").ProducesValidationProblem();
        return app;
    }

    private static async Task<Ok<Paged<ServerView>>> List(ISender sender, string? hostname, string? store, string? env, string? group,
        int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListServers(hostname, store, env, group, page ?? 1, pageSize ?? 50), cancellationToken));
}
