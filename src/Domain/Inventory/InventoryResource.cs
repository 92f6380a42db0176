namespace Cmdb.Domain.Inventory;

/// <summary>
/// Anything the CMDB inventory holds (VM, host, server, network device, subnet, VPC, load
/// balancer, RDS, Redis, pod, …): the common fields in columns, the type's own fields as JSON.
/// </summary>
public sealed class InventoryResource
{
    public long Id { get; set; }
    public required string Type { get; set; }

    /// <summary>The cloud's or platform's id (<c>resource_uid</c>).</summary>
    public required string ResourceUid { get; set; }

    public required string Name { get; set; }
    public required string Cloud { get; set; }
    public string? Account { get; set; }
    public string? Subscription { get; set; }
    public string? DataCenter { get; set; }
    public string? Env { get; set; }
    public string? Owner { get; set; }
    public string? System { get; set; }
    public string? Module { get; set; }
    public string? Product { get; set; }
    public string? Tags { get; set; }
    public string? Status { get; set; }

    /// <summary>The type's own fields (cpu, memory, rack, ports, …) as a JSON object.</summary>
    public string AttributesJson { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>A hash of every stored field (see <see cref="Sync.NormalizedResource.Hash"/>): a sync skips unchanged resources by it.</summary>
    public string ContentHash { get; set; } = "";

    /// <summary>The sync run that last wrote the resource (0: written by a user).</summary>
    public long DataVersion { get; set; }
}

/// <summary>One address a resource holds, keyed for range scans (see <see cref="IpKey.Hex(byte[])"/>).</summary>
public sealed class IpIndexEntry
{
    public long Id { get; set; }

    /// <summary>32 hex digits of the 16-byte key.</summary>
    public required string Key { get; set; }

    /// <summary>The address as people write it.</summary>
    public required string Address { get; set; }

    public long ResourceId { get; set; }
    public required string ResourceType { get; set; }

    /// <summary>private, eip, ipv6, vip, member, management, …</summary>
    public required string Role { get; set; }
}

/// <summary>The address range of an IP subnet resource, for "which subnet contains this address".</summary>
public sealed class SubnetRange
{
    public long ResourceId { get; set; }
    public required string StartKey { get; set; }
    public required string EndKey { get; set; }
    public required string Cidr { get; set; }
}

/// <summary>A relation between two resources (host–VM, VM–security group, subnet–VPC, VM–pod, …), per sync data version.</summary>
public sealed class ResourceRelation
{
    public long SourceId { get; set; }
    public required string SourceType { get; set; }
    public long TargetId { get; set; }
    public required string TargetType { get; set; }
    public required string Kind { get; set; }
    public long DataVersion { get; set; }
}
