using Cmdb.Domain.Inventory.Sync;
using Refit;

namespace Cmdb.Integrations.Cmp;

/// <summary>The CMP's inventory API (docs/inventory-sync.md): pages of resources per type and of relations per kind.</summary>
public interface ICmpApi
{
    [Get("/api/v1/inventory/{type}")]
    Task<IApiResponse<InventoryPageDto<InventoryItem>>> GetResourcesAsync(string type, int page, int pageSize, CancellationToken cancellationToken);

    [Get("/api/v1/relations/{kind}")]
    Task<IApiResponse<InventoryPageDto<RelationItem>>> GetRelationsAsync(string kind, int page, int pageSize, CancellationToken cancellationToken);
}
