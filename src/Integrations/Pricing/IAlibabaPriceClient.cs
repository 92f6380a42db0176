namespace Cmdb.Integrations.Pricing;

/// <summary>
/// Alibaba Cloud's live prices (<c>DescribePrice</c> of ECS 2014-05-26, RDS 2014-08-15 and
/// R-KVStore 2015-01-01), subscription, one month, in CNY. Answers are cached by their parameters;
/// a refusal or a missing answer throws <see cref="VendorPriceException"/>.
/// </summary>
public interface IAlibabaPriceClient
{
    /// <summary>True when <c>Pricing:Alibaba:AccessKeyId</c> and <c>…:AccessKeySecret</c> are set; otherwise every call throws.</summary>
    bool IsConfigured { get; }

    /// <summary>Components: the vendor's <c>DetailInfos</c> (<c>instanceType</c>, <c>systemDisk</c>, <c>dataDisk</c>, <c>bandwidth</c>, …).</summary>
    Task<VendorPrice> GetEcsPriceAsync(AlibabaEcsPriceRequest request, CancellationToken cancellationToken);

    /// <summary>The API gives a total only (no components).</summary>
    Task<VendorPrice> GetRdsPriceAsync(AlibabaRdsPriceRequest request, CancellationToken cancellationToken);

    /// <summary>The API gives a total only (no components).</summary>
    Task<VendorPrice> GetRedisPriceAsync(AlibabaRedisPriceRequest request, CancellationToken cancellationToken);
}
