namespace Cmdb.Integrations.Ldap;

/// <summary>
/// The LDAP directory holding node entries, for the group change flow (Group修改流程). Either a
/// real LDAP server (System.DirectoryServices.Protocols) or the embedded default's local stand-in.
/// </summary>
public interface ILdapDirectory
{
    /// <summary>
    /// Sets the group attribute (<c>Integrations:Ldap:GroupAttribute</c>) of the entry at
    /// <paramref name="dn"/> to <paramref name="newGroup"/>. Idempotent: setting the value it
    /// already has changes nothing and reports <c>Changed = false</c>. An entry that does not
    /// exist, or a directory that refuses or cannot be reached, throws
    /// <c>Cmdb.Domain.Common.ExternalSystemException</c> with system "LDAP" and its message.
    /// </summary>
    Task<GroupChange> ChangeGroupAsync(string dn, string newGroup, CancellationToken cancellationToken);

    /// <summary>The entry's current group, or null when the entry has none; throws as above when the entry does not exist.</summary>
    Task<string?> GetGroupAsync(string dn, CancellationToken cancellationToken);
}

public sealed record GroupChange(string Dn, string? PreviousGroup, string NewGroup, bool Changed);
