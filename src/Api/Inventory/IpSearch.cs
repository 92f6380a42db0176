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

    public async ValueTask<IReadOnlyList<IpSearchResult>> Handle(SearchIps query, CancellationToken cancellationToken)
    {
        var results = new List<IpSearchResult>();
        foreach (var entry in query.Ips.SelectMany(IpQuery.ParseAll))
        {
            if (!entry.IsValid)
            {
                results.Add(new IpSearchResult(entry.Entry, false, entry.Problem, [], null, false));
                continue;
            }
            var start = IpKey.Hex(entry.Start!);
            var end = IpKey.Hex(entry.End!);
            var rows = await db.IpIndex.AsNoTracking()
                .Where(i => string.Compare(i.Key, start) >= 0 && string.Compare(i.Key, end) <= 0)
                .OrderBy(i => i.Key).Take(MaxHoldersPerEntry + 1).ToListAsync(cancellationToken);
            var truncated = rows.Count > MaxHoldersPerEntry;
            var holders = new List<IpHolder>();
            foreach (var row in rows.Take(MaxHoldersPerEntry))
            {
                var resource = await ResourceAsync(row.ResourceId, cancellationToken);
                if (resource is null)
                    continue;
                var related = WithPods.Contains(row.ResourceType) ? await RelatedAsync(row.ResourceId, cancellationToken) : [];
                holders.Add(new IpHolder(row.Address, row.Role, resource, await SubnetAsync(row.Key, cancellationToken),
                    related.Where(r => r.Type == "pod").ToList(), related.Where(r => r.Type == "k8s-cluster").ToList()));
            }
            var subnet = start == end ? await SubnetAsync(start, cancellationToken) : null;
            results.Add(new IpSearchResult(entry.Entry, true, null, holders, subnet, truncated));
        }
        return results;
    }

    private async Task<ResourceRef?> ResourceAsync(long id, CancellationToken cancellationToken) =>
        await db.InventoryResources.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new ResourceRef(r.Id, r.Type, r.Name, r.Cloud, r.Status)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The innermost subnet whose range holds the key, with its VPC.</summary>
    private async Task<SubnetRef?> SubnetAsync(string key, CancellationToken cancellationToken)
    {
        var range = await db.SubnetRanges.AsNoTracking()
            .Where(s => string.Compare(s.StartKey, key) <= 0 && string.Compare(s.EndKey, key) >= 0)
            .OrderByDescending(s => s.StartKey).FirstOrDefaultAsync(cancellationToken);
        if (range is null || await ResourceAsync(range.ResourceId, cancellationToken) is not { } subnet)
            return null;
        var vpc = (await RelatedAsync(range.ResourceId, cancellationToken)).FirstOrDefault(r => r.Type == "vpc");
        return new SubnetRef(subnet.Id, subnet.Name, range.Cidr, vpc);
    }

    /// <summary>Resources related to this one, in either direction.</summary>
    private async Task<List<ResourceRef>> RelatedAsync(long id, CancellationToken cancellationToken)
    {
        var ids = await db.ResourceRelations.AsNoTracking().Where(r => r.SourceId == id).Select(r => r.TargetId)
            .Concat(db.ResourceRelations.AsNoTracking().Where(r => r.TargetId == id).Select(r => r.SourceId))
            .ToListAsync(cancellationToken);
        return await db.InventoryResources.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new ResourceRef(r.Id, r.Type, r.Name, r.Cloud, r.Status)).ToListAsync(cancellationToken);
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
