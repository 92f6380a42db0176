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
        if (!readiness.IsMigrated && context.Request.Path.StartsWithSegments("/api")
            && context.GetEndpoint()?.Metadata.GetMetadata<WorksWithoutDatabase>() is null)
            throw new DatabaseUnavailableException(readiness.LastError ?? "not migrated yet");
        return next(context);
    }
}

/// <summary>Endpoint metadata: this endpoint does not touch the database, so it serves even before the schema is ready.</summary>
public sealed class WorksWithoutDatabase
{
    public static readonly WorksWithoutDatabase Instance = new();
}

public static class WorksWithoutDatabaseExtensions
{
    public static TBuilder WorksWithoutDatabase<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(Infrastructure.WorksWithoutDatabase.Instance);
}
