using System.ComponentModel.DataAnnotations;

namespace Cmdb.Workflows.Notifications;

/// <summary><c>Notifications:*</c>: how the outbox is sent.</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Notifications";

    /// <summary><c>zh</c> (default) or <c>en</c>.</summary>
    [RegularExpression("^(zh|en)$")]
    public string Language { get; set; } = "zh";

    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Sends tried before a notification is marked failed.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failed send; doubled after each further failure, up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a node may work on one send before another node may take it over.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 20;
}
