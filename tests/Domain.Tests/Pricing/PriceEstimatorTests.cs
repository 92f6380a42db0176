using Cmdb.Domain.Pricing;
using Cmdb.Domain.Pricing.Catalog;
using Moq;

namespace Cmdb.Domain.Tests.Pricing;

/// <summary>Lines per component: rounding, zero lines, sources, sample labels, Tencent's rules, live prices first, IDC strategies.</summary>
public sealed class PriceEstimatorTests
{
    private static readonly PricingCatalog Catalog = PricingCatalog.Embedded;
    private static readonly ItemResolver Resolver = new(Catalog);
    private static readonly PriceBook Sample = new(SamplePriceBook.Generate(Catalog, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc)));
    private static readonly PriceEstimator Estimator = new(new NotConfiguredLivePriceProvider(), TencentPriceRules.Published);

    private static ResolvedItem Resolve(EstimateItem item)
    {
        var (resolved, problems) = Resolver.Resolve(item);
        Assert.Empty(problems);
        return resolved!;
    }

    private static PriceBookEntry Entry(string kind, string key, string component, string unit, decimal price, string source = PriceSources.Live) => new()
    {
        Vendor = "alibaba", Region = "cn-shanghai", Kind = kind, ItemKey = key, Component = component, Unit = unit, UnitPrice = price, Source = source,
        AsOf = DateTime.UtcNow,
    };

    private static EstimateItem AlibabaServer(long quantity = 1, string image = "aliyun_3_x64_20G_alibase", int bandwidth = 0, params DiskRequest[] data) =>
        new("alibaba", "server", "cn-shanghai", new EstimateParameters
        {
            Spec = "ecs.g7.xlarge", Image = image, SystemDisk = new("cloud_essd", 40), DataDisks = data, BandwidthMbps = bandwidth,
        }, quantity);

    [Fact]
    public async Task Each_line_is_rounded_half_away_from_zero_then_lines_are_summed()
    {
        var book = new PriceBook(
        [
            Entry("server", "ecs.g7.xlarge", "instance", PriceUnits.Month, 100.005m),
            Entry("disk", "cloud_essd", "disk", PriceUnits.GbMonth, 0.0125m),
        ]);
        var item = Resolve(AlibabaServer(data: [new("cloud_essd", 100)]));

        var estimate = await Estimator.EstimateAsync(0, item, book, StrategyBook.Empty, CancellationToken.None);

        Assert.Equal([100.01m, 0.50m, 1.25m], estimate.Lines.Select(l => l.Monthly));
        Assert.Equal(101.76m, estimate.Monthly);
        Assert.Equal(0.13m, Money.Round(0.125m));
        Assert.Equal(-0.13m, Money.Round(-0.125m));
    }

    [Fact]
    public async Task The_quantity_multiplies_before_each_line_is_rounded()
    {
        var book = new PriceBook([Entry("server", "ecs.g7.xlarge", "instance", PriceUnits.Month, 0.333m), Entry("disk", "cloud_essd", "disk", PriceUnits.GbMonth, 0m)]);
        var estimate = await Estimator.EstimateAsync(0, Resolve(AlibabaServer(quantity: 3)), book, StrategyBook.Empty, CancellationToken.None);
        Assert.Equal(1.00m, Assert.Single(estimate.Lines).Monthly);
    }

    [Fact]
    public async Task Zero_lines_are_left_out()
    {
        // A Linux image has no licence line, no bandwidth was asked for, and the disk costs nothing in this book.
        var book = new PriceBook([Entry("server", "ecs.g7.xlarge", "instance", PriceUnits.Month, 500m), Entry("disk", "cloud_essd", "disk", PriceUnits.GbMonth, 0m)]);
        var estimate = await Estimator.EstimateAsync(0, Resolve(AlibabaServer()), book, StrategyBook.Empty, CancellationToken.None);
        Assert.Equal(["instance"], estimate.Lines.Select(l => l.Component));

        var tencentWindows = Resolve(new EstimateItem("tencent", "server", "ap-shanghai",
            new EstimateParameters { Spec = "S6.LARGE8", Image = "img-win2019-dc-cn", BandwidthMbps = 0 }));
        var lines = (await Estimator.EstimateAsync(0, tencentWindows, Sample, StrategyBook.Empty, CancellationToken.None)).Lines;
        Assert.DoesNotContain(lines, l => l.Component == "image" || l.Component == "bandwidth" || l.Monthly == 0);
        Assert.Contains(lines, l => l.Component == "instance");
    }

    [Fact]
    public async Task Every_component_of_a_server_has_a_line_with_its_source()
    {
        var item = Resolve(AlibabaServer(image: "win2019_1809_x64_dtc_zh-cn_40G_alibase", bandwidth: 5, data: [new("cloud_essd", 100), new("cloud_auto", 200)]));
        var estimate = await Estimator.EstimateAsync(0, item, Sample, StrategyBook.Empty, CancellationToken.None);
        Assert.Equal(["instance", "image", "systemDisk", "dataDisk", "dataDisk", "bandwidth"], estimate.Lines.Select(l => l.Component));
        Assert.All(estimate.Lines, l => Assert.Equal(LineSources.PriceBook, l.Source));
        Assert.Equal(estimate.Lines.Sum(l => l.Monthly), estimate.Monthly);
        Assert.Equal("4C16G (ECS.G7.XLARGE)", estimate.SpecDisplay);
    }

    [Fact]
    public async Task Prices_from_the_sample_book_are_labelled_sample_and_the_total_says_so()
    {
        Assert.All(SamplePriceBook.Generate(Catalog, DateTime.UtcNow), e => Assert.Equal(PriceSources.Sample, e.Source));
        var estimate = await Estimator.EstimateAsync(0, Resolve(AlibabaServer()), Sample, StrategyBook.Empty, CancellationToken.None);
        Assert.True(estimate.Sample);
        Assert.All(estimate.Lines, l => Assert.True(l.Sample));
        var result = PriceEstimator.Total([estimate], null);
        Assert.True(result.Sample);
        Assert.Equal(EstimateResult.SampleNotice, result.Notice);

        var live = new PriceBook([Entry("server", "ecs.g7.xlarge", "instance", PriceUnits.Month, 500m), Entry("disk", "cloud_essd", "disk", PriceUnits.GbMonth, 1m)]);
        var real = await Estimator.EstimateAsync(0, Resolve(AlibabaServer()), live, StrategyBook.Empty, CancellationToken.None);
        Assert.False(real.Sample);
        Assert.Null(PriceEstimator.Total([real], null).Notice);
        Assert.All(real.Lines, l => Assert.Equal(LineSources.Live, l.Source));
    }

    [Fact]
    public async Task Tencent_disks_are_priced_by_the_published_rule_size_times_the_type_price()
    {
        var rules = TencentPriceRules.Published;
        var item = Resolve(new EstimateItem("tencent", "disk", "ap-shanghai", new EstimateParameters { DiskType = "CLOUD_SSD", Size = 500 }, 2));
        var line = Assert.Single((await Estimator.EstimateAsync(0, item, PriceBook.Empty, StrategyBook.Empty, CancellationToken.None)).Lines);
        Assert.Equal(LineSources.Rule, line.Source);
        Assert.Equal(1.00m, line.UnitPrice);
        Assert.Equal(1000.00m, line.Monthly);
        Assert.True(line.Sample);

        var hk = Resolve(new EstimateItem("tencent", "disk", "ap-hongkong", new EstimateParameters { DiskType = "CLOUD_PREMIUM", Size = 110 }));
        var hkLine = Assert.Single((await Estimator.EstimateAsync(0, hk, PriceBook.Empty, StrategyBook.Empty, CancellationToken.None)).Lines);
        Assert.Equal(Money.Round(110 * 0.35m * rules.HongKongFactor), hkLine.Monthly);
    }

    [Fact]
    public async Task Tencent_mariadb_is_priced_by_its_rule_per_node()
    {
        var item = Resolve(new EstimateItem("tencent", "rds", "ap-shanghai", new EstimateParameters { Engine = "mariadb", Class = "mariadb.s2.4c8g", Storage = 100 }));
        var lines = (await Estimator.EstimateAsync(0, item, PriceBook.Empty, StrategyBook.Empty, CancellationToken.None)).Lines;
        Assert.Equal([("instance", 2 * (4 * 45m + 8 * 20m)), ("storage", 100 * 0.60m * 2)], lines.Select(l => (l.Component, l.Monthly)));
        Assert.All(lines, l => Assert.Equal(LineSources.Rule, l.Source));
    }

    [Fact]
    public async Task A_live_price_wins_over_the_price_book()
    {
        var live = new Mock<ILivePriceProvider>();
        live.Setup(l => l.TryPriceAsync(It.IsAny<ResolvedItem>(), It.IsAny<CancellationToken>()))
            .Returns(Task.FromResult<LivePrice?>(new LivePrice([new("instance", "from DescribePrice", 321.456m), new("systemDisk", "from DescribePrice", 0m)], DateTime.UtcNow)));
        var estimator = new PriceEstimator(live.Object, TencentPriceRules.Published);
        var estimate = await estimator.EstimateAsync(0, Resolve(AlibabaServer(quantity: 2)), Sample, StrategyBook.Empty, CancellationToken.None);
        var line = Assert.Single(estimate.Lines);
        Assert.Equal((LineSources.Live, 642.91m, false), (line.Source, line.Monthly, line.Sample));
    }

    [Fact]
    public async Task A_missing_price_is_reported_not_guessed()
    {
        var estimate = await Estimator.EstimateAsync(0, Resolve(AlibabaServer()), PriceBook.Empty, StrategyBook.Empty, CancellationToken.None);
        Assert.Empty(estimate.Lines);
        Assert.Equal(0m, estimate.Monthly);
        Assert.Contains(estimate.Unpriced, u => u.Contains("ecs.g7.xlarge"));
    }

    [Fact]
    public async Task Idc_items_use_the_most_specific_strategy()
    {
        static PricingStrategy S(long id, string type, string env, string host, string cloud, string unit, decimal price) =>
            new() { Id = id, ResourceType = type, Env = env, HostEnv = host, Cloud = cloud, Unit = unit, UnitPrice = price };
        var strategies = new StrategyBook(
        [
            S(1, "cpu", "*", "*", "idc", "CORE", 10m), S(2, "cpu", "prod", "*", "idc", "CORE", 20m), S(3, "cpu", "prod", "vmware", "idc", "CORE", 30m),
            S(4, "memory", "*", "*", "idc", "GB", 5m), S(5, "disk", "*", "*", "idc", "TB", 102.4m),
        ]);
        var item = Resolve(new EstimateItem("idc", "server", null, new EstimateParameters { Cpu = 4, Memory = 8, Size = 512, Env = "prod", HostEnv = "vmware" }));
        var estimate = await Estimator.EstimateAsync(0, item, PriceBook.Empty, strategies, CancellationToken.None);
        Assert.Equal([("cpu", 120m), ("memory", 40m), ("disk", 51.20m)], estimate.Lines.Select(l => (l.Component, l.Monthly)));
        Assert.All(estimate.Lines, l => Assert.Equal(LineSources.IdcStrategy, l.Source));

        var test = Resolve(new EstimateItem("idc", "server", null, new EstimateParameters { Cpu = 4, Env = "test", HostEnv = "kvm" }));
        Assert.Equal(40m, (await Estimator.EstimateAsync(0, test, PriceBook.Empty, strategies, CancellationToken.None)).Monthly);
        Assert.Equal(2, strategies.Find("cpu", "prod", "kvm", "office")!.Id);
    }

    [Fact]
    public void Strategy_fields_are_stored_trimmed_lower_case_with_the_unit_upper_case()
    {
        var strategy = new PricingStrategy { ResourceType = " CPU ", Env = "Prod", HostEnv = " VMware", Cloud = "IDC ", Unit = " core ", Note = "  ", UnitPrice = 1 };
        strategy.Normalise();
        Assert.Equal(("cpu", "prod", "vmware", "idc", "CORE", (string?)null), (strategy.ResourceType, strategy.Env, strategy.HostEnv, strategy.Cloud, strategy.Unit, strategy.Note));
    }

    [Fact]
    public void The_other_vendor_gets_the_spec_with_the_same_cpu_and_memory_newest_first()
    {
        var mapper = new VendorMapper(Catalog);
        var (mapped, note) = mapper.Map(Resolve(new EstimateItem("alibaba", "server", "cn-shanghai",
            new EstimateParameters { Spec = "ecs.c7.xlarge", SystemDisk = new("cloud_essd", 40), DataDisks = [new("cloud_essd", 105)] })), "tencent");
        var server = Assert.IsType<ResolvedServer>(mapped);
        Assert.Equal(("ap-shanghai", "S6.LARGE8", "CLOUD_HSSD", 110L), (server.Region, server.Spec.Id, server.DataDisks[0].Type.Id, server.DataDisks[0].Size));
        Assert.Contains("4C8G (S6.LARGE8)", note);

        var (bigger, _) = mapper.Map(Resolve(new EstimateItem("tencent", "server", "ap-hongkong", new EstimateParameters { Spec = "S6.MEDIUM8" })), "alibaba");
        Assert.Equal(("cn-hongkong", "ecs.g7.large"), (bigger!.Region, ((ResolvedServer)bigger).Spec.Id));

        var (rds, _) = mapper.Map(Resolve(new EstimateItem("alibaba", "rds", "cn-shanghai",
            new EstimateParameters { Engine = "mysql", Class = "mysql.n4.large.2c", Storage = 4000 })), "tencent");
        Assert.Equal(("cdb.s2.4c16g", 3000L), (((ResolvedRds)rds!).Class.Id, ((ResolvedRds)rds).Storage));
    }
}
