using System.Diagnostics;
using Cmdb.Integrations.Pricing;
using Cmdb.Integrations.Tests.PuppetCa;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.Server;
using static Cmdb.Integrations.Tests.Pricing.PricingServices;

namespace Cmdb.Integrations.Tests.Pricing;

/// <summary>Alibaba Cloud DescribePrice (ECS, RDS, Redis) against a fake answering with Alibaba's documented shapes.</summary>
public sealed class AlibabaPriceClientTests : IDisposable
{
    private const string KeyId = "test-access-key-id";
    private const string Secret = "fake-alibaba-secret-for-tests";
    private readonly WireMockServer _alibaba = WireMockServer.Start();
    private readonly CapturedLogs _logs = new();

    public void Dispose() => _alibaba.Stop();

    private ServiceProvider Services(string timeout = "00:00:02", string cacheLifetime = "01:00:00", string? keyId = KeyId) => Build(_logs, new()
    {
        ["Pricing:Alibaba:AccessKeyId"] = keyId,
        ["Pricing:Alibaba:AccessKeySecret"] = keyId is null ? null : Secret,
        ["Pricing:Alibaba:Endpoints:Ecs"] = _alibaba.Url,
        ["Pricing:Alibaba:Endpoints:Rds"] = _alibaba.Url + "/rds",
        ["Pricing:Alibaba:Endpoints:Redis"] = _alibaba.Url + "/redis",
        ["Pricing:Alibaba:Timeout"] = timeout,
        ["Pricing:Alibaba:Retries"] = "2",
        ["Pricing:Alibaba:RetryDelay"] = "00:00:00.020",
        ["Pricing:Alibaba:CacheLifetime"] = cacheLifetime,
    });

    private static AlibabaEcsPriceRequest Ecs(string instanceType = "ecs.g7.xlarge", string diskCategory = "cloud_essd") =>
        new("cn-shanghai", instanceType, new AlibabaDisk(diskCategory, 40), [new AlibabaDisk(diskCategory, 100)], 5);

    private IRequestBuilder DescribePrice(string path = "/") => Request.Create().WithPath(path).UsingGet().WithParam("Action", "DescribePrice");

    /// <summary>ECS DescribePrice's documented answer: PriceInfo.Price with DetailInfos per resource, and the applied Rules.</summary>
    private static object EcsAnswer() => new
    {
        RequestId = "8CE45CD5-31FB-47C2-959D-CA8144CE0001",
        PriceInfo = new
        {
            Price = new
            {
                OriginalPrice = 1180.4m, DiscountPrice = 177.06m, Currency = "CNY", TradePrice = 1003.34m,
                DetailInfos = new
                {
                    DetailInfo = new object[]
                    {
                        new { Resource = "instanceType", OriginalPrice = 1000m, DiscountPrice = 150m, TradePrice = 850m },
                        new { Resource = "systemDisk", OriginalPrice = 40m, DiscountPrice = 6m, TradePrice = 34m },
                        new { Resource = "dataDisk", OriginalPrice = 100m, DiscountPrice = 15m, TradePrice = 85m },
                        new { Resource = "bandwidth", OriginalPrice = 40.4m, DiscountPrice = 6.06m, TradePrice = 34.34m },
                    },
                },
            },
            Rules = new { Rule = new[] { new { RuleId = 1234567L, Description = "contract discount 85%" } } },
        },
    };

    private static object Error(string code, string message) =>
        new { RequestId = "0B1F1E2A-0000-4000-8000-00000000ABCD", HostId = "ecs.aliyuncs.com", Code = code, Message = message };

