namespace Cmdb.Domain.Engine;

public sealed class SubscriptionRecord
{
    public required string Id { get; set; }
    public required string WorkflowId { get; set; }
    public int StepId { get; set; }
    public string? ExecutionPointerId { get; set; }
    public required string EventName { get; set; }
    public string? EventKey { get; set; }
    public DateTime SubscribeAsOf { get; set; }
    public string? Data { get; set; }
    public string? ExternalToken { get; set; }
    public string? ExternalWorkerId { get; set; }
    public DateTime? ExternalTokenExpiry { get; set; }
}
