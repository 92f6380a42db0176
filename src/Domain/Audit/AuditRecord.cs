namespace Cmdb.Domain.Audit;

/// <summary>One API call as the audit log (审计日志) keeps it. Secrets are redacted before it is built.</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }
    public DateTime Time { get; set; }

    /// <summary>The endpoint group's tag, e.g. <c>Instances</c>; <c>(unmatched)</c> when no route matched.</summary>
    public required string Module { get; set; }
    public required string Method { get; set; }

    /// <summary>The endpoint's name, e.g. <c>ListInstances</c>.</summary>
    public string? Operation { get; set; }
    public string? RouteTemplate { get; set; }
    public required string Url { get; set; }
    public string? ClientIp { get; set; }

    /// <summary>JSON: query, route values and body of the request.</summary>
    public string? RequestArguments { get; set; }
    public bool RequestTruncated { get; set; }
    public int Status { get; set; }
    public string? Message { get; set; }
    public string? ResponseBody { get; set; }
    public bool ResponseTruncated { get; set; }
    public string? UserName { get; set; }

    /// <summary>The user name in lower case, so filtering by user ignores case on every database.</summary>
    public string? UserKey { get; set; }
    public string? Nickname { get; set; }
    public double DurationMs { get; set; }

    /// <summary><c>idc</c> or <c>cloud</c> when the endpoint belongs to one audience; null otherwise.</summary>
    public string? Scope { get; set; }
}
