using Cmdb.Domain.Common;
using Cmdb.Domain.Flows;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Workflows.Definitions;

public sealed partial class DefinitionStore
{
    /// <summary>
    /// Stores a draft. Problems do not stop saving work in progress (even one that breaks the
    /// schema), they stop publishing. Refused (400) only when it names another flow, or when it
    /// would create a new flow without the id, names and form that flow needs.
    /// </summary>
    public async Task<IReadOnlyList<DefinitionProblem>> SaveDraftAsync(string flowId, string json, string user, CancellationToken cancellationToken)
    {
        var problems = validator.Validate(json, out var document);
        var namedId = document?.Id ?? FlowDefinitionJson.ReadId(json);
        if (namedId is not null && namedId != flowId)
            throw new DefinitionInvalidException([new DefinitionProblem("/id", ProblemCodes.Schema, $"The document's id '{namedId}' is not the flow '{flowId}'.")]);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var flow = await db.Flows.FirstOrDefaultAsync(f => f.Id == flowId, cancellationToken);
        var now = DateTime.UtcNow;
        if (flow is null)
        {
            // A new flow needs its names and form even while the rest of the draft is unfinished.
            var (nameZh, nameEn, form) = document is not null ? (document.Name.Zh, document.Name.En, document.Form) : FlowDefinitionJson.ReadHeader(json);
            if (namedId is null || string.IsNullOrWhiteSpace(nameZh) || string.IsNullOrWhiteSpace(nameEn) || string.IsNullOrWhiteSpace(form))
                throw new DefinitionInvalidException(problems);
            flow = new FlowRecord { Id = flowId, NameZh = nameZh!, NameEn = nameEn!, Form = form!, CreatedAt = now };
            db.Flows.Add(flow);
        }
        flow.DraftJson = json;
        flow.DraftUpdatedAt = now;
        flow.DraftUpdatedBy = user;
        flow.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return problems;
    }

    /// <summary>Publishes the draft as version latest + 1. A draft with problems is refused, listing them.</summary>
    public async Task<int> PublishAsync(string flowId, string user, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var flow = await db.Flows.FirstOrDefaultAsync(f => f.Id == flowId, cancellationToken) ?? throw new NotFoundException("Flow", flowId);
        if (flow.DraftJson is null)
            throw new ConflictException($"Flow {flowId} has no draft to publish.");
        var problems = validator.Validate(flow.DraftJson, out var document);
        if (problems.Count > 0 || document is null)
            throw new DefinitionInvalidException(problems);

        document.Version = Math.Max(flow.LatestVersion, flow.VersionsIssued) + 1;
        flow.VersionsIssued = document.Version;
        var json = FlowDefinitionJson.Write(document);
        db.FlowVersions.Add(new FlowVersionRecord
        {
            FlowId = flowId, Version = document.Version, Json = json, Checksum = Checksum(json),
            PublishedAt = DateTime.UtcNow, PublishedBy = user, Source = "designer",
        });
        flow.LatestVersion = document.Version;
        flow.NameZh = document.Name.Zh;
        flow.NameEn = document.Name.En;
        flow.Form = document.Form;
        flow.DraftJson = null;
        flow.UpdatedAt = DateTime.UtcNow;
        // Two admins publishing at once: the second insert of the same version fails on the key.
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is DbUpdateException or System.Data.Common.DbException)
        {
            // The same version inserted twice, or a deadlock between the two saves (MySQL): one of them wins.
            throw new ConflictException($"Flow {flowId} version {document.Version} was published by someone else at the same time; reload the draft.");
        }
        registry.Register(document);
        return document.Version;
    }

    /// <summary>Removes a published version no instance runs on.</summary>
    public async Task DeleteVersionAsync(string flowId, int version, CancellationToken cancellationToken)
    {
        var running = await RunningInstancesAsync(flowId, version, cancellationToken);
        if (running > 0)
            throw new ConflictException($"Flow {flowId} version {version} has {running} running instance(s); it can be removed once they end.");
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await db.FlowVersions.Where(v => v.FlowId == flowId && v.Version == version).ExecuteDeleteAsync(cancellationToken);
        if (removed == 0)
            throw new NotFoundException($"Flow {flowId} version", version);
        db.FlowRemovedVersions.Add(new FlowRemovedVersion { FlowId = flowId, Version = version, RemovedAt = DateTime.UtcNow });
        await db.SaveChangesAsync(cancellationToken);
        var latest = await db.FlowVersions.Where(v => v.FlowId == flowId).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
        await db.Flows.Where(f => f.Id == flowId).ExecuteUpdateAsync(u => u.SetProperty(f => f.LatestVersion, latest), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        registry.DeregisterWorkflow(flowId, version);
    }

    /// <summary>
    /// Adds a version read from a checked-in file when its (id, version) is not stored yet. A stored
    /// version never changes: a file that differs from it is reported, not applied.
    /// </summary>
    public async Task<ImportResult> ImportAsync(FlowDefinitionDocument document, CancellationToken cancellationToken)
    {
        var json = FlowDefinitionJson.Write(document);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.FlowVersions.AsNoTracking().Where(v => v.FlowId == document.Id && v.Version == document.Version)
            .Select(v => v.Checksum).FirstOrDefaultAsync(cancellationToken);
        if (stored is not null)
            return stored == Checksum(json) ? ImportResult.AlreadyStored : ImportResult.DiffersFromStored;

        var now = DateTime.UtcNow;
        var flow = await db.Flows.FirstOrDefaultAsync(f => f.Id == document.Id, cancellationToken);
        // An admin removed this version: its file does not bring it back at the next start.
        if (await db.FlowRemovedVersions.AnyAsync(r => r.FlowId == document.Id && r.Version == document.Version, cancellationToken))
            return ImportResult.RemovedBefore;
        if (flow is null)
        {
            flow = new FlowRecord { Id = document.Id, NameZh = document.Name.Zh, NameEn = document.Name.En, Form = document.Form, CreatedAt = now };
            db.Flows.Add(flow);
        }
        db.FlowVersions.Add(new FlowVersionRecord
        {
            FlowId = document.Id, Version = document.Version, Json = json, Checksum = Checksum(json),
            PublishedAt = now, PublishedBy = "cmdb", Source = "file",
        });
        flow.VersionsIssued = Math.Max(flow.VersionsIssued, document.Version);
        if (document.Version > flow.LatestVersion)
        {
            flow.LatestVersion = document.Version;
            flow.NameZh = document.Name.Zh;
            flow.NameEn = document.Name.En;
            flow.Form = document.Form;
        }
        flow.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return ImportResult.Imported;
    }
}

public enum ImportResult
{
    Imported,
    AlreadyStored,
    DiffersFromStored,
    RemovedBefore,
}

/// <summary>A definition that cannot be published, with every problem located.</summary>
public sealed class DefinitionInvalidException(IReadOnlyList<DefinitionProblem> problems)
    : Exception($"The definition has {problems.Count} problem(s).")
{
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;
}
