using Cmdb.Domain.Inventory.Demo;
using Cmdb.Domain.Inventory.Sync;
using Cmdb.Integrations.Cmp;

namespace Cmdb.Api.Inventory.Syncs;

/// <summary>The connector a configured sync names: <c>cmp</c> (needs Integrations:Cmp), <c>file</c> (a folder) or <c>generated</c> (synthetic).</summary>
public sealed class InventoryConnectorFactory(IServiceProvider services, IHostEnvironment environment) : IInventoryConnectorFactory
{
    public IInventoryConnector Create(SyncDefinition definition) => definition.Connector.Trim().ToLowerInvariant() switch
    {
        "cmp" => services.GetService<CmpInventoryConnector>()
            ?? throw new InventorySourceException("The CMP is not configured here (Integrations:Cmp:BaseUrl)."),
        "file" => File(definition.Path),
        "generated" => Generated(definition.Size, definition.Seed),
        var other => throw new InventorySourceException($"Unknown connector '{other}'; use cmp, file or generated."),
    };

    private static GeneratedInventoryConnector Generated(int size, int seed) => size is >= InventoryPlan.MinSize and <= InventoryPlan.MaxSize
        ? new GeneratedInventoryConnector(size, seed)
        : throw new InventorySourceException($"A generated sync needs a Size from {InventoryPlan.MinSize:N0} to {InventoryPlan.MaxSize:N0}, not {size:N0}.");

    private FileInventoryConnector File(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new InventorySourceException("A file sync needs a Path (the folder to read).");
        var folder = Path.GetFullPath(path, environment.ContentRootPath);
        if (!Directory.Exists(folder))
            throw new InventorySourceException($"The folder {folder} does not exist.");
        return new FileInventoryConnector(folder);
    }
}
