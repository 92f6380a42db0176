using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Cmdb.Api.Tests.Pricing;

/// <summary>The API with Alibaba's price API configured (a fake answering with DescribePrice's documented shapes).</summary>
public sealed class LivePricingService : PricingService
{
    public WireMockServer Alibaba { get; } = WireMockServer.Start();

    protected override void Configure(Dictionary<string, string?> settings, IServiceCollection services)
    {
        settings["Pricing:Alibaba:AccessKeyId"] = "test-access-key-id-api";
        settings["Pricing:Alibaba:AccessKeySecret"] = "fake-alibaba-secret-for-api-tests";
        settings["Pricing:Alibaba:Endpoints:Ecs"] = Alibaba.Url;
        settings["Pricing:Alibaba:Endpoints:Rds"] = Alibaba.Url + "/rds";
        settings["Pricing:Alibaba:Endpoints:Redis"] = Alibaba.Url + "/redis";
        settings["Pricing:Alibaba:Timeout"] = "00:00:01";
        settings["Pricing:Alibaba:Retries"] = "1";
        settings["Pricing:Alibaba:RetryDelay"] = "00:00:00.020";
        settings["Pricing:Alibaba:CacheLifetime"] = "00:00:00";
    }

    public override async Task DisposeAsync()
    {
        Alibaba.Stop();
        await base.DisposeAsync();
    }
}

/// <summary>Live prices first when a vendor is configured; its refusal passed on as a 400; its silence falls back to the price book.</summary>
public sealed class LivePriceApiTests(LivePricingService service) : IClassFixture<LivePricingService>
{
    private static object Server(string spec) => new
    {
        items = new[]
        {
            new
            {
                vendor = "alibaba", kind = "server", region = "cn-shanghai",
                parameters = new { spec, systemDisk = new { type = "cloud_essd", size = 40 }, dataDisks = new[] { new { type = "cloud_essd", size = 100 } }, bandwidthMbps = 5 },
            },
        },
    };

    private void Answer(string spec, object body, int status = 200)
    {
        service.Alibaba.Given(Request.Create().UsingGet().WithParam("Action", "DescribePrice").WithParam("InstanceType", spec))
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBodyAsJson(body));
    }

    private static object Priced() => new
    {
        RequestId = "8CE45CD5-31FB-47C2-959D-CA8144CE0002",
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
            Rules = new { Rule = Array.Empty<object>() },
        },
    };

    [Fact]
    public async Task A_configured_vendor_prices_the_item_live_per_component()
    {
        Answer("ecs.g7.xlarge", Priced());

        var result = await service.PostOkAsync("/api/pricing/estimate", Server("ecs.g7.xlarge"));

        var item = result.GetProperty("items")[0];
        var lines = item.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("component").GetString(), l.GetProperty("monthly").GetDecimal(),
            l.GetProperty("source").GetString(), l.GetProperty("sample").GetBoolean())).ToList();
        Assert.Equal([("instance", 850m, "live", false), ("systemDisk", 34m, "live", false), ("dataDisk", 85m, "live", false), ("bandwidth", 34.34m, "live", false)], lines);
        Assert.Equal(1003.34m, item.GetProperty("monthly").GetDecimal());
        Assert.False(result.GetProperty("sample").GetBoolean());
    }

    [Fact]
    public async Task A_vendor_refusal_is_a_400_in_the_vendors_words()
    {
        Answer("ecs.t6-c1m2.large", new
        {
            RequestId = "0B1F1E2A-0000-4000-8000-00000000ABCE", HostId = "ecs.aliyuncs.com", Code = "InvalidSystemDiskCategory.ValueNotSupported",
            Message = "The specified parameter SystemDisk.Category is not valid for instance type ecs.t6-c1m2.large.",
        }, 400);

        var response = await service.As(TestAuth.Requester).PostAsJsonAsync("/api/pricing/estimate", Server("ecs.t6-c1m2.large"));

        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        var message = problem.GetProperty("errors").GetProperty("items[0]")[0].GetString();
        Assert.Contains("InvalidSystemDiskCategory.ValueNotSupported", message);
        Assert.Contains("is not valid for instance type ecs.t6-c1m2.large", message);
        Assert.DoesNotContain("fake-alibaba-secret", problem.ToString());
    }

    [Fact]
    public async Task A_vendor_that_does_not_answer_leaves_the_estimate_to_the_price_book()
    {
        Answer("ecs.c6.xlarge", new { Code = "ServiceUnavailable", Message = "The service is unavailable." }, 503);

        var result = await service.PostOkAsync("/api/pricing/estimate", Server("ecs.c6.xlarge"));

        var lines = result.GetProperty("items")[0].GetProperty("lines").EnumerateArray().ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal("price-book", l.GetProperty("source").GetString()));
        Assert.True(result.GetProperty("sample").GetBoolean());
    }

    [Fact]
    public async Task A_refresh_stores_the_configured_vendors_instance_prices_as_live_and_leaves_the_others()
    {
        service.Alibaba.Given(Request.Create().WithPath("/").UsingGet().WithParam("Action", "DescribePrice")).AtPriority(100)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBodyAsJson(Priced()));

        var refreshed = await service.PostOkAsync("/api/pricing/price-book/refresh", new { }, TestAuth.Admin);

        Assert.True(refreshed.GetProperty("stored").GetInt32() > 0);
        var entries = await service.Db(db => db.PriceBookEntries.AsNoTracking().Where(e => e.Kind == "server" && e.Component == "instance").ToListAsync());
        var g7 = entries.Single(e => e.Vendor == "alibaba" && e.Region == "cn-shanghai" && e.ItemKey == "ecs.g7.xlarge");
        Assert.Equal(("live", 850m), (g7.Source, g7.UnitPrice));
        Assert.All(entries.Where(e => e.Vendor == "tencent"), e => Assert.Equal("sample", e.Source));
        Assert.Equal(HttpStatusCode.Forbidden, (await service.As(TestAuth.Requester).PostAsJsonAsync("/api/pricing/price-book/refresh", new { })).StatusCode);
    }
}
