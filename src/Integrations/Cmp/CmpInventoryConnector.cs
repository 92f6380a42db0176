using System.Runtime.CompilerServices;
using Cmdb.Domain.Common;
using Cmdb.Domain.Inventory.Sync;
using Cmdb.Integrations.Common;
using Microsoft.Extensions.Options;
using Refit;

namespace Cmdb.Integrations.Cmp;

/// <summary>
/// Reads the inventory from the CMP page by page, streaming. Any failure (down, refused, an
/// error status after the retries, an answer that is not the documented shape) becomes an
/// <see cref="InventorySourceException"/>: the run fails and nothing is applied.
/// </summary>
public sealed class CmpInventoryConnector(ICmpApi api, IOptions<CmpOptions> options) : IInventoryConnector
{
    private const string SystemName = "CMP";

    public string Name => "cmp";

    public IAsyncEnumerable<IncomingResource> ReadResourcesAsync(string type, CancellationToken cancellationToken) =>
        ReadAsync((page, size, ct) => api.GetResourcesAsync(type, page, size, ct), $"read {type} resources", item => item.ToIncoming(type), cancellationToken);

    public IAsyncEnumerable<IncomingRelation> ReadRelationsAsync(string kind, CancellationToken cancellationToken) =>
        ReadAsync((page, size, ct) => api.GetRelationsAsync(kind, page, size, ct), $"read {kind} relations", item => item.ToIncoming(kind), cancellationToken);

    private async IAsyncEnumerable<TOut> ReadAsync<TItem, TOut>(
        Func<int, int, CancellationToken, Task<IApiResponse<InventoryPageDto<TItem>>>> call, string what, Func<TItem, TOut> map,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var size = options.Value.PageSize;
        for (var page = 1; ; page++)
        {
            var items = await PageAsync(call, page, size, $"{what} (page {page})", cancellationToken);
            foreach (var item in items.Items ?? [])
                yield return map(item);
            var count = items.Items?.Count ?? 0;
            if (count < size || (long)page * size >= items.Total)
                yield break;
        }
    }

    private static async Task<InventoryPageDto<TItem>> PageAsync<TItem>(
        Func<int, int, CancellationToken, Task<IApiResponse<InventoryPageDto<TItem>>>> call, int page, int size, string what, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await ExternalCalls.SendAsync(() => call(page, size, cancellationToken), SystemName, what, cancellationToken);
            ExternalCalls.ThrowUnlessSuccess(response, SystemName, what);
            if (response.Error is { } error)
                throw new ExternalSystemException(SystemName, $"could not {what}: the answer is not the documented shape ({error.GetBaseException().Message})");
            return response.Content ?? throw new ExternalSystemException(SystemName, $"could not {what}: an empty answer");
        }
        catch (ExternalSystemException e)
        {
            throw new InventorySourceException(e.Message, e);
        }
    }
}
