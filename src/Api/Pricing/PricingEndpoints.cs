using Cmdb.Api.Audit;
using Cmdb.Api.Auth;
using Cmdb.Api.Pricing.Catalog;
using Cmdb.Api.Pricing.Estimate;
using Cmdb.Api.Pricing.Report;
using Cmdb.Api.Pricing.Strategies;
using Cmdb.Domain.Pricing;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cmdb.Api.Pricing;

/// <summary>Cost estimation: the catalogue a form needs, estimates (side by side with compare=true), IDC pricing strategies, the inventory cost report.</summary>
public static class PricingEndpoints
{
    public sealed record EstimateBody(IReadOnlyList<EstimateItem>? Items, bool? Compare);

    public sealed record StrategyBody(string? ResourceType, string? Env, string? HostEnv, string? Cloud, string? Unit, decimal? UnitPrice, string? Note);

    public static IEndpointRouteBuilder MapPricingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/pricing").WithTags("Pricing").WithAuditScope("cloud");
        group.MapGet("/catalog/{vendor}/{kind}", Catalog).WithName("GetPricingCatalog")
            .WithSummary("Options for a form: specs with display names, images, disk types (for spec=), RDS engines with versions, classes and storage min/max/step, Redis and LB specs")
            .ProducesValidationProblem();
        group.MapPost("/estimate", Estimate).WithName("EstimatePrices")
            .WithSummary("Monthly CNY per item and component with the source of each price; compare=true adds Alibaba and Tencent side by side")
            .ProducesValidationProblem();
        group.MapGet("/report", Report).WithName("GetCostReport")
            .WithSummary("Estimated monthly cost of the inventory grouped by project, owner or cloud, with what could not be priced")
            .ProducesValidationProblem();

        group.MapPost("/price-book/refresh", async (IPriceBookRefresher refresher, CancellationToken ct) => TypedResults.Ok(new { stored = await refresher.RefreshAsync(ct) }))
            .RequireAuthorization(Permissions.CanAdminPricing).WithName("RefreshPriceBook")
            .WithSummary("Asks the configured price APIs for every server and Redis spec now and stores the instance prices as live (0 without credentials)");

        group.MapGet("/strategies", ListStrategies).WithName("ListPricingStrategies").WithAuditScope("idc").WithSummary("IDC pricing strategies (定价策略)");
        var admin = group.MapGroup("/strategies").RequireAuthorization(Permissions.CanAdminPricing).WithAuditScope("idc");
        admin.MapPost("/", CreateStrategy).WithName("CreatePricingStrategy")
            .WithSummary("Adds a strategy; values stored trimmed and lower case, the unit upper case; 409 when the combination exists")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapPut("/{id:long}", UpdateStrategy).WithName("UpdatePricingStrategy")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapDelete("/{id:long}", DeleteStrategy).WithName("DeletePricingStrategy").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Ok<CatalogView>> Catalog(ISender sender, string vendor, string kind, string? region, string? spec, string? engine, string? version,
        string? series, string? instanceType, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCatalog(vendor, kind, region, spec, engine, version, series, instanceType), ct));

    private static async Task<Ok<EstimateResult>> Estimate(ISender sender, EstimateBody body, bool? compare, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new EstimatePrices(body.Items, compare ?? body.Compare ?? false), ct));

    private static async Task<Ok<CostReport>> Report(ISender sender, string? groupBy, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetCostReport(groupBy), ct));

    private static async Task<Ok<IReadOnlyList<StrategyView>>> ListStrategies(ISender sender, string? resourceType, string? env, string? cloud, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListStrategies(resourceType, env, cloud), ct));

    private static async Task<Created<StrategyView>> CreateStrategy(ISender sender, StrategyBody body, CancellationToken ct)
    {
        var created = await sender.Send(new CreateStrategy(body.ResourceType, body.Env, body.HostEnv, body.Cloud, body.Unit, body.UnitPrice, body.Note), ct);
        return TypedResults.Created($"/api/pricing/strategies/{created.Id}", created);
    }

    private static async Task<Ok<StrategyView>> UpdateStrategy(ISender sender, long id, StrategyBody body, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new UpdateStrategy(id, body.ResourceType, body.Env, body.HostEnv, body.Cloud, body.Unit, body.UnitPrice, body.Note), ct));

    private static async Task<NoContent> DeleteStrategy(ISender sender, long id, CancellationToken ct)
    {
        await sender.Send(new DeleteStrategy(id), ct);
        return TypedResults.NoContent();
    }
}
