namespace Cmdb.Api.Audit;

/// <summary>Endpoint metadata: whose audit records this endpoint's calls are (<c>idc</c> or <c>cloud</c>).</summary>
public sealed record AuditScope(string Scope);

public static class AuditScopeExtensions
{
    public static TBuilder WithAuditScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AuditScope(scope));
}
