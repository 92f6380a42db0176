using Cmdb.Domain.Flows;
using Cmdb.Domain.Persistence;
using Cmdb.Workflows.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkflowCore.Interface;

namespace Cmdb.Workflows.Definitions;

/// <summary>
/// Before the engine takes work: imports the checked-in definition files whose (id, version) is
/// not stored yet, then registers every published version with the engine.
/// </summary>
internal sealed class DefinitionStartup(
    DefinitionStore store, DefinitionValidator validator, FlowRegistry registry, IDbContextFactory<CmdbDbContext> contexts,
    DefinitionFiles files, ILogger<DefinitionStartup> logger) : IEngineStartupTask
{
    public async Task RunAsync(IWorkflowHost host, CancellationToken cancellationToken)
    {
        foreach (var (path, json) in files.Read())
        {
            var problems = validator.Validate(json, out var document);
            if (problems.Count > 0 || document is null)
            {
                logger.LogError("Definition file {File} is not valid and was not imported: {Problems}", path,
                    string.Join("; ", problems.Select(p => $"{p.Pointer} {p.Message}")));
                continue;
            }
            if (document.Version < 1)
            {
                logger.LogError("Definition file {File} has no version (≥ 1) and was not imported", path);
                continue;
            }
            var result = await store.ImportAsync(document, cancellationToken);
            if (result == ImportResult.Imported)
                logger.LogInformation("Imported flow {Flow} v{Version} from {File}", document.Id, document.Version, path);
            else if (result == ImportResult.DiffersFromStored)
                logger.LogWarning("Definition file {File} differs from stored flow {Flow} v{Version}; published versions never change: give the file a new version", path, document.Id, document.Version);
            else if (result == ImportResult.RemovedBefore)
                logger.LogInformation("Definition file {File}: flow {Flow} v{Version} was removed by an admin and is not imported again", path, document.Id, document.Version);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var versions = await db.FlowVersions.AsNoTracking().Select(v => v.Json).ToListAsync(cancellationToken);
        foreach (var json in versions)
        {
            if (FlowDefinitionJson.Parse(json, out _) is { } document)
                registry.Register(document);
        }
        logger.LogInformation("Registered {Count} published flow versions with the engine", versions.Count);
    }
}

/// <summary>The checked-in definition files (<c>Workflows:DefinitionsPath</c>, by default beside the service).</summary>
public sealed class DefinitionFiles(string folder)
{
    public IEnumerable<(string Path, string Json)> Read()
    {
        if (!Directory.Exists(folder))
            yield break;
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Where(p => !p.EndsWith(".schema.json", StringComparison.Ordinal)).Order())
            yield return (path, File.ReadAllText(path));
    }
}
