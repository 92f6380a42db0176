namespace Cmdb.Domain.Tickets;

/// <summary>
/// A resource an open ticket will change (a server, a cluster, a store, a zone branch). The key
/// is unique: a second open ticket claiming it is refused. Claims go when the ticket ends.
/// </summary>
public sealed class ResourceClaim
{
    public required string ResourceType { get; set; }
    public required string ResourceKey { get; set; }
    public long TicketId { get; set; }
    public DateTime ClaimedAt { get; set; }
}

public sealed record ClaimKey(string ResourceType, string ResourceKey);
