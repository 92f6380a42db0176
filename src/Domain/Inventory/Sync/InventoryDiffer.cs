using System.Runtime.CompilerServices;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Domain.Inventory.Sync;

/// <summary>
/// Compares what a source reports with what is stored, type by type and relation kind by
/// relation kind. Reads only: nothing is written until the diff passes the fluctuation check.
/// Unchanged resources are recognised by their content hash and never held in memory.
/// </summary>
public static class InventoryDiffer
{
    public static async Task<ResourceDiff> ResourcesAsync(CmdbDbContext db, string type, IAsyncEnumerable<IncomingResource> incoming, CancellationToken cancellationToken)
    {
        var stored = await db.InventoryResources.AsNoTracking().Where(r => r.Type == type)
            .Select(r => new { r.ResourceUid, r.Id, r.ContentHash })
            .ToDictionaryAsync(r => r.ResourceUid, r => (r.Id, r.ContentHash), StringComparer.Ordinal, cancellationToken);
        var diff = new ResourceDiff(type) { Existing = stored.Count };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var batch in NormalisedAsync(type, incoming, cancellationToken))
            foreach (var resource in batch)
            {
                if (resource is null)
                {
                    diff.LeftOut++;
                    continue;
                }
                if (!seen.Add(resource.Uid))
                {
                    diff.Duplicates++;
                    continue;
                }
                if (!stored.TryGetValue(resource.Uid, out var row))
                    diff.Added.Add(resource);
                else if (row.ContentHash != resource.Hash)
                    diff.Changed.Add(new ChangedResource(row.Id, resource));
                else
                    diff.Unchanged++;
            }
        foreach (var (uid, (id, _)) in stored.Where(s => !seen.Contains(s.Key)))
        {
            diff.Removed.Add(id);
            diff.RemovedUids.Add(uid);
        }
        return diff;
    }

    /// <summary>
    /// The source's records normalised in batches on every core (normalising is most of a
    /// large sync's CPU time), in source order; null for a record that is left out.
    /// </summary>
    private static async IAsyncEnumerable<NormalizedResource?[]> NormalisedAsync(string type, IAsyncEnumerable<IncomingResource> incoming,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        const int BatchSize = 2_000;
        var batch = new List<IncomingResource>(BatchSize);
        await foreach (var item in incoming.WithCancellation(cancellationToken))
        {
            batch.Add(item);
            if (batch.Count == BatchSize)
            {
                yield return Normalise(type, batch);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
            yield return Normalise(type, batch);
    }

    private static NormalizedResource?[] Normalise(string type, List<IncomingResource> batch)
    {
        var result = new NormalizedResource?[batch.Count];
        Parallel.For(0, batch.Count, i => result[i] = string.IsNullOrWhiteSpace(batch[i].Uid) ? null : InventoryNormalizer.Normalize(batch[i] with { Type = type }));
        return result;
    }

    /// <summary>
    /// A relation kind's diff by the uids of both ends. <paramref name="pending"/> holds the
    /// resource diffs of the same run, so relations to resources it adds resolve and relations
    /// to resources it removes do not.
    /// </summary>
    public static async Task<RelationDiff> RelationsAsync(CmdbDbContext db, string kind, IAsyncEnumerable<IncomingRelation> incoming,
        IReadOnlyList<ResourceDiff> pending, CancellationToken cancellationToken)
    {
        var (_, sourceType, targetType) = InventoryTypes.RelationKinds.FirstOrDefault(k => k.Kind == kind);
        if (sourceType is null)
            throw new ArgumentException($"Unknown relation kind '{kind}'.", nameof(kind));
        var stored = await (
                from r in db.ResourceRelations.AsNoTracking().Where(r => r.Kind == kind)
                join s in db.InventoryResources on r.SourceId equals s.Id
                join t in db.InventoryResources on r.TargetId equals t.Id
                select new { SourceType = s.Type, SourceUid = s.ResourceUid, TargetType = t.Type, TargetUid = t.ResourceUid })
            .ToListAsync(cancellationToken);
        var storedPairs = stored.Select(p => new RelationPair(p.SourceType, p.SourceUid, p.TargetType, p.TargetUid)).ToHashSet();
        var diff = new RelationDiff(kind) { Existing = storedPairs.Count };
        var known = new KnownUids(db, pending);
        var seen = new HashSet<RelationPair>();
        await foreach (var item in incoming.WithCancellation(cancellationToken))
        {
            var pair = new RelationPair(item.SourceType.Trim(), item.SourceUid.Trim(), item.TargetType.Trim(), item.TargetUid.Trim());
            var typesFit = pair.SourceType == sourceType && (targetType == "*" ? InventoryTypes.Find(pair.TargetType) is not null : pair.TargetType == targetType);
            if (!typesFit || !await known.ContainsAsync(pair.SourceType, pair.SourceUid, cancellationToken)
                || !await known.ContainsAsync(pair.TargetType, pair.TargetUid, cancellationToken))
            {
                diff.Unresolved++;
                continue;
            }
            if (seen.Add(pair) && !storedPairs.Contains(pair))
                diff.Added.Add(pair);
        }
        diff.Removed.AddRange(storedPairs.Where(p => !seen.Contains(p)));
        return diff;
    }

    /// <summary>The uids each type will hold once the run's resource diffs are applied.</summary>
    private sealed class KnownUids(CmdbDbContext db, IReadOnlyList<ResourceDiff> pending)
    {
        private readonly Dictionary<string, HashSet<string>> _byType = new(StringComparer.Ordinal);

        public async ValueTask<bool> ContainsAsync(string type, string uid, CancellationToken cancellationToken)
        {
            if (!_byType.TryGetValue(type, out var uids))
            {
                uids = (await db.InventoryResources.AsNoTracking().Where(r => r.Type == type).Select(r => r.ResourceUid).ToListAsync(cancellationToken))
                    .ToHashSet(StringComparer.Ordinal);
                if (pending.FirstOrDefault(p => p.Type == type) is { } diff)
                {
                    uids.UnionWith(diff.Added.Select(a => a.Uid));
                    uids.ExceptWith(diff.RemovedUids);
                }
                _byType[type] = uids;
            }
            return uids.Contains(uid);
        }
    }
}
