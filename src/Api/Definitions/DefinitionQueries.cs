using System.Text.Json.Nodes;
using Cmdb.Activities;
using Cmdb.Domain.Common;
using Cmdb.Domain.Flows;
using Cmdb.Domain.Persistence;
using Cmdb.Workflows.Definitions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Definitions;

public sealed record ListDefinitions : IQuery<IReadOnlyList<DefinitionSummary>>;

public sealed record DefinitionSummary(string Id, string NameZh, string NameEn, string Form, int LatestVersion, bool HasDraft, DateTime? DraftUpdatedAt, string? DraftUpdatedBy, DateTime UpdatedAt);

public sealed record ListVersions(string FlowId) : IQuery<IReadOnlyList<VersionSummary>>;

public sealed record VersionSummary(int Version, DateTime PublishedAt, string PublishedBy, string Source, string Checksum, int RunningInstances);

public sealed record GetVersion(string FlowId, int Version) : IQuery<JsonNode>;

public sealed record GetGraph(string FlowId, int Version) : IQuery<DefinitionGraph.Graph>;

public sealed record GetDraft(string FlowId) : IQuery<JsonNode>;

public sealed record DiffVersions(string FlowId, int From, int To) : IQuery<DefinitionDiff.Diff>;

public sealed record ListActivities : IQuery<IEnumerable<ActivityDescriptor>>;

public sealed class DefinitionQueryHandlers(CmdbDbContext db, DefinitionStore store, ActivityCatalog activities) :
    IQueryHandler<ListDefinitions, IReadOnlyList<DefinitionSummary>>,
    IQueryHandler<ListVersions, IReadOnlyList<VersionSummary>>,
    IQueryHandler<GetVersion, JsonNode>,
    IQueryHandler<GetGraph, DefinitionGraph.Graph>,
    IQueryHandler<GetDraft, JsonNode>,
    IQueryHandler<DiffVersions, DefinitionDiff.Diff>,
    IQueryHandler<ListActivities, IEnumerable<ActivityDescriptor>>
{
    public async ValueTask<IReadOnlyList<DefinitionSummary>> Handle(ListDefinitions query, CancellationToken cancellationToken) =>
        await db.Flows.AsNoTracking().OrderBy(f => f.Id)
            .Select(f => new DefinitionSummary(f.Id, f.NameZh, f.NameEn, f.Form, f.LatestVersion, f.DraftJson != null, f.DraftUpdatedAt, f.DraftUpdatedBy, f.UpdatedAt))
            .ToListAsync(cancellationToken);

    public async ValueTask<IReadOnlyList<VersionSummary>> Handle(ListVersions query, CancellationToken cancellationToken)
    {
        await RequireFlowAsync(query.FlowId, cancellationToken);
        var versions = await db.FlowVersions.AsNoTracking().Where(v => v.FlowId == query.FlowId).OrderByDescending(v => v.Version)
            .Select(v => new { v.Version, v.PublishedAt, v.PublishedBy, v.Source, v.Checksum }).ToListAsync(cancellationToken);
        var result = new List<VersionSummary>();
        foreach (var v in versions)
            result.Add(new VersionSummary(v.Version, v.PublishedAt, v.PublishedBy, v.Source, v.Checksum, await store.RunningInstancesAsync(query.FlowId, v.Version, cancellationToken)));
        return result;
    }

    public async ValueTask<JsonNode> Handle(GetVersion query, CancellationToken cancellationToken) =>
        JsonNode.Parse(await store.VersionJsonAsync(query.FlowId, query.Version, cancellationToken))!;

    public async ValueTask<DefinitionGraph.Graph> Handle(GetGraph query, CancellationToken cancellationToken) =>
        DefinitionGraph.Of(await store.GetVersionAsync(query.FlowId, query.Version, cancellationToken));

    public async ValueTask<JsonNode> Handle(GetDraft query, CancellationToken cancellationToken)
    {
        var draft = await db.Flows.AsNoTracking().Where(f => f.Id == query.FlowId).Select(f => new { f.DraftJson }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Flow", query.FlowId);
        return JsonNode.Parse(draft.DraftJson ?? throw new NotFoundException($"Draft of flow {query.FlowId}", "draft"))!;
    }

    public async ValueTask<DefinitionDiff.Diff> Handle(DiffVersions query, CancellationToken cancellationToken) =>
        DefinitionDiff.Of(await store.GetVersionAsync(query.FlowId, query.From, cancellationToken), await store.GetVersionAsync(query.FlowId, query.To, cancellationToken));

    public ValueTask<IEnumerable<ActivityDescriptor>> Handle(ListActivities query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(activities.Descriptors);

    private async Task RequireFlowAsync(string flowId, CancellationToken cancellationToken)
    {
        if (!await db.Flows.AnyAsync(f => f.Id == flowId, cancellationToken))
            throw new NotFoundException("Flow", flowId);
    }
}