    /// <summary>The fake's check of one request: every parameter signed with the secret, fresh nonce, the documented common parameters.</summary>
    private static Dictionary<string, string> AssertSigned(IRequestMessage request)
    {
        var query = Query(request);
        var signature = query["Signature"];
        Assert.Equal(AlibabaSignature.Sign("GET", query.Where(p => p.Key != "Signature"), Secret), signature);
        Assert.Equal(KeyId, query["AccessKeyId"]);
        Assert.Equal("HMAC-SHA1", query["SignatureMethod"]);
        Assert.Equal("1.0", query["SignatureVersion"]);
        Assert.Equal("JSON", query["Format"]);
        Assert.True(Guid.TryParse(query["SignatureNonce"], out _));
        var timestamp = DateTimeOffset.Parse(query["Timestamp"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True((DateTimeOffset.UtcNow - timestamp).Duration() < TimeSpan.FromMinutes(1), $"stale timestamp {query["Timestamp"]}");
        Assert.EndsWith("Z", query["Timestamp"]);
        return query;
    }

    [Fact]
    public async Task An_ECS_price_is_the_monthly_trade_price_with_the_vendors_components_and_a_valid_signature()
    {
        _alibaba.Given(DescribePrice()).RespondWith(Json(EcsAnswer()));
        using var services = Services();

        var price = await services.GetRequiredService<IAlibabaPriceClient>().GetEcsPriceAsync(Ecs(), default);

        Assert.Equal(1003.34m, price.MonthlyCny);
        Assert.Equal(1180.40m, price.OriginalMonthlyCny);
        Assert.Equal(["instanceType", "systemDisk", "dataDisk", "bandwidth"], price.Components.Select(c => c.Name));
        Assert.Equal(85m, price.Components.Single(c => c.Name == "dataDisk").MonthlyCny);
        Assert.Equal("8CE45CD5-31FB-47C2-959D-CA8144CE0001", price.RequestId);
        var query = AssertSigned(Assert.Single(_alibaba.LogEntries).RequestMessage);
        Assert.Equal("2014-05-26", query["Version"]);
        Assert.Equal("instance", query["ResourceType"]);
        Assert.Equal("cloud_essd", query["SystemDisk.Category"]);
        Assert.Equal("100", query["DataDisk.1.Size"]);
        Assert.Equal("5", query["InternetMaxBandwidthOut"]);
        Assert.Equal(("Month", "1"), (query["PriceUnit"], query["Period"]));
    }

    [Fact]
    public async Task An_RDS_read_only_price_asks_for_the_read_only_commodity_and_reads_PriceInfo()
    {
        _alibaba.Given(DescribePrice("/rds/")).RespondWith(Json(new
        {
            RequestId = "A1B2C3D4-0000-4000-8000-000000000002",
            PriceInfo = new { Currency = "CNY", OriginalPrice = 1200m, DiscountPrice = 180m, TradePrice = 1020m, RuleIds = new { RuleId = new[] { "102002100" } } },
            Rules = new { Rule = new[] { new { RuleId = 102002100L, Name = "contract", Description = "contract discount" } } },
        }));
        using var services = Services();

        var price = await services.GetRequiredService<IAlibabaPriceClient>().GetRdsPriceAsync(
            new AlibabaRdsPriceRequest("cn-shanghai", "MySQL", "8.0", "mysqlro.n2.medium.1c", 100, "cloud_essd", ReadOnly: true), default);

        Assert.Equal((1020m, 1200m), (price.MonthlyCny, price.OriginalMonthlyCny));
        Assert.Empty(price.Components);
        var query = AssertSigned(Assert.Single(_alibaba.LogEntries).RequestMessage);
        Assert.Equal(("2014-08-15", "rds_rordspre_public_cn", "3"), (query["Version"], query["CommodityCode"], query["InstanceUsedType"]));
        Assert.Equal(("100", "Prepaid", "Month", "1"), (query["DBInstanceStorage"], query["PayType"], query["TimeType"], query["UsedTime"]));
    }

    [Fact]
    public async Task A_Redis_price_reads_the_Order_amounts_Alibaba_sends_as_strings()
    {
        _alibaba.Given(DescribePrice("/redis/")).RespondWith(Json(new
        {
            RequestId = "A1B2C3D4-0000-4000-8000-000000000003",
            Order = new { OriginalAmount = "360.00", TradeAmount = "306.00", DiscountAmount = "54.00", Currency = "CNY" },
            SubOrders = new { SubOrder = new[] { new { OriginalAmount = "360.00", TradeAmount = "306.00", DiscountAmount = "54.00" } } },
            Rules = new { Rule = new[] { new { RuleDescId = 1L, Name = "contract", Title = "contract discount" } } },
        }));
        using var services = Services();

        var price = await services.GetRequiredService<IAlibabaPriceClient>().GetRedisPriceAsync(
            new AlibabaRedisPriceRequest("cn-shanghai", "redis.master.small.default"), default);

        Assert.Equal((306m, 360m), (price.MonthlyCny, price.OriginalMonthlyCny));
        var query = AssertSigned(Assert.Single(_alibaba.LogEntries).RequestMessage);
        Assert.Equal(("2015-01-01", "redis.master.small.default", "PrePaid"), (query["Version"], query["InstanceClass"], query["ChargeType"]));
    }

    [Fact]
    public async Task A_disk_type_the_spec_does_not_support_is_refused_with_the_vendors_words_and_not_retried()
    {
        _alibaba.Given(DescribePrice()).RespondWith(Json(Error("InvalidSystemDiskCategory.ValueNotSupported",
            "The specified parameter SystemDisk.Category is not valid for instance type ecs.t5-lc1m1.small."), 400));
        using var services = Services();

        var ex = await Assert.ThrowsAsync<VendorPriceException>(() =>
            services.GetRequiredService<IAlibabaPriceClient>().GetEcsPriceAsync(Ecs("ecs.t5-lc1m1.small", "cloud_essd"), default));

        Assert.Equal(PriceVendor.Alibaba, ex.Vendor);
        Assert.Equal("InvalidSystemDiskCategory.ValueNotSupported", ex.Code);
        Assert.Contains("is not valid for instance type ecs.t5-lc1m1.small", ex.Message);
        Assert.Equal("0B1F1E2A-0000-4000-8000-00000000ABCD", ex.RequestId);
        Assert.False(ex.Unavailable);
        Assert.Single(_alibaba.LogEntries);
    }

    [Fact]
    public async Task A_throttled_answer_is_retried_with_a_fresh_signature_and_then_succeeds()
    {
        _alibaba.Given(DescribePrice()).InScenario("throttle").WillSetStateTo("calm")
            .RespondWith(Json(Error("Throttling.User", "Request was denied due to user flow control."), 400));
        _alibaba.Given(DescribePrice()).InScenario("throttle").WhenStateIs("calm").RespondWith(Json(EcsAnswer()));
        using var services = Services();

        var price = await services.GetRequiredService<IAlibabaPriceClient>().GetEcsPriceAsync(Ecs(), default);

        Assert.Equal(1003.34m, price.MonthlyCny);
        var requests = _alibaba.LogEntries.Select(e => AssertSigned(e.RequestMessage)).ToList();
        Assert.Equal(2, requests.Count);
        Assert.NotEqual(requests[0]["SignatureNonce"], requests[1]["SignatureNonce"]);
        Assert.Contains(_logs.Lines, l => l.Category.StartsWith("Polly", StringComparison.Ordinal));
        AssertNoSecretIn(_logs, Secret, KeyId, "Signature=");
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_is_reported_unavailable()
    {
        _alibaba.Given(DescribePrice()).RespondWith(Json(Error("Throttling", "Request was denied due to request throttling."), 400));
        using var services = Services();

        var ex = await Assert.ThrowsAsync<VendorPriceException>(() => services.GetRequiredService<IAlibabaPriceClient>().GetEcsPriceAsync(Ecs(), default));

        Assert.Equal("Throttling", ex.Code);
        Assert.True(ex.Unavailable);
        Assert.Equal(3, _alibaba.LogEntries.Count());
    }

    [Fact]
    public async Task The_same_request_twice_asks_once_and_other_parameters_ask_again()
    {
        _alibaba.Given(DescribePrice()).RespondWith(Json(EcsAnswer()));
        using var services = Services();
        var client = services.GetRequiredService<IAlibabaPriceClient>();

        var first = await client.GetEcsPriceAsync(Ecs(), default);
        var second = await client.GetEcsPriceAsync(Ecs(), default);
        Assert.Single(_alibaba.LogEntries);
        Assert.Equal(first, second);

        await client.GetEcsPriceAsync(Ecs("ecs.g7.2xlarge"), default);
        Assert.Equal(2, _alibaba.LogEntries.Count());
    }

    [Fact]
    public async Task With_a_zero_cache_lifetime_every_request_asks_the_vendor()
    {
        _alibaba.Given(DescribePrice()).RespondWith(Json(EcsAnswer()));
        using var services = Services(cacheLifetime: "00:00:00");
        var client = services.GetRequiredService<IAlibabaPriceClient>();

        await client.GetEcsPriceAsync(Ecs(), default);
        await client.GetEcsPriceAsync(Ecs(), default);

        Assert.Equal(2, _alibaba.LogEntries.Count());
    }

    [Fact]
    public async Task A_refusal_is_not_cached()
    {
        _alibaba.Given(DescribePrice()).InScenario("once").WillSetStateTo("fixed")
            .RespondWith(Json(Error("InvalidInstanceType.NotFound", "The specified InstanceType does not exist."), 404));
        _alibaba.Given(DescribePrice()).InScenario("once").WhenStateIs("fixed").RespondWith(Json(EcsAnswer()));
        using var services = Services();
        var client = services.GetRequiredService<IAlibabaPriceClient>();

        await Assert.ThrowsAsync<VendorPriceException>(() => client.GetEcsPriceAsync(Ecs(), default));
        Assert.Equal(1003.34m, (await client.GetEcsPriceAsync(Ecs(), default)).MonthlyCny);
    }

    [Fact]
    public async Task A_slow_answer_past_the_timeout_is_retried_then_reported_unavailable()
    {
        _alibaba.Given(DescribePrice()).RespondWith(Json(EcsAnswer()).WithDelay(TimeSpan.FromSeconds(20)));
        using var services = Services(timeout: "00:00:00.300");

        var watch = Stopwatch.StartNew();
        var ex = await Assert.ThrowsAsync<VendorPriceException>(() => services.GetRequiredService<IAlibabaPriceClient>().GetEcsPriceAsync(Ecs(), default));

        Assert.True(ex.Unavailable);
        Assert.Null(ex.Code);
        Assert.Contains("no answer", ex.Message);
        Assert.True(watch.Elapsed >= TimeSpan.FromSeconds(0.9), $"gave up after {watch.Elapsed}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"waited for the slow answer: {watch.Elapsed}");
    }

    [Fact]
    public async Task Neither_the_secret_nor_the_key_id_reaches_the_logs_or_the_error()
    {
        _alibaba.Given(DescribePrice()).InScenario("mixed").WillSetStateTo("ok")
            .RespondWith(Json(Error("InvalidParameter", "The specified parameter is not valid."), 400));
        _alibaba.Given(DescribePrice()).InScenario("mixed").WhenStateIs("ok").RespondWith(Json(EcsAnswer()));
        using var services = Services();
        var client = services.GetRequiredService<IAlibabaPriceClient>();

        var ex = await Assert.ThrowsAsync<VendorPriceException>(() => client.GetEcsPriceAsync(Ecs(), default));
        await client.GetEcsPriceAsync(Ecs(), default);

        AssertNoSecretIn(_logs, Secret, KeyId, "Signature=");
        Assert.Contains(_logs.Lines, l => l.Message.Contains("DescribePrice", StringComparison.Ordinal) && l.Message.Contains("200", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, ex.ToString());
        Assert.DoesNotContain(Secret, services.GetRequiredService<IOptions<AlibabaPricingOptions>>().Value.ToString());
    }

    [Fact]
    public async Task Without_credentials_the_client_is_not_configured_and_asks_nobody()
    {
        using var services = Services(keyId: null);
        var client = services.GetRequiredService<IAlibabaPriceClient>();

        Assert.False(client.IsConfigured);
        var ex = await Assert.ThrowsAsync<VendorPriceException>(() => client.GetEcsPriceAsync(Ecs(), default));
        Assert.Contains("not configured", ex.Message);
        Assert.Empty(_alibaba.LogEntries);
    }

    [Fact]
    public void A_key_id_without_its_secret_is_refused_naming_both_keys()
    {
        using var services = Build(_logs, new() { ["Pricing:Alibaba:AccessKeyId"] = KeyId });

        var ex = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AlibabaPricingOptions>>().Value);
        Assert.Contains("Pricing:Alibaba:AccessKeyId and Pricing:Alibaba:AccessKeySecret go together", ex.Message);
    }
}
