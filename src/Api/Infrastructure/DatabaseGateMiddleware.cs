using Cmdb.Domain.Common;
using Cmdb.Domain.Persistence;

namespace Cmdb.Api.Infrastructure;

/// <summary>
/// Until the schema is migrated, API calls are answered 503 at once instead of failing deep in
/// a handler; health, OpenAPI and static files still work.
/// </summary>
public sealed class DatabaseGateMiddleware(RequestDelegate next, DatabaseReadiness readiness)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (!readiness.IsMigrated && context.Request.Path.StartsWithSegments("/api"))
            throw new DatabaseUnavailableException(readiness.LastError ?? "not migrated yet");
        return next(context);
    }
}
