using System.Text.Json;
using System.Text.Json.Nodes;

namespace Cmdb.Domain.Inventory.Sync;

/// <summary>A resource as the CMP API and the import files carry it (docs/inventory-sync.md).</summary>
public sealed record InventoryItem(
    string? Uid,
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
    JsonObject? Attributes = null)
{
    public IncomingResource ToIncoming(string type) =>
        new(type, Uid ?? "", Name, Cloud, Account, Subscription, DataCenter, Env, Owner, Tags, Status, CreatedAt, Attributes);

    public static InventoryItem Of(IncomingResource resource) => new(resource.Uid, resource.Name, resource.Cloud, resource.Account, resource.Subscription,
        resource.DataCenter, resource.Env, resource.Owner, resource.Tags, resource.Status, resource.CreatedAt, resource.Attributes);
}

/// <summary>A relation as the CMP API and the import files carry it.</summary>
public sealed record RelationItem(string? SourceType, string? SourceUid, string? TargetType, string? TargetUid)
{
    public IncomingRelation ToIncoming(string kind) => new(kind, SourceType ?? "", SourceUid ?? "", TargetType ?? "", TargetUid ?? "");

    public static RelationItem Of(IncomingRelation relation) => new(relation.SourceType, relation.SourceUid, relation.TargetType, relation.TargetUid);
}

/// <summary>One page of the CMP API.</summary>
public sealed record InventoryPageDto<T>(int Total, IReadOnlyList<T>? Items);

public static class InventoryItemJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
