using System.Text.Json;
using Cmdb.Activities.Releases;
using Cmdb.Api.Common;
using Cmdb.Domain.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Releases;

/// <summary>The batched Puppet release: plan and progress, files on the temporary branch, stages, rollback, live events.</summary>
public static class ReleaseEndpoints
{
    public sealed record SubmitChangeBody(string? Comment);

    public static IEndpointRouteBuilder MapReleaseEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/releases").WithTags("Releases");
        group.MapGet("/branch-health", BranchHealth).WithName("GetReleaseBranchHealth")
            .WithSummary("Whether uat is level with production and production with every zone");
        group.MapPost("/branch-health/level", async (ReleaseConductor conductor, Auth.CurrentUser user, CancellationToken ct) =>
                TypedResults.Ok(await conductor.LevelBranchesAsync(user.UserName, ct)))
            .WithName("LevelReleaseBranches").RequireAuthorization(Auth.Permissions.CanApprove)
            .WithSummary("Bring uat, production and the zones no open plan holds level (approvers)").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{ticket:long}", async (ReleaseService releases, long ticket, CancellationToken ct) => TypedResults.Ok(await releases.GetAsync(ticket, ct)))
            .WithName("GetRelease").WithSummary("Plan, stages, merges, results, and what I may do now").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{ticket:long}/files/{**path}", async (ReleaseService releases, long ticket, string path, CancellationToken ct) =>
                TypedResults.Ok(await releases.ReadFileAsync(ticket, path, ct)))
            .WithName("GetReleaseFile").WithSummary("A file on the temporary branch").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{ticket:long}/files/{**path}", async (ReleaseService releases, long ticket, string path, FileChange change, CancellationToken ct) =>
                TypedResults.Ok(await releases.WriteFileAsync(ticket, path, change, ct)))
            .WithName("PutReleaseFile").WithSummary("Commit a file on the temporary branch (requester, at 修改配置)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{ticket:long}/submit-change", async (ReleaseService releases, long ticket, SubmitChangeBody? body, CancellationToken ct) =>
                TypedResults.Ok(await releases.SubmitChangeAsync(ticket, body?.Comment, ct)))
            .WithName("SubmitReleaseChange").WithSummary("The change is done: checks commits and the Puppetfile (r10k), then goes to approval")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{ticket:long}/preview", async (ReleaseService releases, long ticket, CancellationToken ct) => TypedResults.Ok(await releases.PreviewAsync(ticket, ct)))
            .WithName("PreviewRelease").WithSummary("Every merge the plan will make, what each brings and whether it would conflict now");
        group.MapPost("/{ticket:long}/stages/next", async (ReleaseService releases, long ticket, CancellationToken ct) => TypedResults.Ok(await releases.ReleaseNextAsync(ticket, ct)))
            .WithName("ReleaseNextStage").WithSummary("Release the next stage (an operator, inside the window)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{ticket:long}/stages/{stage}/retry", async (ReleaseService releases, long ticket, string stage, CancellationToken ct) =>
                TypedResults.Ok(await releases.RetryAsync(ticket, stage, ct)))
            .WithName("RetryReleaseStage").WithSummary("Run a failed stage again").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{ticket:long}/rollback", async (ReleaseService releases, long ticket, CancellationToken ct) => TypedResults.Ok(await releases.RollbackAsync(ticket, ct)))
            .WithName("RollbackRelease").WithSummary("Revert every released stage in reverse order (an operator); run again to resume")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{ticket:long}/events", Events).WithName("ReleaseEvents").WithSummary("Server-Sent Events: the release view on every change");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<BranchLevel>>> BranchHealth(ReleaseConductor conductor, CmdbDbContext db, CancellationToken cancellationToken)
    {
        var held = await db.ResourceClaims.AsNoTracking().Where(c => c.ResourceType == "release-zone").Select(c => c.ResourceKey).ToListAsync(cancellationToken);
        return TypedResults.Ok(await conductor.BranchHealthAsync(held, cancellationToken));
    }

    /// <summary>Sends the release view now and again whenever the plan's revision changes, until the client goes or the ticket ends.</summary>
    private static readonly JsonSerializerOptions EventJson = new(JsonSerializerDefaults.Web) { Encoder = ApiJson.Encoder };

    private static async Task Events(HttpContext http, ReleaseService releases, CmdbDbContext db, long ticket, CancellationToken cancellationToken)
    {
        var view = await releases.GetAsync(ticket, cancellationToken);
        http.Response.Headers.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        var revision = -1;
        var status = "";
        while (!cancellationToken.IsCancellationRequested)
        {
            if (view.Revision != revision || view.TicketStatus != status)
            {
                revision = view.Revision;
                status = view.TicketStatus;
                await http.Response.WriteAsync($"id: {revision}\nevent: release\ndata: {JsonSerializer.Serialize(view, EventJson)}\n\n", cancellationToken);
                await http.Response.Body.FlushAsync(cancellationToken);
            }
            if (view.TicketStatus is "Completed" or "Cancelled" or "Rejected")
                return;
            try
            {
                await Task.Delay(500, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            // The request's context tracked the ticket: forget it so the next read sees what changed.
            db.ChangeTracker.Clear();
            view = await releases.GetAsync(ticket, cancellationToken);
        }
    }
}
