namespace Cmdb.Integrations.Pricing;

/// <summary>The clouds whose price APIs Cmdb asks.</summary>
public enum PriceVendor
{
    Alibaba,
    Tencent,
}

/// <summary>
/// One live quote for one month of one resource, in CNY: what the vendor would charge
/// (<see cref="MonthlyCny"/>, after its discounts) and its list price, with the vendor's own
/// per-component amounts where the API gives them.
/// </summary>
/// <param name="Product">The vendor's product: <c>ecs</c>, <c>rds</c>, <c>redis</c>, <c>cvm</c>, <c>cdb</c>, <c>clb</c>.</param>
/// <param name="Components">The vendor's breakdown (its own names, e.g. Alibaba <c>instanceType</c>, <c>systemDisk</c>; Tencent <c>instance</c>, <c>bandwidth</c>); empty when the API gives none.</param>
public sealed record VendorPrice(
    PriceVendor Vendor,
    string Product,
    decimal MonthlyCny,
    decimal OriginalMonthlyCny,
    IReadOnlyList<VendorPriceComponent> Components,
    string? RequestId);

/// <param name="Name">The vendor's name for the component.</param>
public sealed record VendorPriceComponent(string Name, decimal MonthlyCny, decimal OriginalMonthlyCny);

/// <summary>
/// A price API did not give a price: the vendor refused the request (<see cref="Code"/> and its
/// message, e.g. a spec that does not support a disk type), or did not answer in time
/// (<see cref="Unavailable"/>). Never carries credentials.
/// </summary>
public sealed class VendorPriceException(PriceVendor vendor, string action, string? code, string vendorMessage, string? requestId = null,
    bool unavailable = false, Exception? inner = null)
    : Exception(Describe(vendor, action, code, vendorMessage, requestId), inner)
{
    public PriceVendor Vendor { get; } = vendor;
    public string Action { get; } = action;
    /// <summary>The vendor's error code (e.g. <c>InvalidParameterValue</c>), or null when no answer came.</summary>
    public string? Code { get; } = code;
    /// <summary>The vendor's own words, as it sent them.</summary>
    public string VendorMessage { get; } = vendorMessage;
    public string? RequestId { get; } = requestId;
    /// <summary>No answer, a server error or throttling that outlasted the retries: worth trying again later.</summary>
    public bool Unavailable { get; } = unavailable;

    public static string VendorName(PriceVendor vendor) => vendor == PriceVendor.Alibaba ? "Alibaba Cloud" : "Tencent Cloud";

    private static string Describe(PriceVendor vendor, string action, string? code, string message, string? requestId) =>
        $"{VendorName(vendor)} {action}: " + (code is null ? message : $"{code}: {message}")
        + (string.IsNullOrEmpty(requestId) ? "" : $" (request {requestId})");
}
