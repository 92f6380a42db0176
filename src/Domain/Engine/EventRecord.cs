namespace Cmdb.Domain.Engine;

public sealed class EventRecord
{
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string? Key { get; set; }
    public string? Data { get; set; }
    public DateTime EventTime { get; set; }
    public bool IsProcessed { get; set; }
}
