namespace Cmdb.Domain.Common;

/// <summary>A thing the caller named does not exist (HTTP 404).</summary>
public sealed class NotFoundException(string resource, object key)
    : Exception($"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;
    public object Key { get; } = key;
}

/// <summary>The request clashes with the current state: an illegal transition, a concurrent change, a duplicate (HTTP 409).</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>The signed-in user lacks the named permission for this action (HTTP 403).</summary>
public sealed class ForbiddenException(string permission, string message)
    : Exception(message)
{
    public string Permission { get; } = permission;
}

/// <summary>An external system failed or could not be reached (HTTP 502, or 503 when it is unavailable).</summary>
public sealed class ExternalSystemException(string system, string message, bool unavailable = false, Exception? inner = null)
    : Exception($"{system}: {message}", inner)
{
    public string System { get; } = system;
    public bool Unavailable { get; } = unavailable;
}

/// <summary>The database cannot serve the request right now (HTTP 503); the service recovers on its own.</summary>
public sealed class DatabaseUnavailableException(string reason, Exception? inner = null)
    : Exception($"database unavailable: {reason}", inner)
{
    public string Reason { get; } = reason;
}
