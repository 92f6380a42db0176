namespace Cmdb.Domain.Engine;

/// <summary>
/// One workflow instance as the engine stores it. Execution pointers are kept as one JSON
/// document on the row: the engine always loads and saves an instance whole, so a single
/// row read and a single row update per step is the cheapest durable shape.
/// </summary>
public sealed class WorkflowRecord
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public int Version { get; set; }
    public string? Description { get; set; }
    public string? Reference { get; set; }
    public int Status { get; set; }
    public long? NextExecution { get; set; }
    public string? Data { get; set; }
    public required string ExecutionPointers { get; set; }
    public DateTime CreateTime { get; set; }
    public DateTime? CompleteTime { get; set; }

    /// <summary>Incremented on every save; a save based on a stale read is refused.</summary>
    public long Revision { get; set; }
}
