using System.ComponentModel.DataAnnotations;

namespace Cmdb.Workflows.Steps;

/// <summary><c>Workflows:Activities:*</c>: retries of activity steps whose definition does not set its own.</summary>
public sealed class ActivityOptions
{
    public const string SectionName = "Workflows:Activities";

    /// <summary>Attempts after the first before the ticket becomes an incident.</summary>
    [Range(0, 20)]
    public int DefaultRetries { get; set; } = 3;

    /// <summary>Wait before the first retry; doubled for each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan DefaultRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);
}
