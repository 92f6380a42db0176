using System.Text.Json.Nodes;

namespace Cmdb.Domain.Inventory.Sync;

/// <summary>
/// A resource as a source reports it, before normalisation. <see cref="Attributes"/> holds the
/// type's own fields by their API names (<see cref="InventoryTypes"/>); unknown ones are dropped.
/// </summary>
public sealed record IncomingResource(
    string Type,
    string Uid,
    string? Name = null,
    string? Cloud = null,
    string? Account = null,
    string? Subscription = null,
    string? DataCenter = null,
    string? Env = null,
    string? Owner = null,
    string? Tags = null,
    string? Status = null,
    DateTime? CreatedAt = null,
    JsonObject? Attributes = null);

/// <summary>A relation as a source reports it: both ends by type and uid (<c>resource_uid</c>).</summary>
public sealed record IncomingRelation(string Kind, string SourceType, string SourceUid, string TargetType, string TargetUid);

/// <summary>
/// Where inventory comes from: the cloud management platform (CMP), a file, the demo generator.
/// A connector only reads; the sync service diffs, checks and applies.
/// </summary>
public interface IInventoryConnector
{
    /// <summary>The connector's name in configuration (<c>cmp</c>, <c>file</c>, <c>generated</c>).</summary>
    string Name { get; }

    /// <summary>Every resource of the type the source holds now. Throws <see cref="InventorySourceException"/> when the source cannot be read.</summary>
    IAsyncEnumerable<IncomingResource> ReadResourcesAsync(string type, CancellationToken cancellationToken);

    /// <summary>Every relation of the kind the source holds now.</summary>
    IAsyncEnumerable<IncomingRelation> ReadRelationsAsync(string kind, CancellationToken cancellationToken);
}

/// <summary>The source could not be read (down, refused, malformed): the run fails, the inventory stays as it is.</summary>
public sealed class InventorySourceException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Builds the connector a configured sync names (<c>cmp</c>, <c>file</c>, <c>generated</c>).</summary>
public interface IInventoryConnectorFactory
{
    /// <summary>The connector, or <see cref="InventorySourceException"/> when it is not configured here.</summary>
    IInventoryConnector Create(SyncDefinition definition);
}
