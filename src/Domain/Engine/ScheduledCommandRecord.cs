namespace Cmdb.Domain.Engine;

public sealed class ScheduledCommandRecord
{
    public long Id { get; set; }
    public required string CommandName { get; set; }
    public required string Data { get; set; }

    /// <summary>UTC ticks at which the command becomes due.</summary>
    public long ExecuteTime { get; set; }
}
