using Cmdb.Api.Audit;
using Mediator;

namespace Cmdb.Api.Inventory;

/// <summary>The CMDB inventory's query side (issue 7, growing): IP search so far.</summary>
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
        return app;
    }
}
