using System.ComponentModel.DataAnnotations;

namespace Cmdb.Integrations.WeCom;

/// <summary><c>Integrations:WeCom:*</c>. Robot keys are secrets: give them by environment or a secret store, never in a checked-in file.</summary>
public sealed class WeComOptions
{
    public const string SectionName = "Integrations:WeCom";

    [Required, Url]
    public string BaseUrl { get; set; } = "https://qyapi.weixin.qq.com";

    /// <summary>Robot key per purpose (approvers, requesters, releases, alerts); a purpose without a key is not sent.</summary>
    public Dictionary<string, string?> Robots { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Immediate retries of one send on 5xx, 429 or timeouts; the outbox retries later on top.</summary>
    [Range(0, 5)]
    public int Retries { get; set; } = 2;

    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public string? RobotKey(string purpose) =>
        Robots.TryGetValue(purpose, out var key) && !string.IsNullOrWhiteSpace(key) ? key : null;
}
