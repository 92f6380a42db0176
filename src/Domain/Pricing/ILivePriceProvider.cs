namespace Cmdb.Domain.Pricing;

/// <summary>A price a vendor's price API returned for one resolved item, per component, for one unit of the item.</summary>
public sealed record LivePrice(IReadOnlyList<LiveComponent> Components, DateTime AsOf);

/// <param name="Amount">The monthly CNY of this component for one unit of the item (before rounding).</param>
public sealed record LiveComponent(string Component, string Description, decimal Amount);

/// <summary>
/// Live prices from the vendors' price APIs (Alibaba DescribePrice, Tencent inquiry APIs). The
/// estimator asks first and falls back to the price book or a rule when the answer is null: not
/// configured, not supported for the item, or failed.
/// </summary>
public interface ILivePriceProvider
{
    Task<LivePrice?> TryPriceAsync(ResolvedItem item, CancellationToken cancellationToken);
}

/// <summary>The default: no vendor credentials configured, so never a live price.</summary>
public sealed class NotConfiguredLivePriceProvider : ILivePriceProvider
{
    public Task<LivePrice?> TryPriceAsync(ResolvedItem item, CancellationToken cancellationToken) => Task.FromResult<LivePrice?>(null);
}

/// <summary>
/// The vendor refused the item (e.g. a spec that does not support a disk type): the request is
/// wrong, not the price API, so the estimate answers 400 with the vendor's own words instead of
/// falling back to a book price for something that cannot be bought.
/// </summary>
public sealed class LivePriceRefusedException(string vendor, string message) : Exception(message)
{
    public string Vendor { get; } = vendor;
}
