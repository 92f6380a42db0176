using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Api.Inventory.Lists;
using Cmdb.Domain.Common;
using Cmdb.Domain.Inventory;
using Cmdb.Domain.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Inventory.Details;

public sealed record RelatedResource(string Kind, string Direction, ResourceRef Resource);

public sealed record JournalEntry(long Id, string Action, string Source, DateTime At, JsonObject Changes);

public sealed record ResourceDetail(JsonObject Resource, IReadOnlyList<RelatedResource> Related, IReadOnlyList<JournalEntry> Journal, bool JournalTruncated);

/// <summary>A resource with every field, its related resources in both directions and its change journal (newest first).</summary>
public sealed record GetResource(string Type, long Id) : IQuery<ResourceDetail>;

public sealed class GetResourceHandler(CmdbDbContext db) : IQueryHandler<GetResource, ResourceDetail>
{
    public const int MaxRelated = 500;
    public const int MaxJournal = 200;

    public async ValueTask<ResourceDetail> Handle(GetResource query, CancellationToken cancellationToken)
    {
        var type = InventoryFilter.TypeOf(query.Type);
        var row = await db.InventoryResources.AsNoTracking().FirstOrDefaultAsync(r => r.Id == query.Id && r.Type == type.Key, cancellationToken)
            ?? throw new NotFoundException(type.Key, query.Id);
        var outgoing = await (from r in db.ResourceRelations.AsNoTracking().Where(r => r.SourceId == row.Id)
                              join t in db.InventoryResources on r.TargetId equals t.Id
                              select new RelatedResource(r.Kind, "out", new ResourceRef(t.Id, t.Type, t.Name, t.Cloud, t.Status)))
            .Take(MaxRelated).ToListAsync(cancellationToken);
        var incoming = await (from r in db.ResourceRelations.AsNoTracking().Where(r => r.TargetId == row.Id)
                              join s in db.InventoryResources on r.SourceId equals s.Id
                              select new RelatedResource(r.Kind, "in", new ResourceRef(s.Id, s.Type, s.Name, s.Cloud, s.Status)))
            .Take(MaxRelated).ToListAsync(cancellationToken);
        var journal = await db.InventoryChanges.AsNoTracking().Where(c => c.ResourceId == row.Id).OrderByDescending(c => c.Id)
            .Take(MaxJournal + 1).ToListAsync(cancellationToken);
        return new ResourceDetail(ResourceJson(type, row), [.. outgoing, .. incoming],
            journal.Take(MaxJournal).Select(c => new JournalEntry(c.Id, c.Action, c.Source, c.At, JsonNode.Parse(c.ChangesJson) as JsonObject ?? [])).ToList(),
            journal.Count > MaxJournal);
    }

    internal static JsonObject ResourceJson(InventoryType type, InventoryResource row)
    {
        var json = new JsonObject
        {
            ["id"] = row.Id, ["type"] = row.Type, ["resourceUid"] = row.ResourceUid, ["name"] = row.Name, ["cloud"] = row.Cloud,
            ["account"] = row.Account, ["subscription"] = row.Subscription, ["dataCenter"] = row.DataCenter, ["env"] = row.Env,
            ["owner"] = row.Owner, ["system"] = row.System, ["module"] = row.Module, ["product"] = row.Product, ["tags"] = row.Tags,
            ["status"] = row.Status, ["createdAt"] = row.CreatedAt, ["updatedAt"] = row.UpdatedAt,
            // What an edit sends back as If-Match, so it cannot overwrite a change it never saw.
            ["version"] = row.ContentHash,
        };
        var attributes = JsonNode.Parse(row.AttributesJson) as JsonObject ?? [];
        foreach (var field in type.OwnFields)
            json[field.Name] = attributes[field.Name]?.DeepClone();
        return json;
    }
}

public sealed record GraphNode(long Id, string Type, string Name, string? Status, int Depth);

public sealed record GraphEdge(long Source, long Target, string Kind);

public sealed record ResourceGraph(long Root, int Depth, IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, bool Truncated);

/// <summary>The relations around a resource as nodes and edges, breadth first to the given depth (1–4), at most 500 nodes.</summary>
public sealed record GetResourceGraph(string Type, long Id, int Depth) : IQuery<ResourceGraph>;

public sealed class GetResourceGraphHandler(CmdbDbContext db) : IQueryHandler<GetResourceGraph, ResourceGraph>
{
    public const int MaxDepth = 4;
    public const int MaxNodes = 500;

