namespace Cmdb.Domain.LocalSystems;

/// <summary>
/// A node entry as the embedded default's stand-in for the LDAP directory keeps it (the real
/// directory is used when <c>Integrations:Ldap:Url</c> is set).
/// </summary>
public sealed class LocalLdapEntry
{
    public required string Dn { get; set; }

    /// <summary>The value of the group attribute (the Puppet group of the node).</summary>
    public string? Group { get; set; }

    public DateTime UpdatedAt { get; set; }
}
