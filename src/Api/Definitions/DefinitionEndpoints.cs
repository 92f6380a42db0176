using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Activities;
using Cmdb.Api.Auth;
using Cmdb.Workflows.Definitions;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cmdb.Api.Definitions;

/// <summary>Flow definitions for admins: drafts, validation, publishing, versions, graph, diff, export.</summary>
public static class DefinitionEndpoints
{
    public static IEndpointRouteBuilder MapDefinitionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activities", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListActivities(), ct)))
            .WithTags("Definitions").WithName("ListActivities").RequireAuthorization(Permissions.CanAdminFlows)
            .WithSummary("Every activity with its inputs, outputs, outcomes and description");

        var group = app.MapGroup("/api/definitions").WithTags("Definitions").RequireAuthorization(Permissions.CanAdminFlows);
        group.MapGet("/", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListDefinitions(), ct)))
            .WithName("ListDefinitions");
        group.MapPost("/validate", async (ISender sender, JsonElement body, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ValidateDefinition(body.GetRawText()), ct)))
            .WithName("ValidateDefinition").WithSummary("Every problem of a definition, located by JSON pointer");
        group.MapGet("/{id}/versions", async (ISender sender, string id, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListVersions(id), ct)))
            .WithName("ListDefinitionVersions").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/versions/{version:int}", async (ISender sender, string id, int version, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetVersion(id, version), ct)))
            .WithName("GetDefinitionVersion").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/versions/{version:int}/graph", async (ISender sender, string id, int version, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetGraph(id, version), ct)))
            .WithName("GetDefinitionGraph").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id}/versions/{version:int}/export", Export).WithName("ExportDefinition").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id}/versions/{version:int}", Delete).WithName("DeleteDefinitionVersion")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id}/draft", async (ISender sender, string id, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetDraft(id), ct)))
            .WithName("GetDefinitionDraft").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id}/draft", async (ISender sender, string id, JsonElement body, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SaveDraft(id, body.GetRawText()), ct)))
            .WithName("SaveDefinitionDraft").WithSummary("Store a draft; the answer lists its problems (they only stop publishing)");
        group.MapPost("/{id}/publish", Publish).WithName("PublishDefinition")
            .WithSummary("Publish the draft as version latest + 1").ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id}/diff", async (ISender sender, string id, int from, int to, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DiffVersions(id, from, to), ct)))
            .WithName("DiffDefinitionVersions").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public sealed record Published(string Id, int Version);

    private static async Task<Ok<Published>> Publish(ISender sender, string id, CancellationToken cancellationToken) =>
        TypedResults.Ok(new Published(id, await sender.Send(new PublishDraft(id), cancellationToken)));

    private static async Task<NoContent> Delete(ISender sender, string id, int version, CancellationToken cancellationToken)
    {
        await sender.Send(new DeleteVersion(id, version), cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>The stored version as the file it would be under workflow-definitions/.</summary>
    private static async Task<FileContentHttpResult> Export(ISender sender, string id, int version, CancellationToken cancellationToken)
    {
        var json = await sender.Send(new GetVersion(id, version), cancellationToken);
        var text = json.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
        return TypedResults.File(Encoding.UTF8.GetBytes(text), "application/json", $"{id}.v{version}.json");
    }
}
