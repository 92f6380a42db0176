using Cmdb.Domain.Inventory;
using Cmdb.Domain.Persistence;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Inventory;

/// <summary>IP信息检索: several IPs, CIDRs or ranges; every holder of each, its subnet and VPC, and for VMs and servers their pods and clusters.</summary>
public sealed record SearchIps(IReadOnlyList<string> Ips) : IQuery<IReadOnlyList<IpSearchResult>>;

public sealed record ResourceRef(long Id, string Type, string Name, string Cloud, string? Status);

public sealed record SubnetRef(long Id, string Name, string Cidr, ResourceRef? Vpc);

public sealed record IpHolder(string Address, string Role, ResourceRef Resource, SubnetRef? Subnet, IReadOnlyList<ResourceRef> Pods, IReadOnlyList<ResourceRef> Clusters);

/// <param name="Subnet">For a single address: the subnet that contains it, held or not.</param>
public sealed record IpSearchResult(string Entry, bool Valid, string? Problem, IReadOnlyList<IpHolder> Holders, SubnetRef? Subnet, bool Truncated);

public sealed class SearchIpsHandler(CmdbDbContext db) : IQueryHandler<SearchIps, IReadOnlyList<IpSearchResult>>
{
    public const int MaxHoldersPerEntry = 200;
    private static readonly string[] WithPods = ["vm", "server", "host"];
    private static readonly string[] PodsAndClusters = ["pod", "k8s-cluster"];

    /// <summary>
    /// A fixed number of round trips whatever the number of IPs: every single address in one
    /// query, each CIDR or range in its own (capped) query, then the subnets, resources and
    /// relations of all of them in one query each.
    /// </summary>
    public async ValueTask<IReadOnlyList<IpSearchResult>> Handle(SearchIps query, CancellationToken cancellationToken)
    {
        var entries = query.Ips.SelectMany(IpQuery.ParseAll)
            .Select(e => e.IsValid ? new Entry(e, IpKey.Hex(e.Start!), IpKey.Hex(e.End!)) : new Entry(e, "", "")).ToList();
        var rowsByEntry = await IndexRowsAsync(entries, cancellationToken);

        var keys = rowsByEntry.Values.SelectMany(r => r).Select(r => r.Entry.Key)
            .Concat(entries.Where(e => e.IsSingle).Select(e => e.Start)).Distinct().ToList();
        var subnets = await IpSubnets.InnermostAsync(db, keys, cancellationToken);

        var withPods = rowsByEntry.Values.SelectMany(r => r).Where(r => WithPods.Contains(r.Entry.ResourceType)).Select(r => r.Entry.ResourceId).ToHashSet();
        var subnetIds = subnets.Values.Select(s => s.Subnet.Id).ToHashSet();
        var related = await RelatedAsync(withPods, subnetIds, cancellationToken);

        SubnetRef? SubnetOf(string key)
        {
            if (!subnets.TryGetValue(key, out var found))
                return null;
            var vpc = Related(found.Subnet.Id).FirstOrDefault(r => r.Type == "vpc");
            return new SubnetRef(found.Subnet.Id, found.Subnet.Name, found.Cidr, vpc);
        }
        IReadOnlyList<ResourceRef> Related(long id) => related.TryGetValue(id, out var refs) ? refs : [];

        var results = new List<IpSearchResult>(entries.Count);
        foreach (var entry in entries)
        {
            if (!entry.Query.IsValid)
            {
                results.Add(new IpSearchResult(entry.Query.Entry, false, entry.Query.Problem, [], null, false));
                continue;
            }
            var rows = rowsByEntry[entry];
            var holders = new List<IpHolder>();
            foreach (var (row, resource) in rows.Take(MaxHoldersPerEntry))
            {
                var around = WithPods.Contains(row.ResourceType) ? Related(row.ResourceId) : [];
                holders.Add(new IpHolder(row.Address, row.Role, resource, SubnetOf(row.Key),
                    around.Where(r => r.Type == "pod").ToList(), around.Where(r => r.Type == "k8s-cluster").ToList()));
            }
            results.Add(new IpSearchResult(entry.Query.Entry, true, null, holders, entry.IsSingle ? SubnetOf(entry.Start) : null,
                rows.Count > MaxHoldersPerEntry));
        }
        return results;
    }

