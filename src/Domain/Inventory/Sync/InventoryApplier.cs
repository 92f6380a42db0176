using System.Text.Json;
using Cmdb.Domain.Common;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Domain.Inventory.Sync;

/// <summary>
/// Writes a diff: resources, their IP index rows and subnet ranges, relations of the synced
/// kinds, and a journal line per resource change. The caller owns the transaction, so a
/// failure anywhere leaves the inventory exactly as it was.
/// </summary>
public sealed class InventoryApplier(CmdbDbContext db, string source, long dataVersion, DateTime now)
{
    private const int Chunk = 1000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task ApplyAsync(SyncDiff diff, CancellationToken cancellationToken)
    {
        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var resources in diff.Resources)
            {
                foreach (var ids in resources.Removed.Chunk(Chunk))
                    await RemoveAsync(ids, cancellationToken);
                foreach (var changed in resources.Changed.Chunk(Chunk))
                    await ChangeAsync(changed, cancellationToken);
                foreach (var added in resources.Added.Chunk(Chunk))
                    await AddAsync(added, cancellationToken);
            }
            foreach (var relations in diff.Relations)
                await ApplyRelationsAsync(relations, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
    }

    private async Task RemoveAsync(long[] ids, CancellationToken cancellationToken)
    {
        var rows = await db.InventoryResources.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        db.InventoryChanges.AddRange(rows.Select(r => Journal(r.Id, r.Type, r.ResourceUid, r.Name, InventoryChangeActions.Removed,
            InventoryFieldValues.Diff(InventoryFieldValues.Of(r), new Dictionary<string, string?>()))));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        await db.IpIndex.Where(i => ids.Contains(i.ResourceId)).ExecuteDeleteAsync(cancellationToken);
        await db.SubnetRanges.Where(s => ids.Contains(s.ResourceId)).ExecuteDeleteAsync(cancellationToken);
        await db.ResourceRelations.Where(r => ids.Contains(r.SourceId) || ids.Contains(r.TargetId)).ExecuteDeleteAsync(cancellationToken);
        await db.InventoryResources.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task ChangeAsync(ChangedResource[] changed, CancellationToken cancellationToken)
    {
        var ids = changed.Select(c => c.Id).ToArray();
        var rows = await db.InventoryResources.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        await db.IpIndex.Where(i => ids.Contains(i.ResourceId)).ExecuteDeleteAsync(cancellationToken);
        await db.SubnetRanges.Where(s => ids.Contains(s.ResourceId)).ExecuteDeleteAsync(cancellationToken);
        foreach (var (id, resource) in changed)
        {
            if (!rows.TryGetValue(id, out var row))
                throw new ConflictException($"The {resource.Type} '{resource.Uid}' was removed since the diff was made; run the sync again.");
            var before = InventoryFieldValues.Of(row);
            resource.CopyTo(row);
            row.UpdatedAt = now;
            row.DataVersion = dataVersion;
            db.Entry(row).State = EntityState.Modified;
            var changes = InventoryFieldValues.Diff(before, resource.Fields());
            if (changes.Count > 0)
                db.InventoryChanges.Add(Journal(id, row.Type, row.ResourceUid, row.Name, InventoryChangeActions.Changed, changes));
            AddAddresses(id, resource);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private async Task AddAsync(NormalizedResource[] added, CancellationToken cancellationToken)
    {
        var rows = added.Select(resource =>
        {
            var row = new InventoryResource
            {
                Type = resource.Type, ResourceUid = resource.Uid, Name = resource.Name, Cloud = resource.Cloud,
                CreatedAt = resource.CreatedAt ?? now, UpdatedAt = now, DataVersion = dataVersion,
            };
            resource.CopyTo(row);
            return row;
        }).ToList();
        db.InventoryResources.AddRange(rows);
        await db.SaveChangesAsync(cancellationToken);
        for (var i = 0; i < added.Length; i++)
        {
            var changes = InventoryFieldValues.Diff(new Dictionary<string, string?>(), added[i].Fields());
            db.InventoryChanges.Add(Journal(rows[i].Id, rows[i].Type, rows[i].ResourceUid, rows[i].Name, InventoryChangeActions.Added, changes));
            AddAddresses(rows[i].Id, added[i]);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private void AddAddresses(long id, NormalizedResource resource)
    {
        db.IpIndex.AddRange(resource.Addresses.Select(a => new IpIndexEntry
        {
            Key = a.Key, Address = a.Address, ResourceId = id, ResourceType = resource.Type, Role = a.Role,
        }));
        if (resource.Range is { } range)
            db.SubnetRanges.Add(new SubnetRange { ResourceId = id, StartKey = range.StartKey, EndKey = range.EndKey, Cidr = range.Cidr });
    }

    private async Task ApplyRelationsAsync(RelationDiff diff, CancellationToken cancellationToken)
    {
        foreach (var pairs in diff.Removed.Chunk(Chunk))
        {
            var ids = await ResolveAsync(pairs, cancellationToken);
            foreach (var (source, target) in ids.Values)
                await db.ResourceRelations.Where(r => r.Kind == diff.Kind && r.SourceId == source && r.TargetId == target).ExecuteDeleteAsync(cancellationToken);
        }
        foreach (var pairs in diff.Added.Chunk(Chunk))
        {
            var ids = await ResolveAsync(pairs, cancellationToken);
            db.ResourceRelations.AddRange(pairs.Where(p => ids.ContainsKey(p)).Select(p => new ResourceRelation
            {
                SourceId = ids[p].Source, SourceType = p.SourceType, TargetId = ids[p].Target, TargetType = p.TargetType, Kind = diff.Kind, DataVersion = dataVersion,
            }));
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The stored ids of both ends of each pair (pairs whose ends are gone are left out).</summary>
    private async Task<Dictionary<RelationPair, (long Source, long Target)>> ResolveAsync(RelationPair[] pairs, CancellationToken cancellationToken)
    {
        var ends = pairs.Select(p => (p.SourceType, p.SourceUid)).Concat(pairs.Select(p => (Type: p.TargetType, Uid: p.TargetUid))).Distinct();
        var ids = new Dictionary<(string, string), long>();
        foreach (var group in ends.GroupBy(e => e.Item1))
        {
            var uids = group.Select(e => e.Item2).ToArray();
            var rows = await db.InventoryResources.AsNoTracking().Where(r => r.Type == group.Key && uids.Contains(r.ResourceUid))
                .Select(r => new { r.ResourceUid, r.Id }).ToListAsync(cancellationToken);
            foreach (var row in rows)
                ids[(group.Key, row.ResourceUid)] = row.Id;
        }
        var resolved = new Dictionary<RelationPair, (long, long)>();
        foreach (var pair in pairs)
            if (ids.TryGetValue((pair.SourceType, pair.SourceUid), out var source) && ids.TryGetValue((pair.TargetType, pair.TargetUid), out var target))
                resolved[pair] = (source, target);
        return resolved;
    }

    private InventoryChange Journal(long id, string type, string uid, string name, string action, Dictionary<string, FieldChange> changes) => new()
    {
        ResourceId = id, ResourceType = type, ResourceUid = uid, ResourceName = name, Action = action,
        ChangesJson = JsonSerializer.Serialize(changes, Json), Source = source, At = now,
    };
}
