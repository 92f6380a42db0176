using System.Text.Json.Serialization;
using Refit;

namespace Cmdb.Integrations.Rancher;

/// <summary>Rancher's v3 API, the part Cmdb reads. The token travels as a Bearer header, added by the client.</summary>
public interface IRancherApi
{
    [Get("/v3/clusters/{id}")]
    Task<IApiResponse<RancherClusterResource>> GetClusterAsync(string id, CancellationToken cancellationToken);
}

/// <summary>A cluster resource as Rancher v3 returns it (the fields Cmdb uses; the rest is ignored).</summary>
public sealed class RancherClusterResource
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("state")]
    public string State { get; set; } = "";

    [JsonPropertyName("apiEndpoint")]
    public string? ApiEndpoint { get; set; }
}
