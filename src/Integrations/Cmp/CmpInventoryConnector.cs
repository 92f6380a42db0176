using System.Runtime.CompilerServices;
using Cmdb.Domain.Common;
using Cmdb.Domain.Inventory.Sync;
using Cmdb.Integrations.Common;
using Microsoft.Extensions.Options;
using Refit;

namespace Cmdb.Integrations.Cmp;

/// <summary>
/// Reads the inventory from the CMP page by page, streaming. Any failure (settings that are not
/// valid, down, refused, an error status after the retries, an answer that is not the documented
/// shape) becomes an <see cref="InventorySourceException"/> that never holds the token: the run
/// fails and nothing is applied. The client is made on first read, so bad settings fail the run,
/// never the start of the service.
/// </summary>
public sealed class CmpInventoryConnector(IOptions<CmpOptions> options, Func<ICmpApi> client) : IInventoryConnector
{
    private const string SystemName = "CMP";

    public string Name => "cmp";

    public IAsyncEnumerable<IncomingResource> ReadResourcesAsync(string type, CancellationToken cancellationToken) =>
        ReadAsync((api, page, size, ct) => api.GetResourcesAsync(type, page, size, ct), $"read {type} resources", item => item.ToIncoming(type), cancellationToken);

    public IAsyncEnumerable<IncomingRelation> ReadRelationsAsync(string kind, CancellationToken cancellationToken) =>
        ReadAsync((api, page, size, ct) => api.GetRelationsAsync(kind, page, size, ct), $"read {kind} relations", item => item.ToIncoming(kind), cancellationToken);

    private async IAsyncEnumerable<TOut> ReadAsync<TItem, TOut>(
        Func<ICmpApi, int, int, CancellationToken, Task<IApiResponse<InventoryPageDto<TItem>>>> call, string what, Func<TItem, TOut> map,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (settings, api) = Open();
        var size = settings.PageSize;
        for (var page = 1; ; page++)
        {
            var result = await PageAsync(settings, () => call(api, page, size, cancellationToken), $"{what} (page {page})", cancellationToken);
            var items = result.Items ?? [];
            foreach (var item in items)
                if (item is not null)
                    yield return map(item);
            var upTo = (long)(page - 1) * size + items.Count;
            if (items.Count < size)
            {
                // Within one answer, so changes between pages cannot cause it: the CMP cut the page.
                if (result.Total is { } total && total > upTo)
                    throw Failure(settings, $"{SystemName}: could not {what}: {items.Count} items on page {page} of {size}, yet a total of {total}; "
                        + $"does the CMP cap the page size? Set {CmpOptions.SectionName}:PageSize to its limit.");
                yield break;
            }
            if (result.Total is { } all && (long)page * size >= all)
                yield break;
        }
    }

    private (CmpOptions Settings, ICmpApi Api) Open()
    {
        try
        {
            return (options.Value, client());
        }
        catch (OptionsValidationException e)
        {
            throw Failure(null, $"{SystemName}: the settings {CmpOptions.SectionName} are not valid: {string.Join(" ", e.Failures)}", e);
        }
        catch (InvalidOperationException e)
        {
            // The configuration binder: a value that is not of its setting's type.
            throw Failure(null, $"{SystemName}: the settings {CmpOptions.SectionName} cannot be read: {e.Message}", e);
        }
    }

    private static async Task<InventoryPageDto<TItem>> PageAsync<TItem>(CmpOptions settings, Func<Task<IApiResponse<InventoryPageDto<TItem>>>> call, string what,
        CancellationToken cancellationToken)
    {
        try
        {
            using var response = await ExternalCalls.SendAsync(call, SystemName, what, cancellationToken);
            ExternalCalls.ThrowUnlessSuccess(response, SystemName, what);
            if (response.Error is { } error)
                throw new ExternalSystemException(SystemName, $"could not {what}: the answer is not the documented shape ({error.GetBaseException().Message})");
            return response.Content ?? throw new ExternalSystemException(SystemName, $"could not {what}: an empty answer");
        }
        catch (ExternalSystemException e)
        {
            throw Failure(settings, e.Message, e);
        }
    }

    /// <summary>
    /// The CMP's own words are quoted in messages; should they echo the token, it is masked, and
    /// the inner exceptions (which would show it again in logs) are left off.
    /// </summary>
    private static InventorySourceException Failure(CmpOptions? settings, string message, Exception? inner = null)
    {
        var token = settings?.Token;
        if (string.IsNullOrEmpty(token))
            return new InventorySourceException(message, inner);
        for (var e = inner; e is not null; e = e.InnerException)
            if (e.Message.Contains(token, StringComparison.Ordinal))
                inner = null;
        return new InventorySourceException(message.Replace(token, "***", StringComparison.Ordinal), inner);
    }
}
