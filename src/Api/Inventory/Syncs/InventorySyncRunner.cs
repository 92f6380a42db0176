using Cmdb.Domain.Common;
using Cmdb.Domain.Inventory.Sync;
using Microsoft.Extensions.Options;

namespace Cmdb.Api.Inventory.Syncs;

/// <summary>Runs a configured sync by name, for the schedule and for admins.</summary>
public sealed class InventorySyncRunner(IOptions<InventorySyncOptions> options, IInventoryConnectorFactory connectors, InventorySyncService syncs)
{
    public async Task<InventorySyncRun> RunAsync(string name, string trigger, string? user, CancellationToken cancellationToken)
    {
        if (!options.Value.Syncs.TryGetValue(name, out var definition))
            throw new NotFoundException("Sync", name);
        if (!definition.Enabled)
            throw new ConflictException($"The sync '{name}' is disabled in configuration.");
        IInventoryConnector connector;
        try
        {
            connector = connectors.Create(definition);
        }
        catch (InventorySourceException exception)
        {
            connector = new UnavailableConnector(definition.Connector, exception.Message);
        }
        return await syncs.RunAsync(new SyncRequest(name, connector, definition.Types, definition.Relations, trigger, user), cancellationToken);
    }

    /// <summary>A connector that could not be built still gets a run, failed and alerted, so the problem is seen.</summary>
    private sealed class UnavailableConnector(string name, string problem) : IInventoryConnector
    {
        public string Name => name;

        public IAsyncEnumerable<IncomingResource> ReadResourcesAsync(string type, CancellationToken cancellationToken) => throw new InventorySourceException(problem);

        public IAsyncEnumerable<IncomingRelation> ReadRelationsAsync(string kind, CancellationToken cancellationToken) => throw new InventorySourceException(problem);
    }
}
