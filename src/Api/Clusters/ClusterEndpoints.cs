using Cmdb.Api.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cmdb.Api.Clusters;

/// <summary>CASE A clusters and stores: lists with computed figures, chart summary, placement proposals.</summary>
public static class ClusterEndpoints
{
    public static IEndpointRouteBuilder MapClusterEndpoints(this IEndpointRouteBuilder app)
    {
        var clusters = app.MapGroup("/api/clusters").WithTags("Clusters");
        clusters.MapGet("/", ListClusters).WithName("ListClusters")
            .WithSummary("Clusters, newest first, with store/market/DO counts and utilisation computed").ProducesValidationProblem();
        clusters.MapGet("/summary", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetClusterSummary(), ct)))
            .WithName("GetClusterSummary").WithSummary("Utilisation per cluster and stores per env, for charts");
        clusters.MapGet("/{id:long}", async (ISender sender, long id, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetCluster(id), ct)))
            .WithName("GetCluster").WithSummary("A cluster with its stores").ProducesProblem(StatusCodes.Status404NotFound);

        var stores = app.MapGroup("/api/stores").WithTags("Clusters");
        stores.MapGet("/", ListStores).WithName("ListStores")
            .WithSummary("Stores by cluster, market, DO, ownership; noMarket=true: assigned a cluster but no market").ProducesValidationProblem();
        stores.MapGet("/placement", Placement).WithName("ProposeStorePlacement")
            .WithSummary("A prod cluster for each store, with the reason").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<Paged<ClusterView>>> ListClusters(ISender sender, string? env, string? location, string? size, string? name, string? tag,
        DateTime? createdFrom, DateTime? createdTo, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListClusters(env, location, size, name, tag, createdFrom, createdTo, page ?? 1, pageSize ?? 20), cancellationToken));

    private static async Task<Ok<Paged<StoreView>>> ListStores(ISender sender, long? clusterId, string? market, string? @do, string? ownership, bool? noMarket,
        string? q, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListStores(clusterId, market, @do, ownership, noMarket, q, page ?? 1, pageSize ?? 50), cancellationToken));

    private static async Task<Ok<PlacementProposal>> Placement(ISender sender, string? stores, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ProposePlacement(
            (stores ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)), cancellationToken));
}
