namespace Cmdb.Domain.Engine;

public sealed class ExecutionErrorRecord
{
    public long Id { get; set; }
    public required string WorkflowId { get; set; }
    public string? ExecutionPointerId { get; set; }
    public DateTime ErrorTime { get; set; }
    public required string Message { get; set; }
}
