using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cmdb.Integrations.Pricing;

internal sealed class TencentPriceClient(IHttpClientFactory clients, IOptions<TencentPricingOptions> options, ILogger<TencentPriceClient> logger)
    : ITencentPriceClient, IDisposable
{
    public const string HttpClientName = "pricing-tencent";
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };
    private readonly VendorPriceCache _cache = new(options.Value.CacheLifetime, options.Value.CacheEntries);

    public bool IsConfigured => options.Value.IsConfigured;

    public Task<VendorPrice> GetCvmPriceAsync(TencentCvmPriceRequest request, CancellationToken cancellationToken)
    {
        var payload = new Dictionary<string, object?>
        {
            ["Placement"] = new { request.Zone },
            ["ImageId"] = request.ImageId,
            ["InstanceChargeType"] = "PREPAID",
            ["InstanceChargePrepaid"] = new { Period = 1 },
            ["InstanceType"] = request.InstanceType,
            ["SystemDisk"] = Disk(request.SystemDisk),
            ["DataDisks"] = request.DataDisks.Count > 0 ? request.DataDisks.Select(Disk).ToList() : null,
            ["InternetAccessible"] = request.BandwidthMbps > 0
                ? new { InternetChargeType = "BANDWIDTH_PREPAID", InternetMaxBandwidthOut = request.BandwidthMbps, PublicIpAssigned = true }
                : null,
            ["InstanceCount"] = 1,
        };
        return QuoteAsync("cvm", options.Value.Endpoints.Cvm, "InquiryPriceRunInstances", "2017-03-12", request.Region, payload,
            response => Items(VendorCall.Path(response, "Price"), ("instance", "InstancePrice"), ("bandwidth", "BandwidthPrice")), cancellationToken);
    }

    public Task<VendorPrice> GetCdbPriceAsync(TencentCdbPriceRequest request, CancellationToken cancellationToken)
    {
        var payload = new Dictionary<string, object?>
        {
            ["Zone"] = request.Zone, ["GoodsNum"] = 1, ["Memory"] = request.MemoryMb, ["Volume"] = request.VolumeGb, ["Cpu"] = request.Cpu,
            ["PayType"] = "PRE_PAID", ["Period"] = 1, ["InstanceRole"] = request.InstanceRole,
            ["DeviceType"] = request.DeviceType, ["InstanceNodes"] = request.InstanceNodes, ["ProtectMode"] = request.ProtectMode,
        };
        return QuoteAsync("cdb", options.Value.Endpoints.Cdb, "DescribeDBPrice", "2017-03-20", request.Region, payload, response =>
        {
            // DescribeDBPrice answers in fen (1/100 CNY).
            var price = VendorCall.Amount(response, "Price") / 100m;
            var original = VendorCall.Amount(response, "OriginalPrice") / 100m;
            return (price, original ?? price, []);
        }, cancellationToken);
    }

    public Task<VendorPrice> GetClbPriceAsync(TencentClbPriceRequest request, CancellationToken cancellationToken)
    {
        var payload = new Dictionary<string, object?>
        {
            ["LoadBalancerType"] = request.LoadBalancerType, ["LoadBalancerChargeType"] = "POSTPAID", ["GoodsNum"] = 1,
            ["ZoneId"] = request.ZoneId, ["SlaType"] = request.SlaType,
            ["InternetAccessible"] = request.InternetChargeType is null ? null
                : new { InternetChargeType = request.InternetChargeType, InternetMaxBandwidthOut = request.BandwidthMbps },
        };
        return QuoteAsync("clb", options.Value.Endpoints.Clb, "InquiryPriceCreateLoadBalancer", "2018-03-17", request.Region, payload,
            response => Items(VendorCall.Path(response, "Price"), ("instance", "InstancePrice"), ("bandwidth", "BandwidthPrice")), cancellationToken);
    }

    /// <summary>
    /// Tencent's <c>ItemPrice</c>s (yuan): a prepaid item carries the period's <c>DiscountPrice</c>/<c>OriginalPrice</c>;
    /// a pay-as-you-go item an hourly <c>UnitPriceDiscount</c>/<c>UnitPrice</c>; a per-GB item is billed by use and left out.
    /// </summary>
    private (decimal?, decimal?, List<VendorPriceComponent>) Items(JsonElement price, params (string Name, string Field)[] items)
    {
        var components = new List<VendorPriceComponent>();
        foreach (var (name, field) in items)
        {
            var item = VendorCall.Path(price, field);
            if (item.ValueKind != JsonValueKind.Object)
                continue;
            var discount = VendorCall.Amount(item, "DiscountPrice");
            var original = VendorCall.Amount(item, "OriginalPrice");
            if (discount is not null || original is not null)
            {
                components.Add(new VendorPriceComponent(name, discount ?? original!.Value, original ?? discount!.Value));
                continue;
            }
            if (!string.Equals(VendorCall.Text(item, "ChargeUnit"), "HOUR", StringComparison.OrdinalIgnoreCase))
                continue;
            var unit = VendorCall.Amount(item, "UnitPrice");
            var unitDiscount = VendorCall.Amount(item, "UnitPriceDiscount") ?? unit;
            if (unitDiscount is null)
                continue;
            var hours = options.Value.HoursPerMonth;
            components.Add(new VendorPriceComponent(name, unitDiscount.Value * hours, (unit ?? unitDiscount.Value) * hours));
        }
        return components.Count == 0 ? (null, null, components)
            : (components.Sum(c => c.MonthlyCny), components.Sum(c => c.OriginalMonthlyCny), components);
    }

    private async Task<VendorPrice> QuoteAsync(string service, string endpoint, string action, string version, string region,
        Dictionary<string, object?> payload, Func<JsonElement, (decimal? Price, decimal? Original, List<VendorPriceComponent> Components)> read,
        CancellationToken cancellationToken)
    {
        if (!IsConfigured)
            throw new VendorPriceException(PriceVendor.Tencent, action, null, $"not configured: set {TencentPricingOptions.SectionName}:SecretId and :SecretKey");
        var body = JsonSerializer.Serialize(payload.Where(p => p.Value is not null).ToDictionary(), Json);
        return await _cache.GetOrQuoteAsync($"{service}|{action}|{version}|{region}|{body}", async () =>
        {
            using var message = new HttpRequestMessage(HttpMethod.Post, endpoint.TrimEnd('/') + "/")
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            message.Options.Set(TencentSigningHandler.Service, service);
            message.Headers.Add("X-TC-Action", action);
            message.Headers.Add("X-TC-Version", version);
            message.Headers.Add("X-TC-Region", region);
            var (status, answer) = await VendorCall.SendAsync(clients.CreateClient(HttpClientName), message, PriceVendor.Tencent, action, logger, cancellationToken);
            var response = VendorCall.Path(answer, "Response");
            var requestId = VendorCall.Text(response, "RequestId");
            var error = VendorCall.Path(response, "Error");
            if (error.ValueKind == JsonValueKind.Object)
            {
                var code = VendorCall.Text(error, "Code");
                logger.LogInformation("Tencent Cloud {Action} refused: {Code} (request {RequestId})", action, code, requestId);
                throw new VendorPriceException(PriceVendor.Tencent, action, code ?? "unknown", VendorCall.Text(error, "Message") ?? "no message",
                    requestId, unavailable: IsThrottling(code) || code is "InternalError" || code?.StartsWith("InternalError.", StringComparison.Ordinal) == true);
            }
            if ((int)status >= 400 || response.ValueKind != JsonValueKind.Object)
                throw new VendorPriceException(PriceVendor.Tencent, action, $"HTTP {(int)status}", "an answer without the Response object", requestId,
                    unavailable: (int)status >= 500);
            var (price, original, components) = read(response);
            if (price is null)
                throw new VendorPriceException(PriceVendor.Tencent, action, null, "the answer carries no price", requestId);
            return new VendorPrice(PriceVendor.Tencent, service, price.Value, original ?? price.Value, components, requestId);
        });
    }

    private static object Disk(TencentDisk disk) => new { disk.DiskType, DiskSize = disk.DiskSizeGb };

    internal static bool IsThrottling(string? code) => code is not null && code.StartsWith("RequestLimitExceeded", StringComparison.Ordinal);

    internal static bool IsThrottling(JsonElement body) => IsThrottling(VendorCall.Text(VendorCall.Path(body, "Response", "Error"), "Code"));

    public void Dispose() => _cache.Dispose();
}
