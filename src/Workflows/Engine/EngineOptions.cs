using System.ComponentModel.DataAnnotations;

namespace Cmdb.Workflows.Engine;

/// <summary><c>Workflows:Engine:*</c>: how the engine looks for work.</summary>
public sealed class EngineOptions
{
    public const string SectionName = "Workflows:Engine";

    /// <summary>
    /// How often the database is searched for work no local event announced (another node's
    /// events, timers, recovery after a crash). Local events wake the engine at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Pause of a consumer that found its queue full or empty.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan IdleTime { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Workflows executed at once on this node; each holds a lock connection while it runs.</summary>
    [Range(1, 256)]
    public int MaxConcurrentWorkflows { get; set; } = 32;

    /// <summary>Wait before a failed step is retried, unless its step says otherwise.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan ErrorRetryInterval { get; set; } = TimeSpan.FromSeconds(30);
}
