using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Integrations.Rancher;

/// <summary>The embedded default's Rancher: the <c>local_rancher_clusters</c> table.</summary>
internal sealed class LocalRancherClusters(IDbContextFactory<CmdbDbContext> contexts) : IRancherClusters
{
    public async Task<RancherCluster?> GetClusterAsync(string clusterId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.LocalRancherClusters.AsNoTracking().FirstOrDefaultAsync(c => c.Id == clusterId, cancellationToken);
        return row is null ? null : new RancherCluster(row.Id, row.Name, row.State, row.ApiEndpoint);
    }
}
