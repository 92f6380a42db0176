using Cmdb.Domain.Flows;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Definitions;

/// <summary>
/// WorkflowCore's registry, made to find published flow versions in the database: a version
/// another node published (or one not loaded yet) is compiled and registered the first time it
/// is asked for, so every node can run every instance.
/// </summary>
public sealed class FlowRegistry(IWorkflowRegistry inner, IDbContextFactory<CmdbDbContext> contexts, LoadedDefinitions loaded) : IWorkflowRegistry
{
    private readonly Lock _loading = new();

    /// <summary>Compiles and registers a published document (and keeps it for the steps to read).</summary>
    public WorkflowDefinition Register(FlowDefinitionDocument document)
    {
        lock (_loading)
        {
            if (inner.IsRegistered(document.Id, document.Version))
                return inner.GetDefinition(document.Id, document.Version);
            var definition = FlowDefinitionCompiler.Compile(document);
            loaded.Add(document);
            inner.RegisterWorkflow(definition);
            return definition;
        }
    }

    public WorkflowDefinition GetDefinition(string workflowId, int? version = null)
    {
        var found = inner.GetDefinition(workflowId, version);
        if (found is not null && (version is null || found.Version == version))
            return found;
        return LoadFromDatabase(workflowId, version) ?? found!;
    }

    public bool IsRegistered(string workflowId, int version) =>
        inner.IsRegistered(workflowId, version) || LoadFromDatabase(workflowId, version) is not null;

    public void RegisterWorkflow(IWorkflow workflow) => inner.RegisterWorkflow(workflow);

    public void RegisterWorkflow(WorkflowDefinition definition) => inner.RegisterWorkflow(definition);

    public void RegisterWorkflow<TData>(IWorkflow<TData> workflow) where TData : new() => inner.RegisterWorkflow(workflow);

    public void DeregisterWorkflow(string workflowId, int version) => inner.DeregisterWorkflow(workflowId, version);

    public IEnumerable<WorkflowDefinition> GetAllDefinitions() => inner.GetAllDefinitions();

    private WorkflowDefinition? LoadFromDatabase(string flowId, int? version)
    {
        // The engine asks synchronously; this happens once per version and node.
        using var db = contexts.CreateDbContext();
        var json = db.FlowVersions.AsNoTracking()
            .Where(v => v.FlowId == flowId && (version == null || v.Version == version))
            .OrderByDescending(v => v.Version).Select(v => v.Json).FirstOrDefault();
        if (json is null)
            return null;
        var document = FlowDefinitionJson.Parse(json, out var problem)
            ?? throw new InvalidOperationException($"Stored flow {flowId} v{version} cannot be read: {problem?.Message}");
        return Register(document);
    }
}
