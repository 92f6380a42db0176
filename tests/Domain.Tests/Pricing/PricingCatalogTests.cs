using Cmdb.Domain.Pricing;
using Cmdb.Domain.Pricing.Catalog;

namespace Cmdb.Domain.Tests.Pricing;

/// <summary>The checked-in catalogues: display format, order, images once, regions, disk type support.</summary>
public sealed class PricingCatalogTests
{
    private static readonly PricingCatalog Catalog = PricingCatalog.Embedded;

    [Fact]
    public void A_spec_is_shown_as_cpu_C_memory_G_and_its_id_in_capitals()
    {
        var spec = Catalog.Region("tencent", "ap-shanghai")!.Spec("S5.LARGE8")!;
        Assert.Equal("4C8G (S5.LARGE8)", spec.Display);
        Assert.Equal("2C4G (ECS.C7.LARGE)", Catalog.Region("alibaba", "cn-shanghai")!.Spec("ecs.c7.large")!.Display);
        Assert.Equal("1C0.5G (T.NANO)", new ServerSpec("t.nano", "t", 1, 1, 0.5m).Display);
    }

    [Fact]
    public void Specs_sort_by_cpu_then_memory_then_newest_generation_first()
    {
        var sorted = RegionCatalog.SortSpecs(
        [
            new("b.old", "b", 5, 4, 8), new("a.big", "a", 6, 8, 16), new("c.new", "c", 6, 4, 8), new("d.mem", "d", 3, 4, 16), new("e.small", "e", 2, 2, 4),
        ]);
        Assert.Equal(["e.small", "c.new", "b.old", "d.mem", "a.big"], sorted.Select(s => s.Id));

        var tencent = Catalog.Region("tencent", "ap-shanghai")!.Specs.Where(s => s.Cpu == 4 && s.Memory == 8).Select(s => s.Id);
        Assert.Equal(["S6.LARGE8", "S5.LARGE8", "SA3.LARGE8"], tencent);
        var all = Catalog.Region("alibaba", "cn-shanghai")!.Specs;
        Assert.Equal(all.OrderBy(s => s.Cpu).ThenBy(s => s.Memory).ThenByDescending(s => s.Generation).Select(s => s.Id), all.Select(s => s.Id));
    }

    [Fact]
    public void Images_listed_twice_appear_once()
    {
        Assert.Equal(2, Catalog.Vendor("tencent")!.Images.Count(i => i.Id == "img-centos79-x64"));
        var images = Catalog.Region("tencent", "ap-shanghai")!.Images;
        Assert.Single(images, i => i.Id == "img-centos79-x64");
        Assert.Equal(images.Count, images.Select(i => i.Id).Distinct().Count());
        Assert.Single(Catalog.Region("alibaba", "cn-hongkong")!.Images, i => i.Id == "centos_7_9_x64_20G_alibase");
    }

    [Fact]
    public void Items_limited_to_a_region_are_sold_only_there()
    {
        Assert.NotNull(Catalog.Region("alibaba", "cn-shanghai")!.Spec("ecs.g7.4xlarge"));
        Assert.Null(Catalog.Region("alibaba", "cn-hongkong")!.Spec("ecs.g7.4xlarge"));
        Assert.Equal(["cn-shanghai", "cn-hongkong"], Catalog.RegionsOf("alibaba"));
        Assert.Equal(["ap-shanghai", "ap-hongkong"], Catalog.RegionsOf("tencent"));
    }

    [Fact]
    public void A_spec_offers_only_the_disk_types_its_family_supports()
    {
        var tencent = Catalog.Region("tencent", "ap-shanghai")!;
        Assert.Equal(["CLOUD_PREMIUM", "CLOUD_SSD"], tencent.DiskTypesFor(tencent.Spec("S5.LARGE8")).Select(d => d.Id));
        Assert.Equal(["CLOUD_PREMIUM", "CLOUD_BSSD", "CLOUD_SSD", "CLOUD_HSSD"], tencent.DiskTypesFor(tencent.Spec("S6.LARGE8")).Select(d => d.Id));
        var alibaba = Catalog.Region("alibaba", "cn-shanghai")!;
        Assert.Equal(["cloud_essd", "cloud_auto"], alibaba.DiskTypesFor(alibaba.Spec("ecs.g7.xlarge")).Select(d => d.Id));
        Assert.Equal(4, alibaba.DiskTypesFor(null).Count);
    }

    [Theory]
    [InlineData(20, 64000, 10, 20, true)]
    [InlineData(20, 64000, 10, 64000, true)]
    [InlineData(20, 64000, 10, 25, false)]
    [InlineData(20, 64000, 10, 10, false)]
    [InlineData(20, 64000, 10, 64010, false)]
    [InlineData(25, 3000, 5, 30, true)]
    [InlineData(25, 3000, 5, 32, false)]
    [InlineData(25, 3000, 10, 35, true)]
    [InlineData(25, 3000, 10, 30, false)]
    [InlineData(25, 3000, 5, 3005, false)]
    public void Sizes_are_the_minimum_plus_whole_steps_up_to_the_maximum(int min, int max, int step, int size, bool allowed) =>
        Assert.Equal(allowed, new SizeRange(min, max, step).Allows(size));

    [Fact]
    public void Storage_ranges_follow_the_vendor_and_engine()
    {
        foreach (var engine in Catalog.Vendor("alibaba")!.RdsEngines)
            Assert.Equal(new SizeRange(20, 64000, 10), engine.Storage);
        var tencent = Catalog.Vendor("tencent")!.RdsEngines.ToDictionary(e => e.Id, e => e.Storage);
        Assert.Equal(new SizeRange(25, 3000, 5), tencent["mysql"]);
        Assert.Equal(new SizeRange(25, 3000, 10), tencent["sqlserver"]);
        Assert.All(tencent.Values, s => Assert.True(s.Min == 25 && s.Max == 3000 && s.Step is 5 or 10));
    }

    [Fact]
    public void Fitting_a_size_rounds_up_to_an_allowed_one_inside_the_range()
    {
        var range = new SizeRange(25, 3000, 10);
        Assert.Equal(25, range.Fit(20));
        Assert.Equal(45, range.Fit(40));
        Assert.Equal(2995, range.Fit(64000));
        Assert.True(range.Allows(range.Fit(1234)));
    }

    [Fact]
    public void Every_tencent_engine_and_alibaba_mariadb_are_in_the_catalogue_with_versions()
    {
        foreach (var vendor in PricingNames.CloudVendors)
            Assert.Equal(["mysql", "postgresql", "sqlserver", "mariadb"], Catalog.Vendor(vendor)!.RdsEngines.Select(e => e.Id));
        var mysql = Catalog.Vendor("alibaba")!.RdsEngines[0];
        Assert.Equal(["basic", "ha", "cluster"], mysql.Series);
        Assert.Equal(["primary", "readonly"], mysql.InstanceTypes);
    }
}
