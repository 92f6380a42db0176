using System.Diagnostics;
using System.Text.Json;
using Cmdb.Integrations.Pricing;
using Cmdb.Integrations.Tests.PuppetCa;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.Server;
using static Cmdb.Integrations.Tests.Pricing.PricingServices;

namespace Cmdb.Integrations.Tests.Pricing;

/// <summary>Tencent Cloud price inquiries (CVM, CDB, CLB) against a fake answering with Tencent's API 3.0 shapes.</summary>
public sealed class TencentPriceClientTests : IDisposable
{
    private const string SecretId = "test-secret-id";
    private const string SecretKey = "fake-tencent-secret-key-for-tests";
    private readonly WireMockServer _tencent = WireMockServer.Start();
    private readonly CapturedLogs _logs = new();

    public void Dispose() => _tencent.Stop();

    private ServiceProvider Services(string timeout = "00:00:02", int requestsPerSecond = 100, string? secretId = SecretId) => Build(_logs, new()
    {
        ["Pricing:Tencent:SecretId"] = secretId,
        ["Pricing:Tencent:SecretKey"] = secretId is null ? null : SecretKey,
        ["Pricing:Tencent:Endpoints:Cvm"] = _tencent.Url,
        ["Pricing:Tencent:Endpoints:Cdb"] = _tencent.Url,
        ["Pricing:Tencent:Endpoints:Clb"] = _tencent.Url,
        ["Pricing:Tencent:Timeout"] = timeout,
        ["Pricing:Tencent:Retries"] = "2",
        ["Pricing:Tencent:RetryDelay"] = "00:00:00.020",
        ["Pricing:Tencent:RequestsPerSecond"] = requestsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    private IRequestBuilder Action(string action) => Request.Create().WithPath("/").UsingPost().WithHeader("X-TC-Action", action);

    private static TencentCvmPriceRequest Cvm(string instanceType = "S5.LARGE8", string diskType = "CLOUD_PREMIUM") =>
        new("ap-shanghai", "ap-shanghai-2", instanceType, "img-l8og963d", new TencentDisk(diskType, 50), [new TencentDisk(diskType, 100)], 5);

    private static TencentCdbPriceRequest Cdb(int volumeGb = 100) => new("ap-shanghai", "ap-shanghai-2", 2, 4000, volumeGb, DeviceType: "UNIVERSAL");

    private static object Ok(object fields) => new { Response = fields };

    private static object Error(string code, string message) =>
        new { Response = new { Error = new { Code = code, Message = message }, RequestId = "6ef60bec-0242-43af-bb20-270359fb0001" } };

    private static object CvmAnswer() => Ok(new
    {
        Price = new
        {
            InstancePrice = new { OriginalPrice = 1227.0m, DiscountPrice = 1104.3m, Discount = 90 },
            BandwidthPrice = new { OriginalPrice = 115.0m, DiscountPrice = 103.5m, Discount = 90 },
        },
        RequestId = "6ef60bec-0242-43af-bb20-270359fb0002",
    });

    private static readonly Dictionary<string, string> Services_ = new()
    {
        ["InquiryPriceRunInstances"] = "cvm", ["DescribeDBPrice"] = "cdb", ["InquiryPriceCreateLoadBalancer"] = "clb",
    };

    /// <summary>The fake's check of one request: the TC3 Authorization recomputed from what arrived (host, content type, body, timestamp).</summary>
    private static JsonElement AssertSigned(IRequestMessage request, string version)
    {
        var action = Header(request, "X-TC-Action");
        var timestamp = long.Parse(Header(request, "X-TC-Timestamp"), System.Globalization.CultureInfo.InvariantCulture);
        var expected = TencentSignature.Sign(SecretId, SecretKey, Services_[action], Header(request, "Host"), request.Body!, timestamp,
            Header(request, "Content-Type"));
        Assert.Equal(expected.Authorization, Header(request, "Authorization"));
        Assert.StartsWith($"TC3-HMAC-SHA256 Credential={SecretId}/", Header(request, "Authorization"));
        Assert.Equal(version, Header(request, "X-TC-Version"));
        Assert.Equal("ap-shanghai", Header(request, "X-TC-Region"));
        Assert.True(Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - timestamp) < 60);
        return JsonDocument.Parse(request.Body!).RootElement.Clone();
    }

    [Fact]
    public async Task A_CVM_price_is_the_sum_of_the_discounted_items_in_yuan_with_a_valid_signature()
    {
        _tencent.Given(Action("InquiryPriceRunInstances")).RespondWith(Json(CvmAnswer()));
        using var services = Services();

        var price = await services.GetRequiredService<ITencentPriceClient>().GetCvmPriceAsync(Cvm(), default);

        Assert.Equal((1207.8m, 1342.0m), (price.MonthlyCny, price.OriginalMonthlyCny));
        Assert.Equal([("instance", 1104.3m), ("bandwidth", 103.5m)], price.Components.Select(c => (c.Name, c.MonthlyCny)));
        Assert.Equal("6ef60bec-0242-43af-bb20-270359fb0002", price.RequestId);
        var body = AssertSigned(Assert.Single(_tencent.LogEntries).RequestMessage, "2017-03-12");
        Assert.Equal("PREPAID", body.GetProperty("InstanceChargeType").GetString());
        Assert.Equal(1, body.GetProperty("InstanceChargePrepaid").GetProperty("Period").GetInt32());
        Assert.Equal("ap-shanghai-2", body.GetProperty("Placement").GetProperty("Zone").GetString());
        Assert.Equal(("CLOUD_PREMIUM", 50), (body.GetProperty("SystemDisk").GetProperty("DiskType").GetString(), body.GetProperty("SystemDisk").GetProperty("DiskSize").GetInt32()));
        Assert.Equal(100, body.GetProperty("DataDisks")[0].GetProperty("DiskSize").GetInt32());
        Assert.Equal("BANDWIDTH_PREPAID", body.GetProperty("InternetAccessible").GetProperty("InternetChargeType").GetString());
    }

    [Fact]
    public async Task A_CDB_price_in_fen_becomes_yuan()
    {
        _tencent.Given(Action("DescribeDBPrice")).RespondWith(Json(Ok(new
        {
            Price = 78550, OriginalPrice = 87200, Currency = "CNY", RequestId = "6ef60bec-0242-43af-bb20-270359fb0003",
        })));
        using var services = Services();

        var price = await services.GetRequiredService<ITencentPriceClient>().GetCdbPriceAsync(Cdb(), default);

        Assert.Equal((785.50m, 872.00m), (price.MonthlyCny, price.OriginalMonthlyCny));
        var body = AssertSigned(Assert.Single(_tencent.LogEntries).RequestMessage, "2017-03-20");
        Assert.Equal(("PRE_PAID", 4000, 100), (body.GetProperty("PayType").GetString(), body.GetProperty("Memory").GetInt32(), body.GetProperty("Volume").GetInt32()));
        Assert.False(body.TryGetProperty("InstanceNodes", out _));
    }

    [Fact]
    public async Task A_CLB_hourly_price_is_turned_into_a_month_of_730_hours_and_usage_billed_parts_are_left_out()
    {
        _tencent.Given(Action("InquiryPriceCreateLoadBalancer")).RespondWith(Json(Ok(new
        {
            Price = new
            {
                InstancePrice = new { UnitPrice = 0.02m, ChargeUnit = "HOUR", UnitPriceDiscount = 0.02m, Discount = 100 },
                BandwidthPrice = new { UnitPrice = 0.063m, ChargeUnit = "HOUR", UnitPriceDiscount = 0.063m, Discount = 100 },
                LcuPrice = new { UnitPrice = 0.21m, ChargeUnit = "HOUR", UnitPriceDiscount = 0.21m, Discount = 100 },
            },
            RequestId = "6ef60bec-0242-43af-bb20-270359fb0004",
        })));
        using var services = Services();

        var price = await services.GetRequiredService<ITencentPriceClient>().GetClbPriceAsync(
            new TencentClbPriceRequest("ap-shanghai", "OPEN", "clb.c2.medium", "BANDWIDTH_POSTPAID_BY_HOUR", 10), default);

        Assert.Equal([("instance", 14.60m), ("bandwidth", 45.99m)], price.Components.Select(c => (c.Name, c.MonthlyCny)));
        Assert.Equal(60.59m, price.MonthlyCny);
        var body = AssertSigned(Assert.Single(_tencent.LogEntries).RequestMessage, "2018-03-17");
        Assert.Equal(("OPEN", "POSTPAID", "clb.c2.medium"),
            (body.GetProperty("LoadBalancerType").GetString(), body.GetProperty("LoadBalancerChargeType").GetString(), body.GetProperty("SlaType").GetString()));
    }

    [Fact]
    public async Task A_disk_type_the_spec_does_not_support_is_refused_with_the_vendors_words_and_not_retried()
    {
        _tencent.Given(Action("InquiryPriceRunInstances")).RespondWith(Json(Error("InvalidParameterValue.InvalidDiskType",
            "The disk type `CLOUD_BSSD` is not supported by instance type `S5.LARGE8`.")));
        using var services = Services();

        var ex = await Assert.ThrowsAsync<VendorPriceException>(() =>
            services.GetRequiredService<ITencentPriceClient>().GetCvmPriceAsync(Cvm(diskType: "CLOUD_BSSD"), default));

        Assert.Equal(PriceVendor.Tencent, ex.Vendor);
        Assert.Equal("InvalidParameterValue.InvalidDiskType", ex.Code);
        Assert.Contains("`CLOUD_BSSD` is not supported by instance type `S5.LARGE8`", ex.Message);
        Assert.Equal("6ef60bec-0242-43af-bb20-270359fb0001", ex.RequestId);
        Assert.False(ex.Unavailable);
        Assert.Single(_tencent.LogEntries);
    }

    [Fact]
    public async Task RequestLimitExceeded_is_retried_and_then_succeeds()
    {
        _tencent.Given(Action("InquiryPriceRunInstances")).InScenario("limit").WillSetStateTo("calm").RespondWith(Json(Error("RequestLimitExceeded",
            "Your current request times equals to `11` in a second, which exceeds the frequency limit `10` for a second. Please reduce the frequency of calls.")));
        _tencent.Given(Action("InquiryPriceRunInstances")).InScenario("limit").WhenStateIs("calm").RespondWith(Json(CvmAnswer()));
        using var services = Services();

        var price = await services.GetRequiredService<ITencentPriceClient>().GetCvmPriceAsync(Cvm(), default);

        Assert.Equal(1207.8m, price.MonthlyCny);
        Assert.Equal(2, _tencent.LogEntries.Count());
        foreach (var entry in _tencent.LogEntries)
            AssertSigned(entry.RequestMessage, "2017-03-12");
        // The retry is logged by the resilience pipeline too; none of it may carry the credentials.
        Assert.Contains(_logs.Lines, l => l.Category.StartsWith("Polly", StringComparison.Ordinal));
        AssertNoSecretIn(_logs, SecretKey, SecretId, "Signature=");
    }

    [Fact]
    public async Task RequestLimitExceeded_that_outlasts_the_retries_is_reported_unavailable()
    {
        _tencent.Given(Action("DescribeDBPrice")).RespondWith(Json(Error("RequestLimitExceeded", "Your current request times exceeds the frequency limit.")));
        using var services = Services();

        var ex = await Assert.ThrowsAsync<VendorPriceException>(() => services.GetRequiredService<ITencentPriceClient>().GetCdbPriceAsync(Cdb(), default));

        Assert.Equal("RequestLimitExceeded", ex.Code);
        Assert.True(ex.Unavailable);
        Assert.Equal(3, _tencent.LogEntries.Count());
    }

    [Fact]
    public async Task The_rate_limiter_spaces_requests_at_least_one_Nth_of_a_second_apart()
    {
        _tencent.Given(Action("DescribeDBPrice")).RespondWith(Json(Ok(new { Price = 100, OriginalPrice = 100, Currency = "CNY", RequestId = "r" })));
        using var services = Services(requestsPerSecond: 5);
        var client = services.GetRequiredService<ITencentPriceClient>();

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => client.GetCdbPriceAsync(Cdb(100 + i * 5), default)));

