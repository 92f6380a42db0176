using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cmdb.Integrations.Pricing;

internal sealed class AlibabaPriceClient(IHttpClientFactory clients, IOptions<AlibabaPricingOptions> options, ILogger<AlibabaPriceClient> logger)
    : IAlibabaPriceClient, IDisposable
{
    public const string HttpClientName = "pricing-alibaba";
    private const string Action = "DescribePrice";
    private readonly VendorPriceCache _cache = new(options.Value.CacheLifetime, options.Value.CacheEntries);

    public bool IsConfigured => options.Value.IsConfigured;

    public Task<VendorPrice> GetEcsPriceAsync(AlibabaEcsPriceRequest request, CancellationToken cancellationToken)
    {
        var p = new Dictionary<string, string>
        {
            ["Version"] = "2014-05-26", ["RegionId"] = request.RegionId, ["ResourceType"] = "instance", ["InstanceType"] = request.InstanceType,
            ["SystemDisk.Category"] = request.SystemDisk.Category, ["SystemDisk.Size"] = Num(request.SystemDisk.SizeGb),
            ["PriceUnit"] = "Month", ["Period"] = "1", ["Amount"] = "1",
        };
        for (var i = 0; i < request.DataDisks.Count; i++)
        {
            p[$"DataDisk.{i + 1}.Category"] = request.DataDisks[i].Category;
            p[$"DataDisk.{i + 1}.Size"] = Num(request.DataDisks[i].SizeGb);
        }
        if (request.BandwidthMbps > 0)
        {
            p["InternetChargeType"] = "PayByBandwidth";
            p["InternetMaxBandwidthOut"] = Num(request.BandwidthMbps);
        }
        if (!string.IsNullOrEmpty(request.ZoneId))
            p["ZoneId"] = request.ZoneId;
        return QuoteAsync("ecs", options.Value.Endpoints.Ecs, p, body =>
        {
            var price = VendorCall.Path(body, "PriceInfo", "Price");
            var details = VendorCall.Path(price, "DetailInfos", "DetailInfo");
            var components = details.ValueKind == JsonValueKind.Array
                ? details.EnumerateArray().Select(d => new VendorPriceComponent(
                    VendorCall.Text(d, "Resource") ?? "unknown", VendorCall.Amount(d, "TradePrice") ?? 0, VendorCall.Amount(d, "OriginalPrice") ?? 0)).ToList()
                : [];
            return (VendorCall.Amount(price, "TradePrice"), VendorCall.Amount(price, "OriginalPrice"), components);
        }, cancellationToken);
    }

    public Task<VendorPrice> GetRdsPriceAsync(AlibabaRdsPriceRequest request, CancellationToken cancellationToken)
    {
        var p = new Dictionary<string, string>
        {
            ["Version"] = "2014-08-15", ["RegionId"] = request.RegionId, ["Engine"] = request.Engine, ["EngineVersion"] = request.EngineVersion,
            ["DBInstanceClass"] = request.InstanceClass, ["DBInstanceStorage"] = Num(request.StorageGb), ["DBInstanceStorageType"] = request.StorageType,
            ["PayType"] = "Prepaid", ["TimeType"] = "Month", ["UsedTime"] = "1", ["Quantity"] = "1", ["OrderType"] = "BUY",
            // Subscription primary vs. read-only (China site); InstanceUsedType 0 = primary, 3 = read-only.
            ["CommodityCode"] = request.ReadOnly ? "rds_rordspre_public_cn" : "rds",
            ["InstanceUsedType"] = request.ReadOnly ? "3" : "0",
        };
        if (!string.IsNullOrEmpty(request.ZoneId))
            p["ZoneId"] = request.ZoneId;
        return QuoteAsync("rds", options.Value.Endpoints.Rds, p, body =>
        {
            var price = VendorCall.Path(body, "PriceInfo");
            return (VendorCall.Amount(price, "TradePrice"), VendorCall.Amount(price, "OriginalPrice"), []);
        }, cancellationToken);
    }

    public Task<VendorPrice> GetRedisPriceAsync(AlibabaRedisPriceRequest request, CancellationToken cancellationToken)
    {
        var p = new Dictionary<string, string>
        {
            ["Version"] = "2015-01-01", ["RegionId"] = request.RegionId, ["InstanceClass"] = request.InstanceClass,
            ["ChargeType"] = "PrePaid", ["Period"] = "1", ["Quantity"] = "1", ["OrderType"] = "BUY",
        };
        if (!string.IsNullOrEmpty(request.ZoneId))
            p["ZoneId"] = request.ZoneId;
        return QuoteAsync("redis", options.Value.Endpoints.Redis, p, body =>
        {
            var order = VendorCall.Path(body, "Order");
            return (VendorCall.Amount(order, "TradeAmount"), VendorCall.Amount(order, "OriginalAmount"), []);
        }, cancellationToken);
    }

    private async Task<VendorPrice> QuoteAsync(string product, string endpoint, Dictionary<string, string> parameters,
        Func<JsonElement, (decimal? Trade, decimal? Original, List<VendorPriceComponent> Components)> read, CancellationToken cancellationToken)
    {
        var what = $"{Action} ({product})";
        if (!IsConfigured)
            throw new VendorPriceException(PriceVendor.Alibaba, what, null, $"not configured: set {AlibabaPricingOptions.SectionName}:AccessKeyId and :AccessKeySecret");
        parameters["Action"] = Action;
        var query = AlibabaSignature.CanonicalQuery(parameters);
        return await _cache.GetOrQuoteAsync($"{product}?{query}", async () =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, endpoint.TrimEnd('/') + "/?" + query);
            var (status, body) = await VendorCall.SendAsync(clients.CreateClient(HttpClientName), message, PriceVendor.Alibaba, what, logger, cancellationToken);
            var requestId = VendorCall.Text(body, "RequestId");
            var code = VendorCall.Text(body, "Code");
            var (trade, original, components) = status == HttpStatusCode.OK ? read(body) : (null, null, []);
            if (trade is null && (status != HttpStatusCode.OK || code is not null))
            {
                logger.LogInformation("Alibaba Cloud {Action} refused: {Code} (request {RequestId})", what, code, requestId);
                throw new VendorPriceException(PriceVendor.Alibaba, what, code ?? $"HTTP {(int)status}", VendorCall.Text(body, "Message") ?? "no message",
                    requestId, unavailable: (int)status >= 500 || IsThrottling(code));
            }
            if (trade is null)
                throw new VendorPriceException(PriceVendor.Alibaba, what, null, "the answer carries no price", requestId);
            return new VendorPrice(PriceVendor.Alibaba, product, trade.Value, original ?? trade.Value, components, requestId);
        });
    }

    internal static bool IsThrottling(string? code) => code is not null && code.StartsWith("Throttling", StringComparison.Ordinal);

    internal static bool IsThrottling(JsonElement body) => IsThrottling(VendorCall.Text(body, "Code"));

    private static string Num(int value) => value.ToString(CultureInfo.InvariantCulture);

    public void Dispose() => _cache.Dispose();
}
