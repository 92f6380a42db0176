namespace Cmdb.Api.Audit;

/// <summary><c>Audit:*</c>: what the audit log records and how.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    public bool Enabled { get; set; } = true;

    /// <summary>Calls under this path are API calls and are recorded.</summary>
    public string RecordedPathPrefix { get; set; } = "/api";

    /// <summary>Path prefixes never recorded.</summary>
    public List<string> ExcludedPaths { get; set; } = ["/api/me", "/health", "/openapi", "/scalar"];

    /// <summary>Most bytes of a request's arguments or a response body kept; more is cut and marked truncated.</summary>
    public int BodyLimitBytes { get; set; } = 16 * 1024;

    /// <summary>
    /// Largest JSON body read to redact secrets from. A larger one is recorded by its size only:
    /// it cannot be cut before redaction without risking a half-hidden secret.
    /// </summary>
    public int ParseLimitBytes { get; set; } = 1024 * 1024;

    /// <summary>Key names (any depth, any case, as part of the name) whose values are replaced by <c>***</c>.</summary>
    public List<string> SensitiveKeys { get; set; } = ["password", "passwd", "secret", "token", "key", "authorization", "cookie", "credential"];

    /// <summary>Proxies (addresses or CIDR ranges) whose <c>X-Forwarded-For</c> is believed.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Records waiting to be written; when full, further records are counted and dropped, never waited for.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    public int WriteBatchSize { get; set; } = 200;

    /// <summary>How long the writer waits for more records before writing a batch that is not full.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
