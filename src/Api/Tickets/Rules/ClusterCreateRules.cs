using Cmdb.Domain.Clusters;
using Cmdb.Domain.Common;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Tickets;
using Cmdb.Domain.Tickets.Forms;
using Cmdb.Integrations.Rancher;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tickets.Rules;

/// <summary>创建集群: the name is free; for Ali/AWS the k8s IP is read from Rancher by the K8s ID (again on every edit).</summary>
public sealed class ClusterCreateRules(IRancherClusters rancher) : IFormRules
{
    public string Form => ClusterCreateForm.Name;

    public async Task<object> PrepareAsync(CmdbDbContext db, object form, Ticket? ticket, CancellationToken cancellationToken)
    {
        var cluster = (ClusterCreateForm)form;
        cluster.ClusterName = cluster.ClusterName.Trim().ToLowerInvariant();
        var existing = await db.Clusters.AsNoTracking().Where(c => c.Name == cluster.ClusterName).Select(c => (long?)c.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
            throw new ConflictException($"A cluster named {cluster.ClusterName} exists already (cluster {id}).");

        cluster.IngressIp = IpList.Normalize(cluster.IngressIp)!;
        cluster.ObIp = IpList.Normalize(cluster.ObIp);
        if (ClusterRules.IsCloud(cluster.Location))
            cluster.K8sIp = await K8sIpAsync(rancher, cluster.K8sId!.Trim(), "k8sId", cancellationToken);
        else
            cluster.K8sIp = IpList.Normalize(cluster.K8sIp);
        return cluster;
    }

    public Task HoldAsync(CmdbDbContext db, Ticket ticket, object form, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The k8s IP of a Rancher cluster; a 400 on the field when Rancher has no such cluster or it has no IPv4 endpoint.</summary>
    internal static async Task<string> K8sIpAsync(IRancherClusters rancher, string k8sId, string field, CancellationToken cancellationToken)
    {
        var found = await rancher.GetClusterAsync(k8sId, cancellationToken)
            ?? throw FormProblem.Field(field, $"Rancher has no cluster '{k8sId}'.");
        return found.K8sIp ?? throw FormProblem.Field(field, $"Rancher cluster '{k8sId}' has no IPv4 API endpoint ({found.ApiEndpoint ?? "none"}).");
    }
}
