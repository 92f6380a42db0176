using System.Text.Json.Serialization;
using Refit;

namespace Cmdb.Integrations.Dns;

/// <summary>The PowerDNS authoritative server's HTTP API (v1). The key travels in <c>X-API-Key</c>, added by the client's handler.</summary>
public interface IPowerDnsApi
{
    /// <summary>Replaces or deletes RRsets of a zone; PowerDNS answers 204.</summary>
    [Patch("/api/v1/servers/{server}/zones/{zone}")]
    Task<IApiResponse> PatchZoneAsync(string server, string zone, [Body] PowerDnsRrsetPatch patch, CancellationToken cancellationToken);
}

public sealed record PowerDnsRrsetPatch([property: JsonPropertyName("rrsets")] IReadOnlyList<PowerDnsRrset> Rrsets);

public sealed record PowerDnsRrset(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("changetype")] string ChangeType,
    [property: JsonPropertyName("ttl"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Ttl,
    [property: JsonPropertyName("records"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PowerDnsRecord>? Records);

public sealed record PowerDnsRecord([property: JsonPropertyName("content")] string Content, [property: JsonPropertyName("disabled")] bool Disabled = false);