    /// <summary>Index rows per valid entry with their holders, in key order, at most one more than shown (to say "truncated").</summary>
    private async Task<Dictionary<Entry, List<HeldRow>>> IndexRowsAsync(List<Entry> entries, CancellationToken cancellationToken)
    {
        var valid = entries.Where(e => e.Query.IsValid).ToList();
        var singleKeys = valid.Where(e => e.IsSingle).Select(e => e.Start).Distinct().ToList();
        var byKey = singleKeys.Count == 0 ? Array.Empty<HeldRow>().ToLookup(h => h.Entry.Key)
            : Ordered(await Held(db.IpIndex.Where(i => singleKeys.Contains(i.Key))).ToListAsync(cancellationToken)).ToLookup(h => h.Entry.Key);

        var rows = new Dictionary<Entry, List<HeldRow>>(ReferenceEqualityComparer.Instance);
        foreach (var entry in valid)
        {
            rows[entry] = entry.IsSingle
                ? byKey[entry.Start].Take(MaxHoldersPerEntry + 1).ToList()
                : Ordered(await Held(db.IpIndex.Where(i => string.Compare(i.Key, entry.Start) >= 0 && string.Compare(i.Key, entry.End) <= 0)
                    .OrderBy(i => i.Key).ThenBy(i => i.Id).Take(MaxHoldersPerEntry + 1)).ToListAsync(cancellationToken)).ToList();
        }
        return rows;
    }

    /// <summary>Index rows joined with their resources (rows of a resource removed meanwhile drop out).</summary>
    private IQueryable<HeldRow> Held(IQueryable<IpIndexEntry> index) =>
        from i in index.AsNoTracking()
        join r in db.InventoryResources on i.ResourceId equals r.Id
        select new HeldRow(i, new ResourceRef(r.Id, r.Type, r.Name, r.Cloud, r.Status));

    private static IEnumerable<HeldRow> Ordered(IEnumerable<HeldRow> rows) => rows.OrderBy(h => h.Entry.Key, StringComparer.Ordinal).ThenBy(h => h.Entry.Id);

    /// <summary>
    /// For VMs, servers and hosts their pods and k8s clusters, for subnets their VPC. Every
    /// relation kind of the catalogue that leads to those points away from the holder or subnet,
    /// so one look-up by source on the primary key finds them; the other direction would read
    /// the hundreds of VMs a subnet holds.
    /// </summary>
    private async Task<Dictionary<long, List<ResourceRef>>> RelatedAsync(HashSet<long> withPods, HashSet<long> subnets, CancellationToken cancellationToken)
    {
        var sources = withPods.Concat(subnets).ToList();
        if (sources.Count == 0)
            return [];
        var pairs = await (from r in db.ResourceRelations.AsNoTracking().Where(r => sources.Contains(r.SourceId) && ShownKinds.Contains(r.Kind))
                           join t in db.InventoryResources on r.TargetId equals t.Id
                           select new { r.SourceId, Target = new ResourceRef(t.Id, t.Type, t.Name, t.Cloud, t.Status) })
            .ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.SourceId).ToDictionary(g => g.Key, g => g.Select(p => p.Target).DistinctBy(t => t.Id).ToList());
    }

    private static readonly string[] ShownKinds = InventoryTypes.RelationKinds
        .Where(k => (WithPods.Contains(k.Source) && PodsAndClusters.Contains(k.Target)) || (k.Source == "subnet" && k.Target == "vpc"))
        .Select(k => k.Kind).ToArray();

    private sealed record HeldRow(IpIndexEntry Entry, ResourceRef Resource);

    private sealed record Entry(IpQuery Query, string Start, string End)
    {
        public bool IsSingle => Query.IsValid && Start == End;
    }
}

public sealed class SearchIpsValidator : AbstractValidator<SearchIps>
{
    public SearchIpsValidator()
    {
        RuleFor(q => q.Ips).NotEmpty().WithMessage("Give one or more IPs, CIDRs or ranges.")
            .Must(ips => ips.Sum(i => i.Length) <= 10_000).WithMessage("At most 10,000 characters of IPs at once.");
        RuleFor(q => q.Ips).Must(ips => ips.SelectMany(IpQuery.ParseAll).Count() <= 200).WithMessage("At most 200 entries at once.")
            .When(q => q.Ips is { Count: > 0 });
    }
}
