using System.Net;
using System.Net.Http.Json;

namespace Cmdb.Api.Tests.Pricing;

public sealed class EstimateApiTests(PricingService service) : IClassFixture<PricingService>
{
    private static object Server(string vendor, string region, string spec, long quantity = 1, object? dataDisks = null, int bandwidth = 0) => new
    {
        vendor, kind = "server", region, quantity,
        parameters = new { spec, systemDisk = new { type = vendor == "alibaba" ? "cloud_essd" : "CLOUD_PREMIUM", size = 40 }, dataDisks, bandwidthMbps = bandwidth },
    };

    [Fact]
    public async Task An_estimate_from_the_sample_price_book_gives_lines_per_component_labelled_sample()
    {
        var result = await service.PostOkAsync("/api/pricing/estimate", new
        {
            items = new object[]
            {
                Server("alibaba", "cn-shanghai", "ecs.g7.xlarge", 2, new[] { new { type = "cloud_essd", size = 100 } }, bandwidth: 5),
                new { vendor = "tencent", kind = "rds", region = "ap-shanghai", parameters = new { engine = "mysql", @class = "cdb.s2.2c4g", storage = 100 } },
            },
        });

        Assert.Equal("CNY", result.GetProperty("currency").GetString());
        Assert.True(result.GetProperty("sample").GetBoolean());
        Assert.Contains("sample data", result.GetProperty("notice").GetString());
        var items = result.GetProperty("items").EnumerateArray().ToList();
        var server = items[0];
        Assert.Equal("4C16G (ECS.G7.XLARGE)", server.GetProperty("specDisplay").GetString());
        var lines = server.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(["instance", "systemDisk", "dataDisk", "bandwidth"], lines.Select(l => l.GetProperty("component").GetString()));
        Assert.All(lines, l => Assert.Equal(("price-book", true), (l.GetProperty("source").GetString(), l.GetProperty("sample").GetBoolean())));
        Assert.All(lines, l => Assert.Equal(decimal.Round(l.GetProperty("monthly").GetDecimal(), 2), l.GetProperty("monthly").GetDecimal()));
        Assert.Equal(lines.Sum(l => l.GetProperty("monthly").GetDecimal()), server.GetProperty("monthly").GetDecimal());
        Assert.Equal(items.Sum(i => i.GetProperty("monthly").GetDecimal()), result.GetProperty("monthly").GetDecimal());
        Assert.Equal(["instance", "storage"], items[1].GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("component").GetString()));
    }

    [Fact]
    public async Task Compare_prices_the_request_at_both_vendors_and_says_which_spec_was_chosen()
    {
        var result = await service.PostOkAsync("/api/pricing/estimate?compare=true", new
        {
            items = new object[] { Server("alibaba", "cn-hongkong", "ecs.c6.xlarge", dataDisks: new[] { new { type = "cloud_efficiency", size = 200 } }) },
        });

        var columns = result.GetProperty("comparison").EnumerateArray().ToList();
        Assert.Equal(["alibaba", "tencent"], columns.Select(c => c.GetProperty("vendor").GetString()));
        var tencent = Assert.Single(columns[1].GetProperty("items").EnumerateArray());
        Assert.Equal(("ap-hongkong", "S6.LARGE8"), (tencent.GetProperty("region").GetString(), tencent.GetProperty("spec").GetString()));
        Assert.Contains("4C8G (S6.LARGE8)", tencent.GetProperty("mappedFrom").GetString());
        var disk = tencent.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("component").GetString() == "dataDisk");
        Assert.Equal(("rule", "CLOUD_PREMIUM"), (disk.GetProperty("source").GetString(), disk.GetProperty("itemKey").GetString()));
        Assert.Equal(result.GetProperty("monthly").GetDecimal(), columns[0].GetProperty("monthly").GetDecimal());
        Assert.True(columns[1].GetProperty("monthly").GetDecimal() > 0);
    }

    [Fact]
    public async Task An_idc_item_is_priced_by_the_strategies()
    {
        var env = "env-" + Guid.NewGuid().ToString("N")[..8];
        await service.PostOkAsync("/api/pricing/strategies", new { resourceType = "cpu", env, hostEnv = "*", cloud = "idc", unit = "core", unitPrice = 12.5m }, TestAuth.Admin);
        var result = await service.PostOkAsync("/api/pricing/estimate", new
        {
            items = new[] { new { vendor = "idc", kind = "server", quantity = 3, parameters = new { cpu = 8, memory = 16, env = env.ToUpperInvariant() } } },
        });
        var item = Assert.Single(result.GetProperty("items").EnumerateArray());
        var line = Assert.Single(item.GetProperty("lines").EnumerateArray());
        Assert.Equal(("idc-strategy", 300m), (line.GetProperty("source").GetString(), line.GetProperty("monthly").GetDecimal()));
        Assert.Contains(item.GetProperty("unpriced").EnumerateArray(), u => u.GetString()!.StartsWith("memory: no pricing strategy"));
        Assert.False(result.GetProperty("sample").GetBoolean());
    }

    public static TheoryData<string, object, string, string> BadItems() => new()
    {
        { "unknown vendor", new { vendor = "aws", kind = "server", region = "us-east-1" }, "items[0].vendor", "alibaba, tencent, idc" },
        { "unknown kind", new { vendor = "tencent", kind = "kafka", region = "ap-shanghai" }, "items[0].kind", "server, disk, rds, redis, lb" },
        { "unknown region", new { vendor = "tencent", kind = "server", region = "cn-shanghai", parameters = new { spec = "S6.LARGE8" } }, "items[0].region", "ap-shanghai, ap-hongkong" },
        { "unknown spec", new { vendor = "tencent", kind = "server", region = "ap-shanghai", parameters = new { spec = "S9.HUGE" } }, "items[0].parameters.spec", "S6.LARGE8" },
        { "unsupported disk", Server("tencent", "ap-shanghai", "S5.LARGE8", dataDisks: new[] { new { type = "CLOUD_HSSD", size = 100 } }), "items[0].parameters.dataDisks[0].type", "CLOUD_PREMIUM, CLOUD_SSD" },
        { "storage off step", new { vendor = "alibaba", kind = "rds", region = "cn-shanghai", parameters = new { engine = "mysql", @class = "mysql.n2.medium.2c", storage = 105 } }, "items[0].parameters.storage", "20–64000 GB in steps of 10" },
        { "storage too large", new { vendor = "tencent", kind = "rds", region = "ap-shanghai", parameters = new { engine = "mysql", @class = "cdb.s2.2c4g", storage = 3005 } }, "items[0].parameters.storage", "25–3000 GB in steps of 5" },
        { "negative quantity", Server("alibaba", "cn-shanghai", "ecs.g7.large", quantity: -1), "items[0].quantity", "1–10,000" },
        { "huge quantity", Server("alibaba", "cn-shanghai", "ecs.g7.large", quantity: 5_000_000_000), "items[0].quantity", "1–10,000" },
    };

    [Theory]
    [MemberData(nameof(BadItems))]
    public async Task Bad_input_is_a_400_naming_the_field_and_the_allowed_values(string what, object item, string field, string allowed)
    {
        var response = await service.As(TestAuth.Requester).PostAsJsonAsync("/api/pricing/estimate", new { items = new[] { item } });
        var problem = await response.AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"{what}: {problem}");
        Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(allowed));
    }

    [Fact]
    public async Task More_than_1000_items_or_none_are_refused()
    {
        var item = Server("alibaba", "cn-shanghai", "ecs.g7.large");
        var tooMany = await (await service.As(TestAuth.Requester).PostAsJsonAsync("/api/pricing/estimate", new { items = Enumerable.Repeat(item, 1001) }))
            .AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("1,000", tooMany.GetProperty("errors").GetProperty("items")[0].GetString());
        var none = await (await service.As(TestAuth.Requester).PostAsJsonAsync("/api/pricing/estimate", new { items = Array.Empty<object>() }))
            .AssertProblem(HttpStatusCode.BadRequest);
        Assert.True(none.GetProperty("errors").TryGetProperty("items", out _));
        var ok = await service.PostOkAsync("/api/pricing/estimate", new { items = Enumerable.Repeat(item, 1000) });
        Assert.Equal(1000, ok.GetProperty("items").GetArrayLength());
    }

    [Fact]
    public async Task Unreadable_json_is_a_400_not_a_500()
    {
        using var content = new StringContent("""{"items":[{"vendor":"alibaba","quantity":"many"}]}""", System.Text.Encoding.UTF8, "application/json");
        await (await service.As(TestAuth.Requester).PostAsync("/api/pricing/estimate", content)).AssertProblem(HttpStatusCode.BadRequest);
    }
}
