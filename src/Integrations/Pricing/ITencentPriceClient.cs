namespace Cmdb.Integrations.Pricing;

/// <summary>
/// Tencent Cloud's live prices (CVM <c>InquiryPriceRunInstances</c> 2017-03-12, CDB
/// <c>DescribeDBPrice</c> 2017-03-20, CLB <c>InquiryPriceCreateLoadBalancer</c> 2018-03-17), one
/// month, in CNY (CDB answers in fen and is converted). Answers are cached by their parameters and
/// requests are spaced by the client-side rate limit; a refusal or a missing answer throws
/// <see cref="VendorPriceException"/>.
/// </summary>
public interface ITencentPriceClient
{
    /// <summary>True when <c>Pricing:Tencent:SecretId</c> and <c>…:SecretKey</c> are set; otherwise every call throws.</summary>
    bool IsConfigured { get; }

    /// <summary>Prepaid, one month. Components <c>instance</c> (Tencent includes the disks in it) and <c>bandwidth</c>.</summary>
    Task<VendorPrice> GetCvmPriceAsync(TencentCvmPriceRequest request, CancellationToken cancellationToken);

    /// <summary>Prepaid, one month. A total only.</summary>
    Task<VendorPrice> GetCdbPriceAsync(TencentCdbPriceRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Pay-as-you-go: hourly unit prices × <c>Pricing:Tencent:HoursPerMonth</c>. Components <c>instance</c>
    /// and <c>bandwidth</c>; usage-billed parts (LCU, traffic per GB) are left out.
    /// </summary>
    Task<VendorPrice> GetClbPriceAsync(TencentClbPriceRequest request, CancellationToken cancellationToken);
}
