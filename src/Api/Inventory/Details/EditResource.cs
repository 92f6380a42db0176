using System.Text.Json.Nodes;
using Cmdb.Api.Inventory.Lists;
using Cmdb.Domain.Common;
using Cmdb.Domain.Inventory;
using Cmdb.Domain.Inventory.Sync;
using Cmdb.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Inventory.Details;

/// <summary>
/// A person corrects a resource: the given fields are set (null clears), the record goes through
/// the same normalisation as a sync, and the change is journalled as <c>user:{name}</c>.
/// <paramref name="ExpectedHash"/> (the <c>If-Match</c> header) refuses an edit of a resource
/// that changed since it was read.
/// </summary>
public sealed record EditResource(string Type, long Id, JsonObject Changes, string UserName, string? ExpectedHash) : ICommand<ResourceDetail>;

public sealed class EditResourceHandler(CmdbDbContext db, ISender sender, TimeProvider clock) : ICommandHandler<EditResource, ResourceDetail>
{
    /// <summary>Common fields a person may set; system, module and product come from the tags.</summary>
    private static readonly string[] Editable = ["name", "cloud", "account", "subscription", "dataCenter", "env", "owner", "tags", "status"];
    private static readonly string[] FromTags = ["system", "module", "product"];

    public async ValueTask<ResourceDetail> Handle(EditResource command, CancellationToken cancellationToken)
    {
        var type = InventoryFilter.TypeOf(command.Type);
        Check(type, command.Changes);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var row = await db.InventoryResources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == command.Id && r.Type == type.Key, cancellationToken)
            ?? throw new NotFoundException(type.Key, command.Id);
        if (command.ExpectedHash is { } expected && !string.Equals(expected.Trim('"'), row.ContentHash, StringComparison.Ordinal))
            throw new ConflictException($"The {type.Key} {row.Id} changed since it was read; read it again and repeat the edit.");

        var edited = InventoryNormalizer.Normalize(Incoming(type, row, command.Changes))
            ?? throw InventoryFilter.Invalid("status", "A VM that failed scheduling is not kept in the inventory.");
        var changes = InventoryFieldValues.Diff(InventoryFieldValues.Of(row), edited.Fields());
        if (changes.Count == 0)
            return await sender.Send(new GetResource(type.Key, row.Id), cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.InventoryResources.Where(r => r.Id == row.Id && r.ContentHash == row.ContentHash).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Name, edited.Name).SetProperty(r => r.Cloud, edited.Cloud).SetProperty(r => r.Account, edited.Account)
            .SetProperty(r => r.Subscription, edited.Subscription).SetProperty(r => r.DataCenter, edited.DataCenter).SetProperty(r => r.Env, edited.Env)
            .SetProperty(r => r.Owner, edited.Owner).SetProperty(r => r.System, edited.System).SetProperty(r => r.Module, edited.Module)
            .SetProperty(r => r.Product, edited.Product).SetProperty(r => r.Tags, edited.Tags).SetProperty(r => r.Status, edited.Status)
            .SetProperty(r => r.AttributesJson, edited.AttributesJson).SetProperty(r => r.ContentHash, edited.Hash)
            .SetProperty(r => r.UpdatedAt, now).SetProperty(r => r.DataVersion, 0L), cancellationToken);
        if (updated == 0)
            throw new ConflictException($"The {type.Key} {row.Id} changed while it was being edited; read it again and repeat the edit.");
        await db.IpIndex.Where(i => i.ResourceId == row.Id).ExecuteDeleteAsync(cancellationToken);
        await db.SubnetRanges.Where(s => s.ResourceId == row.Id).ExecuteDeleteAsync(cancellationToken);
        db.IpIndex.AddRange(edited.Addresses.Select(a => new IpIndexEntry
            { Key = a.Key, Address = a.Address, ResourceId = row.Id, ResourceType = type.Key, Role = a.Role }));
        if (edited.Range is { } range)
            db.SubnetRanges.Add(new SubnetRange { ResourceId = row.Id, StartKey = range.StartKey, EndKey = range.EndKey, Cidr = range.Cidr });
        db.InventoryChanges.Add(InventoryChange.Of(row.Id, type.Key, row.ResourceUid, edited.Name, InventoryChangeActions.Changed, changes,
            $"user:{command.UserName}", now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await sender.Send(new GetResource(type.Key, row.Id), cancellationToken);
    }

    /// <summary>Every field named must exist on the type and be one a person may set (400 naming it).</summary>
    private static void Check(InventoryType type, JsonObject changes)
    {
        if (changes.Count == 0)
            throw InventoryFilter.Invalid("body", "Give one or more fields to change.");
        foreach (var (name, _) in changes)
        {
            if (FromTags.Contains(name))
                throw InventoryFilter.Invalid(name, $"'{name}' is read from the tags (e.g. {name}:value); change the tags instead.");
            if (!Editable.Contains(name) && type.OwnFields.All(f => f.Name != name))
                throw InventoryFilter.Invalid(name, $"'{name}' is not a field of {type.Key} that can be edited. Editable: {string.Join(", ", Editable.Concat(type.OwnFields.Select(f => f.Name)))}.");
        }
        if (changes.TryGetPropertyValue("name", out var newName) && string.IsNullOrWhiteSpace(newName?.GetValueKind() == System.Text.Json.JsonValueKind.String ? newName.GetValue<string>() : null))
            throw InventoryFilter.Invalid("name", "A resource needs a name.");
    }

    /// <summary>The stored row as a source would report it, with the edits laid over it.</summary>
    private static IncomingResource Incoming(InventoryType type, InventoryResource row, JsonObject changes)
    {
        string? Text(string name, string? stored) => changes.TryGetPropertyValue(name, out var value)
            ? value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : value?.ToJsonString()
            : stored;
        var attributes = JsonNode.Parse(row.AttributesJson) as JsonObject ?? [];
        foreach (var (name, value) in changes)
            if (type.OwnFields.Any(f => f.Name == name))
                attributes[name] = value?.DeepClone();
        // The owner stored may have come from the tags; a person changing only the tags should see it follow them.
        var owner = changes.ContainsKey("owner") ? Text("owner", null) : changes.ContainsKey("tags") ? null : row.Owner;
        return new IncomingResource(type.Key, row.ResourceUid, Text("name", row.Name), Text("cloud", row.Cloud), Text("account", row.Account),
            Text("subscription", row.Subscription), Text("dataCenter", row.DataCenter), Text("env", row.Env), owner, Text("tags", row.Tags),
            Text("status", row.Status), DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc), attributes);
    }
}
