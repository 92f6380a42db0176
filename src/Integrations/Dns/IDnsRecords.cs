namespace Cmdb.Integrations.Dns;

/// <summary>The authoritative DNS server's records (PowerDNS when configured, else the local stand-in table).</summary>
public interface IDnsRecords
{
    /// <summary>Creates or replaces the A record of a fully qualified name. Idempotent.</summary>
    Task SetARecordAsync(string name, IReadOnlyList<string> addresses, int ttl, CancellationToken cancellationToken);

    /// <summary>Removes the A record of a name; nothing happens when there is none.</summary>
    Task DeleteARecordAsync(string name, CancellationToken cancellationToken);
}

/// <summary>Asks the configured name server what a name resolves to, as the clients will see it.</summary>
public interface IDnsResolver
{
    /// <summary>The IPv4 addresses the name server answers for the name; empty when it has none (yet).</summary>
    Task<IReadOnlyList<string>> ResolveAsync(string name, CancellationToken cancellationToken);
}

public static class DnsNames
{
    /// <summary>Lower case, no trailing dot.</summary>
    public static string Normalize(string name) => name.Trim().TrimEnd('.').ToLowerInvariant();
}
