using System.Text.Json;
using Cmdb.Domain.Clusters;
using Cmdb.Domain.Common;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Tickets;
using Cmdb.Domain.Tickets.Forms;
using Cmdb.Integrations.Rancher;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tickets.Rules;

/// <summary>CASE_A集群修改: the cluster exists, prod stays prod, sizes per env, tags that can be removed, a new K8s ID Rancher knows.</summary>
public sealed class ClusterChangeRules(IRancherClusters rancher) : IFormRules
{
    public string Form => ClusterChangeForm.Name;

    public async Task<object> PrepareAsync(CmdbDbContext db, object form, Ticket? ticket, CancellationToken cancellationToken)
    {
        var change = (ClusterChangeForm)form;
        var cluster = await db.Clusters.AsNoTracking().FirstOrDefaultAsync(c => c.Id == change.ClusterId, cancellationToken)
            ?? throw new NotFoundException("Cluster", change.ClusterId);

        if (change.Env is not null && ClusterRules.EnvChangeProblem(cluster.Env, change.Env) is { } envProblem)
            throw FormProblem.Field("env", envProblem);
        var env = change.Env ?? cluster.Env;
        var sizes = ClusterRules.SizesFor(env, cluster.Size);
        var size = change.Size ?? cluster.Size;
        if (!sizes.Contains(size))
            throw FormProblem.Field("size", $"Size must be one of {string.Join(", ", sizes)} in {env}" + (change.Size is null ? $" (the cluster is {cluster.Size}: choose a size)." : "."));

        var cloud = ClusterRules.IsCloud(cluster.Location);
        if (cloud && change.K8sIp is not null && change.K8sId is null)
            throw FormProblem.Field("k8sIp", $"A {cluster.Location} cluster's k8s IP follows its K8s ID: change the K8s ID instead.");
        if (cloud && change.K8sId is { } k8sId && k8sId.Trim() != cluster.K8sId)
            change.K8sIp = await ClusterCreateRules.K8sIpAsync(rancher, k8sId.Trim(), "k8sId", cancellationToken);

        var tags = JsonSerializer.Deserialize<List<string>>(cluster.TagsJson) ?? [];
        var notThere = change.RemoveTags.Where(t => !tags.Contains(t.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        if (notThere.Count > 0)
            throw FormProblem.Field("removeTags", $"The cluster has no tag {string.Join(", ", notThere.Select(t => $"'{t}'"))}.");
        change.IngressIp = IpList.Normalize(change.IngressIp);
        change.K8sIp = IpList.Normalize(change.K8sIp);
        change.ObIp = IpList.Normalize(change.ObIp);
        return change;
    }

    public async Task HoldAsync(CmdbDbContext db, Ticket ticket, object form, CancellationToken cancellationToken)
    {
        var change = (ClusterChangeForm)form;
        ticket.Env = change.Env ?? await db.Clusters.Where(c => c.Id == change.ClusterId).Select(c => c.Env).FirstAsync(cancellationToken);
    }
}