    public async ValueTask<ResourceGraph> Handle(GetResourceGraph query, CancellationToken cancellationToken)
    {
        var type = InventoryFilter.TypeOf(query.Type);
        if (query.Depth is < 1 or > MaxDepth)
            throw InventoryFilter.Invalid("depth", $"The depth is 1 to {MaxDepth}.");
        var root = await db.InventoryResources.AsNoTracking().Where(r => r.Id == query.Id && r.Type == type.Key)
            .Select(r => new GraphNode(r.Id, r.Type, r.Name, r.Status, 0)).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException(type.Key, query.Id);
        var nodes = new Dictionary<long, GraphNode> { [root.Id] = root };
        var edges = new HashSet<GraphEdge>();
        var frontier = new List<long> { root.Id };
        var truncated = false;
        for (var depth = 1; depth <= query.Depth && frontier.Count > 0 && !truncated; depth++)
        {
            var ids = frontier.ToArray();
            var relations = await db.ResourceRelations.AsNoTracking().Where(r => ids.Contains(r.SourceId) || ids.Contains(r.TargetId))
                .Select(r => new GraphEdge(r.SourceId, r.TargetId, r.Kind)).Take(MaxNodes * 4).ToListAsync(cancellationToken);
            var next = relations.SelectMany(e => new[] { e.Source, e.Target }).Where(id => !nodes.ContainsKey(id)).Distinct().ToList();
            if (nodes.Count + next.Count > MaxNodes)
            {
                truncated = true;
                next = next.Take(MaxNodes - nodes.Count).ToList();
            }
            var found = await db.InventoryResources.AsNoTracking().Where(r => next.Contains(r.Id))
                .Select(r => new GraphNode(r.Id, r.Type, r.Name, r.Status, depth)).ToListAsync(cancellationToken);
            foreach (var node in found)
                nodes[node.Id] = node;
            edges.UnionWith(relations.Where(e => nodes.ContainsKey(e.Source) && nodes.ContainsKey(e.Target)));
            frontier = found.Select(n => n.Id).ToList();
        }
        return new ResourceGraph(root.Id, query.Depth, nodes.Values.OrderBy(n => n.Depth).ThenBy(n => n.Id).ToList(), edges.ToList(), truncated);
    }
}

public sealed record TypeCount(string Type, string NameZh, string NameEn, string Unit, long Count);

public sealed record GroupCount(string? Value, long Count);

public sealed record CapacityTotal(string Name, string Unit, decimal Total);

public sealed record InventoryOverview(long Total, IReadOnlyList<TypeCount> ByType, IReadOnlyList<GroupCount> ByCloud, IReadOnlyList<GroupCount> ByStatus,
    IReadOnlyList<GroupCount> ByAccount, IReadOnlyList<CapacityTotal> Capacity);

/// <summary>Counts by type, cloud, status and account; cores, memory and storage in their units.</summary>
public sealed record GetInventoryOverview : IQuery<InventoryOverview>;

public sealed class GetInventoryOverviewHandler(CmdbDbContext db) : IQueryHandler<GetInventoryOverview, InventoryOverview>
{
    public async ValueTask<InventoryOverview> Handle(GetInventoryOverview query, CancellationToken cancellationToken)
    {
        var types = await db.InventoryResources.AsNoTracking().GroupBy(r => r.Type).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(cancellationToken);
        var byType = InventoryTypes.All.Select(t => new TypeCount(t.Key, t.NameZh, t.NameEn, t.Unit, types.FirstOrDefault(c => c.Key == t.Key)?.Count ?? 0)).ToList();
        var byCloud = await CountsAsync(r => r.Cloud, 100, cancellationToken);
        var byStatus = await CountsAsync(r => r.Status, 100, cancellationToken);
        var byAccount = await CountsAsync(r => r.Account, 100, cancellationToken);
        return new InventoryOverview(byType.Sum(t => t.Count), byType, byCloud, byStatus, byAccount, await CapacityAsync(cancellationToken));
    }

    private async Task<List<GroupCount>> CountsAsync(System.Linq.Expressions.Expression<Func<InventoryResource, string?>> key, int top, CancellationToken cancellationToken)
    {
        var rows = await db.InventoryResources.AsNoTracking().GroupBy(key).Select(g => new { g.Key, Count = g.LongCount() })
            .OrderByDescending(g => g.Count).Take(top).ToListAsync(cancellationToken);
        return rows.Select(r => new GroupCount(r.Key, r.Count)).ToList();
    }

    /// <summary>Sums of the capacity fields (cores, GB) of VMs, hosts, servers and disks; read as JSON, summed here.</summary>
    private async Task<IReadOnlyList<CapacityTotal>> CapacityAsync(CancellationToken cancellationToken)
    {
        (string Type, string Field, string Name, string Unit)[] sums =
        [
            ("vm", "cpu", "虚拟机CPU", "核"), ("vm", "memory", "虚拟机内存", "GB"), ("host", "cpu", "宿主机CPU", "核"), ("host", "memory", "宿主机内存", "GB"),
            ("server", "cpu", "物理服务器CPU", "核"), ("server", "memory", "物理服务器内存", "GB"), ("disk", "size", "云硬盘容量", "GB"),
        ];
        var totals = sums.ToDictionary(s => (s.Type, s.Field), _ => 0m);
        foreach (var typeKey in sums.Select(s => s.Type).Distinct())
        {
            await foreach (var json in db.InventoryResources.AsNoTracking().Where(r => r.Type == typeKey).Select(r => r.AttributesJson)
                               .AsAsyncEnumerable().WithCancellation(cancellationToken))
            {
                using var document = JsonDocument.Parse(json);
                foreach (var (type, field, _, _) in sums.Where(s => s.Type == typeKey))
                    if (document.RootElement.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number)
                        totals[(type, field)] += value.GetDecimal();
            }
        }
        return sums.Select(s => new CapacityTotal(s.Name, s.Unit, totals[(s.Type, s.Field)])).ToList();
    }
}
