using System.Net;

namespace Cmdb.Api.Tests.Pricing;

public sealed class PricingCatalogApiTests(PricingService service) : IClassFixture<PricingService>
{
    [Fact]
    public async Task The_server_catalogue_lists_sorted_specs_with_display_names_and_each_image_once()
    {
        var catalog = await service.GetOkAsync("/api/pricing/catalog/tencent/server?region=ap-shanghai");

        var specs = catalog.GetProperty("specs").EnumerateArray().ToList();
        Assert.Equal("2C4G (S6.MEDIUM4)", specs[0].GetProperty("display").GetString());
        Assert.Equal(["S6.LARGE8", "S5.LARGE8", "SA3.LARGE8"],
            specs.Where(s => s.GetProperty("cpu").GetInt32() == 4 && s.GetProperty("memory").GetDecimal() == 8).Select(s => s.GetProperty("id").GetString()));
        var images = catalog.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(images.Distinct(), images);
        Assert.Contains("img-centos79-x64", images);
        Assert.Equal(20, catalog.GetProperty("systemDisk").GetProperty("min").GetInt32());
    }

    [Fact]
    public async Task Naming_a_spec_narrows_the_disk_types_to_those_it_supports()
    {
        var all = await service.GetOkAsync("/api/pricing/catalog/tencent/server?region=ap-shanghai");
        var s5 = await service.GetOkAsync("/api/pricing/catalog/tencent/server?region=ap-shanghai&spec=S5.LARGE8");
        Assert.Equal(4, all.GetProperty("diskTypes").GetArrayLength());
        Assert.Equal(["CLOUD_PREMIUM", "CLOUD_SSD"], s5.GetProperty("diskTypes").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task The_rds_catalogue_gives_versions_classes_and_storage_bounds_per_engine()
    {
        var alibaba = await service.GetOkAsync("/api/pricing/catalog/alibaba/rds?region=cn-hongkong&engine=sqlserver&version=2017_web");
        var engine = Assert.Single(alibaba.GetProperty("engines").EnumerateArray());
        Assert.Equal(["2017_web", "2019_std_ha", "2019_ent_ha", "2022_std_ha"], engine.GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.All(engine.GetProperty("classes").EnumerateArray(), c => Assert.EndsWith(".w1", c.GetProperty("id").GetString()));
        Assert.Equal((20, 64000, 10), (engine.GetProperty("storage").GetProperty("min").GetInt32(), engine.GetProperty("storage").GetProperty("max").GetInt32(),
            engine.GetProperty("storage").GetProperty("step").GetInt32()));

        var tencent = await service.GetOkAsync("/api/pricing/catalog/tencent/rds?region=ap-shanghai&engine=mysql");
        Assert.Equal(5, Assert.Single(tencent.GetProperty("engines").EnumerateArray()).GetProperty("storage").GetProperty("step").GetInt32());
    }

    [Theory]
    [InlineData("/api/pricing/catalog/aws/server", "vendor", "alibaba, tencent")]
    [InlineData("/api/pricing/catalog/alibaba/kafka", "kind", "server, disk, rds, redis, lb")]
    [InlineData("/api/pricing/catalog/alibaba/server?region=ap-shanghai", "region", "cn-shanghai, cn-hongkong")]
    [InlineData("/api/pricing/catalog/alibaba/server?region=cn-hongkong&spec=ecs.g7.4xlarge", "spec", "ecs.g7.2xlarge")]
    [InlineData("/api/pricing/catalog/tencent/rds?engine=oracle", "engine", "mysql, postgresql, sqlserver, mariadb")]
    public async Task Unknown_names_are_a_400_naming_the_field_and_the_allowed_values(string url, string field, string allowed)
    {
        var problem = await (await service.As(TestAuth.Requester).GetAsync(url)).AssertProblem(HttpStatusCode.BadRequest);
        var message = Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString();
        Assert.Contains(allowed, message);
    }
}
