namespace Cmdb.Domain.Servers;

/// <summary>A server in a store (门店服务器), managed by Puppet, with its node entry in LDAP.</summary>
public sealed class StoreServer
{
    public long Id { get; set; }
    public required string StoreId { get; set; }
    public required string StoreName { get; set; }
    public required string Hostname { get; set; }
    public required string Ip { get; set; }
    public required string Role { get; set; }
    public required string Env { get; set; }

    /// <summary>The Puppet group, kept in the node's LDAP entry.</summary>
    public string? Group { get; set; }
    public string? Dn { get; set; }

    /// <summary>active, inactive or unknown, as Puppet last reported.</summary>
    public required string PuppetStatus { get; set; }
    public DateTime UpdatedAt { get; set; }
}
