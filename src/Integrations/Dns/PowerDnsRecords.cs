using Cmdb.Domain.Common;
using Cmdb.Integrations.Common;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cmdb.Integrations.Dns;

/// <summary>
/// A records on a PowerDNS authoritative server: REPLACE and DELETE of the name's A RRset in the
/// longest configured zone the name ends in. Both are idempotent.
/// </summary>
internal sealed class PowerDnsRecords(IPowerDnsApi api, IOptions<DnsOptions> options, ILogger<PowerDnsRecords> logger) : IDnsRecords
{
    private const string SystemName = "PowerDNS";

    public async Task SetARecordAsync(string name, IReadOnlyList<string> addresses, int ttl, CancellationToken cancellationToken)
    {
        var (fqdn, zone) = Locate(name);
        var rrset = new PowerDnsRrset(fqdn, "A", "REPLACE", ttl, addresses.Select(a => new PowerDnsRecord(a)).ToList());
        await PatchAsync(zone, rrset, $"set {fqdn} A {string.Join(',', addresses)}", cancellationToken);
        logger.LogInformation("PowerDNS: {Name} A {Addresses} in {Zone}", fqdn, string.Join(',', addresses), zone);
    }

    public async Task DeleteARecordAsync(string name, CancellationToken cancellationToken)
    {
        var (fqdn, zone) = Locate(name);
        await PatchAsync(zone, new PowerDnsRrset(fqdn, "A", "DELETE", null, null), $"delete {fqdn} A", cancellationToken);
    }

    private async Task PatchAsync(string zone, PowerDnsRrset rrset, string what, CancellationToken cancellationToken)
    {
        using var response = await ExternalCalls.SendAsync(
            () => api.PatchZoneAsync(options.Value.PowerDns.ServerId, zone, new PowerDnsRrsetPatch([rrset]), cancellationToken),
            SystemName, what, cancellationToken);
        ExternalCalls.ThrowUnlessSuccess(response, SystemName, what);
    }

    /// <summary>The canonical name (trailing dot) and the zone it belongs to.</summary>
    private (string Fqdn, string Zone) Locate(string name)
    {
        var plain = DnsNames.Normalize(name);
        var zones = options.Value.PowerDns.Zones.Select(DnsNames.Normalize).ToList();
        var zone = zones.Where(z => plain == z || plain.EndsWith("." + z, StringComparison.Ordinal)).MaxBy(z => z.Length)
            ?? throw new ExternalSystemException(SystemName, $"{plain} is in none of the zones this service manages ({string.Join(", ", zones)})");
        return (plain + ".", zone + ".");
    }
}
