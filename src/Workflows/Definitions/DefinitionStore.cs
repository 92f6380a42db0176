using System.Security.Cryptography;
using System.Text;
using Cmdb.Domain.Common;
using Cmdb.Domain.Flows;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Definitions;

/// <summary>
/// Flow definitions in the database: a draft per flow and its published versions. Publishing
/// makes version = latest + 1 and never changes a published version; a version with running
/// instances cannot be removed.
/// </summary>
public sealed partial class DefinitionStore(IDbContextFactory<CmdbDbContext> contexts, DefinitionValidator validator, FlowRegistry registry)
{
    public async Task<FlowDefinitionDocument> GetVersionAsync(string flowId, int version, CancellationToken cancellationToken)
    {
        var json = await VersionJsonAsync(flowId, version, cancellationToken);
        return FlowDefinitionJson.Parse(json, out var problem) ?? throw new InvalidOperationException(problem?.Message);
    }

    public async Task<string> VersionJsonAsync(string flowId, int version, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.FlowVersions.AsNoTracking().Where(v => v.FlowId == flowId && v.Version == version).Select(v => v.Json)
            .FirstOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"Flow {flowId} version", version);
    }

    /// <summary>The latest published version of a flow, registered with the engine.</summary>
    public async Task<(FlowDefinitionDocument Document, WorkflowDefinition Definition)> LatestAsync(string flowId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = await db.Flows.AsNoTracking().Where(f => f.Id == flowId).Select(f => (int?)f.LatestVersion).FirstOrDefaultAsync(cancellationToken);
        if (latest is not > 0)
            throw new NotFoundException("Flow", flowId);
        var document = await GetVersionAsync(flowId, latest.Value, cancellationToken);
        return (document, registry.Register(document));
    }

    /// <summary>Versions of a flow that still have running or suspended instances.</summary>
    public async Task<int> RunningInstancesAsync(string flowId, int version, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Workflows.CountAsync(w => w.DefinitionId == flowId && w.Version == version
            && (w.Status == (int)WorkflowStatus.Runnable || w.Status == (int)WorkflowStatus.Suspended), cancellationToken);
    }

    internal static string Checksum(string json) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json))).ToLowerInvariant();
}
