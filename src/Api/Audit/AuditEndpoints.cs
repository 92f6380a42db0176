using Cmdb.Api.Audit.List;
using Cmdb.Api.Audit.Options;
using Cmdb.Api.Auth;
using Cmdb.Api.Common;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cmdb.Api.Audit;

public static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit-logs").WithTags("Audit").RequireAuthorization(Permissions.CanViewAudit);
        group.MapGet("/", List).WithName("ListAuditLogs").WithSummary("Audit records newest first, filtered and paged").ProducesValidationProblem();
        group.MapGet("/options", Options).WithName("GetAuditLogOptions").WithSummary("Distinct values for the filter boxes");
        return app;
    }

    private static async Task<Ok<Paged<AuditLogEntry>>> List(ISender sender, string? user, string? operation, string? module, string? method,
        int? status, DateTime? from, DateTime? to, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new ListAuditLogs(user, operation, module, method, status, from, to, page ?? 1, pageSize ?? 50), cancellationToken));

    private static async Task<Ok<AuditLogOptions>> Options(ISender sender, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sender.Send(new GetAuditLogOptions(), cancellationToken));
}
