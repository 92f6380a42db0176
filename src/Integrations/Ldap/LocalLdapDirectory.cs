using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Integrations.Ldap;

/// <summary>
/// The embedded default's stand-in for the directory: node entries in the <c>local_ldap_entries</c>
/// table, with the same idempotence and the same error for a missing entry as the real one.
/// </summary>
internal sealed class LocalLdapDirectory(IDbContextFactory<CmdbDbContext> contexts) : ILdapDirectory
{
    public async Task<GroupChange> ChangeGroupAsync(string dn, string newGroup, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dn);
        ArgumentException.ThrowIfNullOrWhiteSpace(newGroup);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await db.LocalLdapEntries.FindAsync([dn], cancellationToken) ?? throw LdapFailures.NoSuchEntry(dn);
        if (entry.Group == newGroup)
            return new GroupChange(dn, newGroup, newGroup, Changed: false);

        var previous = entry.Group;
        entry.Group = newGroup;
        entry.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
        return new GroupChange(dn, previous, newGroup, Changed: true);
    }

    public async Task<string?> GetGroupAsync(string dn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dn);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await db.LocalLdapEntries.AsNoTracking().SingleOrDefaultAsync(e => e.Dn == dn, cancellationToken);
        return entry is null ? throw LdapFailures.NoSuchEntry(dn) : entry.Group;
    }
}
