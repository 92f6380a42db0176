using Cmdb.Api.Audit;
using Cmdb.Api.Auth;
using Cmdb.Api.Common;
using Cmdb.Api.Inventory.Details;
using Cmdb.Api.Inventory.Lists;
using Cmdb.Api.Inventory.Syncs;
using Cmdb.Domain.Inventory.Sync;
using System.Text.Json.Nodes;
using Mediator;

namespace Cmdb.Api.Inventory;

/// <summary>The CMDB inventory: IP search, lists, options, exports, detail, graph, overview, and the syncs that keep it fresh.</summary>
public static class InventoryEndpoints
{
    public sealed record IpSearchBody(IReadOnlyList<string>? Ips);

    public static IEndpointRouteBuilder MapInventoryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/inventory").WithTags("Inventory").WithAuditScope("idc");
        group.MapPost("/ip-search", async (ISender sender, IpSearchBody body, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new SearchIps(body.Ips ?? []), ct)))
            .WithName("SearchIps").WithSummary("Every holder of each IP, CIDR or range, with subnet, VPC, pods and clusters; bad entries reported one by one")
            .ProducesValidationProblem();
        group.MapGet("/overview", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetInventoryOverview(), ct)))
            .WithName("GetInventoryOverview").WithSummary("Counts by type, cloud, status and account; cores and GB in their units");
        group.MapGet("/types", () => TypedResults.Ok(Domain.Inventory.InventoryTypes.All))
            .WithName("ListInventoryTypes").WithSummary("Every resource type with its fields, Chinese headers and units");

        MapSyncs(group.MapGroup("/syncs").RequireAuthorization(Permissions.CanAdminInventory));

        group.MapGet("/{type}", async (InventoryReader reader, CurrentUser user, HttpRequest request, string type, CancellationToken ct) =>
                TypedResults.Ok(await reader.ListAsync(InventoryFilter.Parse(type, request.Query, user.UserName), ct)))
            .WithName("ListInventory")
            .WithSummary("Filter on any field (field=a&field=b, field:like=x, field:empty=true), q, sort, cursor or page/pageSize (≤ 500), mine=true, fields=a,b")
            .ProducesValidationProblem();
        group.MapGet("/{type}/options/{field}", async (InventoryOptionsCache options, CurrentUser user, HttpRequest request, string type, string field, CancellationToken ct) =>
            {
                var filter = InventoryFilter.Parse(type, request.Query, user.UserName);
                var target = InventoryFilter.FieldOf(filter.Type, field, "field");
                if (!target.Filterable)
                    throw InventoryFilter.Invalid("field", $"The field '{target.Name}' holds nested records and has no options.");
                // The user is part of the key: mine=true narrows to the caller's resources.
                // Unit separators keep "a,b" apart from the two values a and b.
                var key = string.Join('\u001e', [filter.Type.Key, target.Name, user.UserName,
                    .. request.Query.OrderBy(q => q.Key, StringComparer.Ordinal).Select(q => q.Key + "=" + string.Join('\u001f', q.Value.ToArray()))]);
                return TypedResults.Ok(await options.OptionsAsync(filter, target, key, ct));
            })
            .WithName("ListInventoryOptions").WithSummary("Distinct values of a field with counts, under the other filters (at most 200)")
            .ProducesValidationProblem();
        group.MapGet("/{type}/export", InventoryExport.ExportAsync)
            .WithName("ExportInventory").WithSummary("The list with the same filters as CSV or XLSX (format=csv|xlsx), streamed, Chinese headers")
            .ProducesValidationProblem();
        group.MapGet("/{type}/{id:long}", async (ISender sender, string type, long id, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetResource(type, id), ct)))
            .WithName("GetInventoryResource").WithSummary("A resource with its related resources (both directions) and its change journal")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPatch("/{type}/{id:long}", async (ISender sender, CurrentUser user, HttpRequest request, string type, long id, JsonObject changes, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new EditResource(type, id, changes, user.UserName, request.Headers.IfMatch.FirstOrDefault()), ct)))
            .RequireAuthorization(Permissions.CanAdminInventory)
            .WithName("EditInventoryResource")
            .WithSummary("Sets the given fields (null clears) under the sync's normalisation, journalled as user:{name}; If-Match: the detail's version (409 when it changed)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{type}/{id:long}/graph", async (ISender sender, string type, long id, int? depth, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetResourceGraph(type, id, depth ?? 2), ct)))
            .WithName("GetInventoryGraph").WithSummary("Relations around a resource as nodes and edges, depth 1–4 (default 2)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static void MapSyncs(RouteGroupBuilder syncs)
    {
        syncs.MapGet("/", async (ISender sender, string? status, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ListSyncRuns(status, page ?? 1, pageSize ?? 20), ct)))
            .WithName("ListInventorySyncRuns").WithSummary("Sync runs, newest first");
        syncs.MapGet("/{id:long}", async (ISender sender, long id, string? scope, string? action, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetSyncRun(id, scope, action, page ?? 1, pageSize ?? 100), ct)))
            .WithName("GetInventorySyncRun").WithSummary("A run's summary and, when held, its diff for review")
            .ProducesProblem(StatusCodes.Status404NotFound);
        syncs.MapPost("/{id:long}/apply", async (InventorySyncService service, CurrentUser user, long id, CancellationToken ct) =>
                TypedResults.Ok(SyncRunView.Of(await service.ApplyHeldAsync(id, user.UserName, ct))))
            .WithName("ApplyInventorySyncRun").WithSummary("Applies a held run's diff (409 when it is not held or is stale)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        syncs.MapPost("/{id:long}/discard", async (InventorySyncService service, CurrentUser user, long id, CancellationToken ct) =>
                TypedResults.Ok(SyncRunView.Of(await service.DiscardAsync(id, user.UserName, ct))))
            .WithName("DiscardInventorySyncRun").WithSummary("Discards a held run's diff")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        syncs.MapPost("/run/{name}", async (InventorySyncRunner runner, CurrentUser user, string name, CancellationToken ct) =>
                TypedResults.Ok(SyncRunView.Of(await runner.RunAsync(name, "manual", user.UserName, ct))))
            .WithName("RunInventorySync").WithSummary("Runs a configured sync now and returns its run (applied, held or failed)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }
}
