using System.Net;

namespace Cmdb.Integrations.Rancher;

/// <summary>Clusters as Rancher knows them (the Rancher v3 API when configured, else the local stand-in table).</summary>
public interface IRancherClusters
{
    /// <summary>The cluster with this Rancher id (the form's K8s ID), or null when Rancher has none.</summary>
    Task<RancherCluster?> GetClusterAsync(string clusterId, CancellationToken cancellationToken);
}

/// <param name="State">Rancher's state: <c>active</c>, <c>provisioning</c>, <c>unavailable</c>, …</param>
/// <param name="ApiEndpoint">The Kubernetes API endpoint, e.g. <c>https://10.20.0.5:6443</c>.</param>
public sealed record RancherCluster(string Id, string Name, string State, string? ApiEndpoint)
{
    public bool IsActive => string.Equals(State, "active", StringComparison.OrdinalIgnoreCase);

    /// <summary>The IPv4 address of the Kubernetes API endpoint, or null when it is not an IPv4 address.</summary>
    public string? K8sIp =>
        Uri.TryCreate(ApiEndpoint, UriKind.Absolute, out var uri) && IPAddress.TryParse(uri.Host, out var ip)
            && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? ip.ToString() : null;
}