        var arrivals = _tencent.LogEntries.Select(e => e.RequestMessage.DateTime).Order().ToList();
        Assert.Equal(6, arrivals.Count);
        // 5 per second: one at once, then one every 200 ms (timer jitter allowed for).
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(800), $"6 requests took only {watch.Elapsed}");
        var gaps = arrivals.Zip(arrivals.Skip(1), (a, b) => b - a).ToList();
        Assert.True(gaps.All(g => g >= TimeSpan.FromMilliseconds(100)), "gaps: " + string.Join(", ", gaps.Select(g => g.TotalMilliseconds)));
    }

    [Fact]
    public async Task The_same_request_twice_asks_once_and_other_parameters_ask_again()
    {
        _tencent.Given(Action("InquiryPriceRunInstances")).RespondWith(Json(CvmAnswer()));
        using var services = Services();
        var client = services.GetRequiredService<ITencentPriceClient>();

        await client.GetCvmPriceAsync(Cvm(), default);
        await client.GetCvmPriceAsync(Cvm(), default);
        Assert.Single(_tencent.LogEntries);

        await client.GetCvmPriceAsync(Cvm("S5.2XLARGE16"), default);
        Assert.Equal(2, _tencent.LogEntries.Count());
    }

    [Fact]
    public async Task A_slow_answer_past_the_timeout_is_retried_then_reported_unavailable()
    {
        _tencent.Given(Action("InquiryPriceRunInstances")).RespondWith(Json(CvmAnswer()).WithDelay(TimeSpan.FromSeconds(20)));
        using var services = Services(timeout: "00:00:00.300");

        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<VendorPriceException>(() => services.GetRequiredService<ITencentPriceClient>().GetCvmPriceAsync(Cvm(), default));

        Assert.True(ex.Unavailable);
        Assert.Contains("no answer", ex.Message);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"gave up after {watch.Elapsed}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"waited for the slow answer: {watch.Elapsed}");
    }

    [Fact]
    public async Task The_secret_key_reaches_neither_the_logs_nor_the_error_nor_the_options_text()
    {
        _tencent.Given(Action("DescribeDBPrice")).RespondWith(Json(Error("AuthFailure.SignatureFailure", "The provided credentials could not be validated.")));
        using var services = Services();

        var ex = await Assert.ThrowsAsync<VendorPriceException>(() => services.GetRequiredService<ITencentPriceClient>().GetCdbPriceAsync(Cdb(), default));

        AssertNoSecretIn(_logs, SecretKey, SecretId);
        Assert.Contains(_logs.Lines, l => l.Message.Contains("AuthFailure.SignatureFailure", StringComparison.Ordinal));
        Assert.DoesNotContain(SecretKey, ex.ToString());
        var options = services.GetRequiredService<IOptions<TencentPricingOptions>>().Value.ToString();
        Assert.DoesNotContain(SecretKey, options);
        Assert.DoesNotContain(SecretId, options);
        Assert.Contains(SecretId[..4] + "***", options);
    }

    [Fact]
    public async Task Without_credentials_the_client_is_not_configured_and_asks_nobody()
    {
        using var services = Services(secretId: null);
        var client = services.GetRequiredService<ITencentPriceClient>();

        Assert.False(client.IsConfigured);
        await Assert.ThrowsAsync<VendorPriceException>(() => client.GetCdbPriceAsync(Cdb(), default));
        Assert.Empty(_tencent.LogEntries);
    }
}
