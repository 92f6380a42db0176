using System.Text;
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

    private readonly BulkWriter _bulk = new(db);

    public async Task ApplyAsync(SyncDiff diff, CancellationToken cancellationToken)
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

    private async Task RemoveAsync(long[] ids, CancellationToken cancellationToken)
    {
        var rows = await db.InventoryResources.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        await _bulk.InsertAsync(rows.Select(r => Journal(r.Id, r.Type, r.ResourceUid, r.Name, InventoryChangeActions.Removed,
            InventoryFieldValues.Diff(InventoryFieldValues.Of(r), new Dictionary<string, string?>()))).ToList(), cancellationToken);
        await db.IpIndex.Where(i => ids.Contains(i.ResourceId)).ExecuteDeleteAsync(cancellationToken);
        await db.SubnetRanges.Where(s => ids.Contains(s.ResourceId)).ExecuteDeleteAsync(cancellationToken);
        await db.ResourceRelations.Where(r => ids.Contains(r.SourceId) || ids.Contains(r.TargetId)).ExecuteDeleteAsync(cancellationToken);
        await db.InventoryResources.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task ChangeAsync(ChangedResource[] changed, CancellationToken cancellationToken)
    {
        var ids = changed.Select(c => c.Id).ToArray();
        var rows = await db.InventoryResources.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var writes = new Writes();
        var readdressed = new List<long>();
        foreach (var (id, resource) in changed)
        {
            if (!rows.TryGetValue(id, out var row))
                throw new ConflictException($"The {resource.Type} '{resource.Uid}' was removed since the diff was made; run the sync again.");
            var before = InventoryFieldValues.Of(row);
            resource.CopyTo(row);
            row.UpdatedAt = now;
            row.DataVersion = dataVersion;
            var changes = InventoryFieldValues.Diff(before, resource.Fields());
            if (changes.Count > 0)
                writes.Journal.Add(Journal(id, row.Type, row.ResourceUid, row.Name, InventoryChangeActions.Changed, changes));
            // Most changes (a status, a tag, a size) leave the addresses alone: their index rows stay.
            if (changes.Keys.Any(AddressBearing(resource.Type).Contains))
            {
                readdressed.Add(id);
                writes.AddAddresses(id, resource);
            }
        }
        foreach (var chunk in readdressed.Chunk(Chunk))
        {
            await db.IpIndex.Where(i => chunk.Contains(i.ResourceId)).ExecuteDeleteAsync(cancellationToken);
            await db.SubnetRanges.Where(s => chunk.Contains(s.ResourceId)).ExecuteDeleteAsync(cancellationToken);
        }
        await _bulk.UpsertAsync(rows.Values, cancellationToken);
        await writes.SaveAsync(_bulk, cancellationToken);
    }

    /// <summary>The fields a type's IP index rows and subnet range are read from.</summary>
    private static HashSet<string> AddressBearing(string type) => AddressFieldsByType.GetValueOrDefault(type) ?? [];

    private static readonly Dictionary<string, HashSet<string>> AddressFieldsByType = InventoryTypes.All.ToDictionary(
        t => t.Key, t => t.AddressFields.Select(f => f.Name).Append("cidr").ToHashSet(StringComparer.Ordinal));

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
        await _bulk.InsertAsync(rows, cancellationToken);
        // A resource diff is one type's, and (type, uid) is unique: that reads the new ids back.
        var type = added[0].Type;
        var uids = added.Select(a => a.Uid).ToArray();
        var ids = await db.InventoryResources.AsNoTracking().Where(r => r.Type == type && uids.Contains(r.ResourceUid))
            .ToDictionaryAsync(r => r.ResourceUid, r => r.Id, StringComparer.Ordinal, cancellationToken);
        var writes = new Writes();
        foreach (var resource in added)
        {
            var id = ids[resource.Uid];
            writes.Journal.Add(Journal(id, resource.Type, resource.Uid, resource.Name, InventoryChangeActions.Added,
                InventoryFieldValues.Diff(new Dictionary<string, string?>(), resource.Fields())));
            writes.AddAddresses(id, resource);
        }
        await writes.SaveAsync(_bulk, cancellationToken);
    }

    private async Task ApplyRelationsAsync(RelationDiff diff, CancellationToken cancellationToken)
    {
        foreach (var pairs in diff.Removed.Chunk(Chunk))
        {
            var ids = await ResolveAsync(pairs, cancellationToken);
            await DeleteRelationsAsync(diff.Kind, ids.Values.ToList(), cancellationToken);
        }
        foreach (var pairs in diff.Added.Chunk(Chunk))
        {
            var ids = await ResolveAsync(pairs, cancellationToken);
            await _bulk.InsertAsync(pairs.Where(ids.ContainsKey).Select(p => new ResourceRelation
            {
                SourceId = ids[p].Source, SourceType = p.SourceType, TargetId = ids[p].Target, TargetType = p.TargetType, Kind = diff.Kind, DataVersion = dataVersion,
            }).ToList(), cancellationToken);
        }
    }

    /// <summary>Exact (source, target) pairs of one kind, many per statement.</summary>
    private async Task DeleteRelationsAsync(string kind, List<(long Source, long Target)> pairs, CancellationToken cancellationToken)
    {
        foreach (var chunk in pairs.Chunk(500))
        {
            var sql = new StringBuilder("DELETE FROM inventory_relations WHERE kind = {0} AND (");
            var values = new List<object> { kind };
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "" : " OR ").Append($"(source_id = {{{values.Count}}} AND target_id = {{{values.Count + 1}}})");
                values.Add(chunk[i].Source);
                values.Add(chunk[i].Target);
            }
            await db.Database.ExecuteSqlRawAsync(sql.Append(')').ToString(), values, cancellationToken);
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

    private InventoryChange Journal(long id, string type, string uid, string name, string action, Dictionary<string, FieldChange> changes) =>
        InventoryChange.Of(id, type, uid, name, action, changes, source, now);

    /// <summary>The journal lines and index rows of one chunk, written in a few statements.</summary>
    private sealed class Writes
    {
        public List<InventoryChange> Journal { get; } = [];
        private readonly List<IpIndexEntry> _addresses = [];
        private readonly List<SubnetRange> _ranges = [];

        public void AddAddresses(long id, NormalizedResource resource)
        {
            _addresses.AddRange(resource.Addresses.Select(a => new IpIndexEntry
            {
                Key = a.Key, Address = a.Address, ResourceId = id, ResourceType = resource.Type, Role = a.Role,
            }));
            if (resource.Range is { } range)
                _ranges.Add(new SubnetRange { ResourceId = id, StartKey = range.StartKey, EndKey = range.EndKey, Cidr = range.Cidr });
        }

        public async Task SaveAsync(BulkWriter bulk, CancellationToken cancellationToken)
        {
            await bulk.InsertAsync(Journal, cancellationToken);
            await bulk.InsertAsync(_addresses, cancellationToken);
            await bulk.InsertAsync(_ranges, cancellationToken);
        }
    }
}
