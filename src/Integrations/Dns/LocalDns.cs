using Cmdb.Domain.LocalSystems;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Integrations.Dns;

/// <summary>The embedded default's DNS: the <c>local_dns_records</c> table, which resolves at once.</summary>
internal sealed class LocalDns(IDbContextFactory<CmdbDbContext> contexts) : IDnsRecords, IDnsResolver
{
    public async Task SetARecordAsync(string name, IReadOnlyList<string> addresses, int ttl, CancellationToken cancellationToken)
    {
        var key = DnsNames.Normalize(name);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var record = await db.LocalDnsRecords.FindAsync([key], cancellationToken);
        if (record is null)
            db.LocalDnsRecords.Add(record = new LocalDnsRecord { Name = key, Addresses = "" });
        record.Addresses = string.Join(',', addresses);
        record.Ttl = ttl;
        record.UpdatedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task DeleteARecordAsync(string name, CancellationToken cancellationToken)
    {
        var key = DnsNames.Normalize(name);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.LocalDnsRecords.Where(r => r.Name == key).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ResolveAsync(string name, CancellationToken cancellationToken)
    {
        var key = DnsNames.Normalize(name);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var addresses = await db.LocalDnsRecords.AsNoTracking().Where(r => r.Name == key).Select(r => r.Addresses).FirstOrDefaultAsync(cancellationToken);
        return addresses is null ? [] : addresses.Split(',', StringSplitOptions.RemoveEmptyEntries);
    }
}
