using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Clusters;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Tickets.Forms;
using Cmdb.Integrations.Rancher;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cmdb.Activities.Clusters;

/// <summary>
/// Applies a CASE_A集群修改 form to its cluster (执行变更). Setting values and adding or removing
/// tags are idempotent. A new K8s ID on a cloud cluster: the k8s IP is read from Rancher again.
/// </summary>
public sealed class ChangeCluster(IDbContextFactory<CmdbDbContext> contexts, IRancherClusters rancher, IOptions<ClusterOptions> options) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "clusters.change",
        "Apply attribute and tag changes to a cluster (执行变更).",
        [new ActivityInput("change", "object", true, "The cluster-change form, usually 'form'.")],
        [new ActivityOutput("clusterId", "number", "The cluster."), new ActivityOutput("changed", "list", "The fields that changed.")],
        [ActivityDescriptor.Done]);

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var form = FormInput.Read<ClusterChangeForm>(context, "change");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var cluster = await db.Clusters.FirstOrDefaultAsync(c => c.Id == form.ClusterId, cancellationToken)
            ?? throw new InvalidOperationException($"Cluster {form.ClusterId} does not exist any more.");
        var changed = new List<string>();

        void Set(string field, string? value, Func<string?> get, Action<string?> set)
        {
            if (value is null || value == get())
                return;
            set(value);
            changed.Add(field);
        }

        if (form.Env is not null && ClusterRules.EnvChangeProblem(cluster.Env, form.Env) is { } envProblem)
            throw new ActivityInputException("change.env", envProblem);
        var env = form.Env ?? cluster.Env;
        var size = form.Size ?? cluster.Size;
        if (!ClusterRules.SizesFor(env, cluster.Size).Contains(size))
            throw new ActivityInputException("change.size", $"must be one of {string.Join(", ", ClusterRules.SizesFor(env, cluster.Size))} in {env}");

        Set("env", form.Env, () => cluster.Env, v => cluster.Env = v!);
        if (form.Size is not null && form.Size != cluster.Size)
        {
            cluster.Size = form.Size;
            cluster.Capacity = options.Value.CapacityOf(form.Size);
            changed.Add("size");
        }
        Set("domain", form.Domain?.Trim().ToLowerInvariant(), () => cluster.Domain, v => cluster.Domain = v!);
        Set("ingressIp", IpList.Normalize(form.IngressIp), () => cluster.IngressIp, v => cluster.IngressIp = v!);
        Set("obIp", IpList.Normalize(form.ObIp), () => cluster.ObIp, v => cluster.ObIp = v);
        Set("obVip", form.ObVip?.Trim(), () => cluster.ObVip, v => cluster.ObVip = v);
        Set("obUser", form.ObUser?.Trim(), () => cluster.ObUser, v => cluster.ObUser = v);
        Set("rancherClusterId", form.RancherClusterId?.Trim(), () => cluster.RancherClusterId, v => cluster.RancherClusterId = v);
        Set("lbId", form.LbId?.Trim(), () => cluster.LbId, v => cluster.LbId = v);
        var newK8sId = form.K8sId?.Trim();
        if (ClusterRules.IsCloud(cluster.Location) && newK8sId is not null && newK8sId != cluster.K8sId)
        {
            var found = await rancher.GetClusterAsync(newK8sId, cancellationToken)
                ?? throw new ActivityInputException("change.k8sId", $"names no cluster Rancher knows ('{newK8sId}')");
            Set("k8sIp", found.K8sIp ?? throw new ActivityInputException("change.k8sId", $"Rancher cluster {newK8sId} has no IPv4 API endpoint"),
                () => cluster.K8sIp, v => cluster.K8sIp = v);
        }
        Set("k8sId", newK8sId, () => cluster.K8sId, v => cluster.K8sId = v);
        if (!ClusterRules.IsCloud(cluster.Location))
            Set("k8sIp", IpList.Normalize(form.K8sIp), () => cluster.K8sIp, v => cluster.K8sIp = v);

        var tags = JsonSerializer.Deserialize<List<string>>(cluster.TagsJson) ?? [];
        var newTags = tags.Where(t => !form.RemoveTags.Contains(t, StringComparer.OrdinalIgnoreCase))
            .Concat(form.AddTags.Select(t => t.Trim())).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        if (!newTags.SequenceEqual(tags))
        {
            cluster.TagsJson = JsonSerializer.Serialize(newTags);
            changed.Add("tags");
        }
        if (changed.Count > 0)
        {
            cluster.UpdatedAt = DateTime.UtcNow;
            await db.SaveChangesAsync(cancellationToken);
        }
        return ActivityResult.Done(new JsonObject { ["clusterId"] = cluster.Id, ["changed"] = new JsonArray(changed.Select(c => (JsonNode)c).ToArray()) });
    }
}
