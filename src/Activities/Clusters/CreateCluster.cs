using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Clusters;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Tickets.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cmdb.Activities.Clusters;

/// <summary>Creates the cluster row of a 创建集群 ticket. Run twice, it finds the row it created and does nothing more.</summary>
public sealed class CreateCluster(IDbContextFactory<CmdbDbContext> contexts, IOptions<ClusterOptions> options) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "clusters.create",
        "Create the cluster from a cluster-create form (完成: the cluster row is created).",
        [new ActivityInput("cluster", "object", true, "The cluster-create form, usually 'form'.")],
        [new ActivityOutput("clusterId", "number", "The new cluster's id."), new ActivityOutput("name", "string", "Its name.")],
        [ActivityDescriptor.Done]);

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var form = FormInput.Read<ClusterCreateForm>(context, "cluster");
        var name = form.ClusterName.Trim().ToLowerInvariant();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.Clusters.FirstOrDefaultAsync(c => c.Name == name, cancellationToken);
        if (existing is not null)
        {
            if (existing.CreatedByTicket != context.Ticket.Id)
                throw new InvalidOperationException($"A cluster named {name} exists already (id {existing.Id}), created outside this ticket.");
            return Done(existing);
        }

        var now = DateTime.UtcNow;
        var cluster = new Cluster
        {
            Name = name, Env = form.Env, Location = form.Location, Size = form.Size, Capacity = options.Value.CapacityOf(form.Size),
            Domain = form.Domain.Trim().ToLowerInvariant(), IngressIp = IpList.Normalize(form.IngressIp)!, K8sIp = IpList.Normalize(form.K8sIp),
            ObIp = IpList.Normalize(form.ObIp), ObVip = form.ObVip?.Trim(), ObUser = form.ObUser?.Trim(),
            RancherClusterId = form.RancherClusterId?.Trim(), K8sId = form.K8sId?.Trim(), LbId = form.LbId?.Trim(),
            TagsJson = JsonSerializer.Serialize(form.Tags.Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)),
            CreatedByTicket = context.Ticket.Id, CreatedAt = now, UpdatedAt = now,
        };
        db.Clusters.Add(cluster);
        await db.SaveChangesAsync(cancellationToken);
        return Done(cluster);
    }

    private static ActivityResult Done(Cluster cluster) =>
        ActivityResult.Done(new JsonObject { ["clusterId"] = cluster.Id, ["name"] = cluster.Name });
}
