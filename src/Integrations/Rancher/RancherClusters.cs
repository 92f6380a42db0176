using System.Net;
using Cmdb.Integrations.Common;

namespace Cmdb.Integrations.Rancher;

/// <summary>Clusters read from Rancher's v3 API; a cluster Rancher does not know is null, any failure an <see cref="Cmdb.Domain.Common.ExternalSystemException"/>.</summary>
internal sealed class RancherClusters(IRancherApi api) : IRancherClusters
{
    private const string SystemName = "Rancher";

    public async Task<RancherCluster?> GetClusterAsync(string clusterId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        var what = $"read cluster {clusterId}";
        using var response = await ExternalCalls.SendAsync(() => api.GetClusterAsync(clusterId, cancellationToken), SystemName, what, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
            return null;
        ExternalCalls.ThrowUnlessSuccess(response, SystemName, what);
        var cluster = response.Content ?? throw new Cmdb.Domain.Common.ExternalSystemException(SystemName, $"could not {what}: an empty answer");
        return new RancherCluster(cluster.Id, cluster.Name, cluster.State, cluster.ApiEndpoint);
    }
}
