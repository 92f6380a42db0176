using Cmdb.Api.Auth;
using Cmdb.Api.Common;
using Cmdb.Api.Instances.Get;
using Cmdb.Api.Instances.List;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cmdb.Api.Instances;

/// <summary>Workflow instances as the engine holds them: for admins who need to see what runs.</summary>
public static class InstanceEndpoints
{
    public static IEndpointRouteBuilder MapInstanceEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/instances").WithTags("Instances").RequireAuthorization(Permissions.CanAdminInstances);
        group.MapGet("/", ListInstances).WithName("ListInstances").WithSummary("List workflow instances, newest first")
            .ProducesValidationProblem();
        group.MapGet("/{id}", GetInstance).WithName("GetInstance").WithSummary("One workflow instance with its steps and errors")
            .ProducesProblem(StatusCodes.Status404NotFound);
        foreach (var action in new[] { "retry", "suspend", "resume", "terminate" })
        {
            group.MapPost($"/{{id}}/{action}", (ISender sender, string id, [Microsoft.AspNetCore.Mvc.FromBody] ControlRequest? body, CancellationToken ct) =>
                    Control(sender, id, action, body, ct))
                .WithName(char.ToUpperInvariant(action[0]) + action[1..] + "Instance")
                .WithSummary($"{action} the instance (and follow with its ticket)")
                .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        }
        return app;
    }

    public sealed record ControlRequest(string? Comment);

    public sealed record ControlResult(string Id, string Status);

    private static async Task<Ok<ControlResult>> Control(ISender sender, string id, string action, ControlRequest? body, CancellationToken cancellationToken) =>
        TypedResults.Ok(new ControlResult(id, await sender.Send(new Control.ControlInstance(id, action, body?.Comment), cancellationToken)));

    private static async Task<Ok<Paged<InstanceSummary>>> ListInstances(
        ISender sender, string? status, string? definition, string? reference, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListInstances(status, definition, reference, page ?? 1, pageSize ?? 50), cancellationToken));

    private static async Task<Ok<InstanceDetail>> GetInstance(ISender sender, string id, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetInstance(id), cancellationToken));
}
