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

        var keys = rowsByEntry.Values.SelectMany(r => r).Select(r => r.Key)
            .Concat(entries.Where(e => e.IsSingle).Select(e => e.Start)).Distinct().ToList();
        var subnets = await IpSubnets.InnermostAsync(db, keys, cancellationToken);

        var holderIds = rowsByEntry.Values.SelectMany(r => r).Select(r => r.ResourceId).ToHashSet();
        var withPods = rowsByEntry.Values.SelectMany(r => r).Where(r => WithPods.Contains(r.ResourceType)).Select(r => r.ResourceId).ToHashSet();
        var subnetIds = subnets.Values.Select(s => s.ResourceId).ToHashSet();
        var related = await RelatedAsync(withPods, subnetIds, cancellationToken);
        var resources = await ResourcesAsync(holderIds.Concat(subnetIds).Concat(related.SelectMany(r => r.Value)), cancellationToken);

        SubnetRef? SubnetOf(string key)
        {
            if (!subnets.TryGetValue(key, out var range) || !resources.TryGetValue(range.ResourceId, out var subnet))
                return null;
            var vpc = Related(range.ResourceId).FirstOrDefault(r => r.Type == "vpc");
            return new SubnetRef(subnet.Id, subnet.Name, range.Cidr, vpc);
        }
        IEnumerable<ResourceRef> Related(long id) =>
            related.TryGetValue(id, out var ids) ? ids.Select(resources.GetValueOrDefault).OfType<ResourceRef>() : [];

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
            foreach (var row in rows.Take(MaxHoldersPerEntry))
            {
                if (!resources.TryGetValue(row.ResourceId, out var resource))
                    continue;
                var around = WithPods.Contains(row.ResourceType) ? Related(row.ResourceId).ToList() : [];
                holders.Add(new IpHolder(row.Address, row.Role, resource, SubnetOf(row.Key),
                    around.Where(r => r.Type == "pod").ToList(), around.Where(r => r.Type == "k8s-cluster").ToList()));
            }
            results.Add(new IpSearchResult(entry.Query.Entry, true, null, holders, entry.IsSingle ? SubnetOf(entry.Start) : null,
                rows.Count > MaxHoldersPerEntry));
        }
        return results;
    }

    /// <summary>Index rows per valid entry, in key order, at most one more than shown (to say "truncated").</summary>
    private async Task<Dictionary<Entry, List<IpIndexEntry>>> IndexRowsAsync(List<Entry> entries, CancellationToken cancellationToken)
    {
        var valid = entries.Where(e => e.Query.IsValid).ToList();
        var singleKeys = valid.Where(e => e.IsSingle).Select(e => e.Start).Distinct().ToList();
        var byKey = singleKeys.Count == 0 ? Array.Empty<IpIndexEntry>().ToLookup(i => i.Key) : (await db.IpIndex.AsNoTracking().Where(i => singleKeys.Contains(i.Key))
            .OrderBy(i => i.Key).ThenBy(i => i.Id).ToListAsync(cancellationToken)).ToLookup(i => i.Key);

        var rows = new Dictionary<Entry, List<IpIndexEntry>>(ReferenceEqualityComparer.Instance);
        foreach (var entry in valid)
        {
            rows[entry] = entry.IsSingle
                ? byKey[entry.Start].Take(MaxHoldersPerEntry + 1).ToList()
                : await db.IpIndex.AsNoTracking()
                    .Where(i => string.Compare(i.Key, entry.Start) >= 0 && string.Compare(i.Key, entry.End) <= 0)
                    .OrderBy(i => i.Key).Take(MaxHoldersPerEntry + 1).ToListAsync(cancellationToken);
        }
        return rows;
    }

    /// <summary>
    /// For VMs, servers and hosts their pods and k8s clusters, for subnets their VPC. Every
    /// relation kind of the catalogue that leads to those points away from the holder or subnet,
    /// so one look-up by source on the primary key finds them; the other direction would read
    /// the hundreds of VMs a subnet holds.
    /// </summary>
    private async Task<Dictionary<long, List<long>>> RelatedAsync(HashSet<long> withPods, HashSet<long> subnets, CancellationToken cancellationToken)
    {
        var sources = withPods.Concat(subnets).ToList();
        if (sources.Count == 0)
            return [];
        var pairs = await db.ResourceRelations.AsNoTracking()
            .Where(r => sources.Contains(r.SourceId) && ShownKinds.Contains(r.Kind))
            .Select(r => new { r.SourceId, r.TargetId }).ToListAsync(cancellationToken);
        return pairs.GroupBy(p => p.SourceId).ToDictionary(g => g.Key, g => g.Select(p => p.TargetId).Distinct().ToList());
    }

    private static readonly string[] ShownKinds = InventoryTypes.RelationKinds
        .Where(k => (WithPods.Contains(k.Source) && PodsAndClusters.Contains(k.Target)) || (k.Source == "subnet" && k.Target == "vpc"))
        .Select(k => k.Kind).ToArray();

    private async Task<Dictionary<long, ResourceRef>> ResourcesAsync(IEnumerable<long> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
            return [];
        return await db.InventoryResources.AsNoTracking().Where(r => wanted.Contains(r.Id))
            .Select(r => new ResourceRef(r.Id, r.Type, r.Name, r.Cloud, r.Status)).ToDictionaryAsync(r => r.Id, cancellationToken);
    }

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
