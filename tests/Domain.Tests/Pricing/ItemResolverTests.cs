using Cmdb.Domain.Pricing;
using Cmdb.Domain.Pricing.Catalog;

namespace Cmdb.Domain.Tests.Pricing;

/// <summary>Each request rule refuses what it should, naming the field and the allowed values.</summary>
public sealed class ItemResolverTests
{
    private static readonly ItemResolver Resolver = new(PricingCatalog.Embedded);

    private static IReadOnlyList<PricingProblem> Problems(EstimateItem item) => Resolver.Resolve(item).Problems;

    private static EstimateItem Server(string vendor, string region, string spec, DiskRequest? system = null, DiskRequest[]? data = null, long quantity = 1) =>
        new(vendor, "server", region, new EstimateParameters { Spec = spec, SystemDisk = system, DataDisks = data }, quantity);

    private static EstimateItem Rds(string vendor, string region, string engine, string cls, long storage, string? version = null, string? series = null,
        string? instanceType = null) =>
        new(vendor, "rds", region, new EstimateParameters { Engine = engine, Class = cls, Storage = storage, Version = version, Series = series, InstanceType = instanceType });

    [Fact]
    public void A_valid_server_resolves_with_a_default_system_disk()
    {
        var (item, problems) = Resolver.Resolve(Server("alibaba", "cn-shanghai", "ecs.g7.xlarge"));
        Assert.Empty(problems);
        var server = Assert.IsType<ResolvedServer>(item);
        Assert.Equal("cloud_essd", server.SystemDisk.Type.Id);
        Assert.Equal(20, server.SystemDisk.Size);
    }

    [Fact]
    public void A_disk_type_the_spec_family_does_not_support_is_refused_with_the_supported_ones()
    {
        var problem = Assert.Single(Problems(Server("alibaba", "cn-shanghai", "ecs.g7.xlarge", data: [new("cloud_ssd", 100)])));
        Assert.Equal("parameters.dataDisks[0].type", problem.Field);
        Assert.Contains("does not support the disk type 'cloud_ssd'", problem.Message);
        Assert.Contains("allowed: cloud_essd, cloud_auto", problem.Message);

        Assert.Empty(Problems(Server("alibaba", "cn-shanghai", "ecs.g6.xlarge", data: [new("cloud_ssd", 100)])));
        var system = Assert.Single(Problems(Server("tencent", "ap-shanghai", "S5.LARGE8", system: new("CLOUD_HSSD", 50))));
        Assert.Equal("parameters.systemDisk.type", system.Field);
    }

    [Theory]
    [InlineData("tencent", "ap-shanghai", "S6.LARGE8", "CLOUD_SSD", 15, false)]
    [InlineData("tencent", "ap-shanghai", "S6.LARGE8", "CLOUD_SSD", 20, true)]
    [InlineData("tencent", "ap-shanghai", "S6.LARGE8", "CLOUD_SSD", 25, false)]
    [InlineData("tencent", "ap-shanghai", "S6.LARGE8", "CLOUD_SSD", 32000, true)]
    [InlineData("tencent", "ap-shanghai", "S6.LARGE8", "CLOUD_SSD", 32010, false)]
    [InlineData("alibaba", "cn-shanghai", "ecs.g7.large", "cloud_auto", 39, false)]
    [InlineData("alibaba", "cn-shanghai", "ecs.g7.large", "cloud_auto", 40, true)]
    [InlineData("alibaba", "cn-shanghai", "ecs.g7.large", "cloud_essd", 32769, false)]
    public void Data_disk_sizes_have_bounds_per_disk_type(string vendor, string region, string spec, string type, long size, bool allowed)
    {
        var problems = Problems(Server(vendor, region, spec, data: [new(type, size)]));
        Assert.Equal(allowed, problems.Count == 0);
        if (!allowed)
            Assert.Equal("parameters.dataDisks[0].size", Assert.Single(problems).Field);
    }

    [Fact]
    public void A_standalone_disk_names_its_own_fields()
    {
        Assert.Equal(["parameters.diskType"], Problems(new EstimateItem("alibaba", "disk", "cn-shanghai", new EstimateParameters { DiskType = "nvme", Size = 100 })).Select(p => p.Field));
        Assert.Equal(["parameters.size"], Problems(new EstimateItem("alibaba", "disk", "cn-shanghai", new EstimateParameters { DiskType = "cloud_essd", Size = 10 })).Select(p => p.Field));
    }

    [Fact]
    public void System_disk_sizes_have_the_vendor_bounds()
    {
        var problem = Assert.Single(Problems(Server("tencent", "ap-shanghai", "S6.LARGE8", system: new("CLOUD_PREMIUM", 2000))));
        Assert.Equal("parameters.systemDisk.size", problem.Field);
        Assert.Contains("20–1024 GB", problem.Message);
        Assert.Empty(Problems(Server("alibaba", "cn-shanghai", "ecs.g7.large", system: new("cloud_essd", 2000))));
    }

    [Theory]
    [InlineData("alibaba", "cn-shanghai", "mysql", "mysql.n2.medium.2c", 20, true)]
    [InlineData("alibaba", "cn-shanghai", "mysql", "mysql.n2.medium.2c", 64000, true)]
    [InlineData("alibaba", "cn-shanghai", "mysql", "mysql.n2.medium.2c", 25, false)]
    [InlineData("alibaba", "cn-shanghai", "mysql", "mysql.n2.medium.2c", 10, false)]
    [InlineData("alibaba", "cn-shanghai", "mysql", "mysql.n2.medium.2c", 64010, false)]
    [InlineData("tencent", "ap-shanghai", "mysql", "cdb.s2.2c4g", 30, true)]
    [InlineData("tencent", "ap-shanghai", "mysql", "cdb.s2.2c4g", 32, false)]
    [InlineData("tencent", "ap-shanghai", "mysql", "cdb.s2.2c4g", 20, false)]
    [InlineData("tencent", "ap-shanghai", "mysql", "cdb.s2.2c4g", 3005, false)]
    [InlineData("tencent", "ap-shanghai", "postgresql", "postgres.s2.2c4g", 35, true)]
    [InlineData("tencent", "ap-shanghai", "postgresql", "postgres.s2.2c4g", 30, false)]
    public void Rds_storage_must_be_in_range_and_on_step(string vendor, string region, string engine, string cls, long storage, bool allowed)
    {
        var problems = Problems(Rds(vendor, region, engine, cls, storage));
        Assert.Equal(allowed, problems.Count == 0);
        if (!allowed)
        {
            var problem = Assert.Single(problems);
            Assert.Equal("parameters.storage", problem.Field);
            Assert.Matches(@"\d+–\d+ GB", problem.Message);
        }
    }

    [Fact]
    public void The_sql_server_version_decides_the_classes_and_the_price_key()
    {
        var (item, problems) = Resolver.Resolve(Rds("alibaba", "cn-shanghai", "sqlserver", "mssql.x4.large.e2", 100, version: "2019_ent_ha"));
        Assert.Empty(problems);
        Assert.Equal("sqlserver:2019_ent_ha:mssql.x4.large.e2", ((ResolvedRds)item!).InstanceKey);

        var refused = Assert.Single(Problems(Rds("alibaba", "cn-shanghai", "sqlserver", "mssql.x4.large.e2", 100, version: "2019_std_ha")));
        Assert.Equal("parameters.class", refused.Field);
        Assert.Contains("mssql.x4.large.s2", refused.Message);

        var (mysql, _) = Resolver.Resolve(Rds("alibaba", "cn-shanghai", "mysql", "mysql.n2.medium.2c", 100, version: "5.7"));
        Assert.Equal("mysql:mysql.n2.medium.2c", ((ResolvedRds)mysql!).InstanceKey);
    }

    [Fact]
    public void Alibaba_read_only_instances_take_read_only_classes_and_series_narrows_classes()
    {
        Assert.Empty(Problems(Rds("alibaba", "cn-shanghai", "mysql", "mysqlro.n2.medium.1c", 100, instanceType: "readonly")));
        Assert.Equal("parameters.class", Assert.Single(Problems(Rds("alibaba", "cn-shanghai", "mysql", "mysql.n2.medium.2c", 100, instanceType: "readonly"))).Field);
        Assert.Equal("parameters.class", Assert.Single(Problems(Rds("alibaba", "cn-shanghai", "mysql", "mysql.n2.medium.2c", 100, series: "basic"))).Field);
        var tencent = Assert.Single(Problems(Rds("tencent", "ap-shanghai", "mysql", "cdb.s2.2c4g", 100, instanceType: "readonly")));
        Assert.Equal("parameters.instanceType", tencent.Field);
        Assert.Contains("primary", tencent.Message);
    }

    [Fact]
    public void Unknown_vendor_kind_region_and_spec_name_the_field_and_the_allowed_values()
    {
        var vendor = Assert.Single(Problems(new EstimateItem("aws", "server", "us-east-1", null)), p => p.Field == "vendor");
        Assert.Contains("alibaba, tencent, idc", vendor.Message);
        var kind = Assert.Single(Problems(new EstimateItem("alibaba", "kafka", "cn-shanghai", null)));
        Assert.Equal("kind", kind.Field);
        Assert.Contains("server, disk, rds, redis, lb", kind.Message);
        var region = Assert.Single(Problems(Server("alibaba", "ap-shanghai", "ecs.g7.large")));
        Assert.Equal("region", region.Field);
        Assert.Contains("cn-shanghai, cn-hongkong", region.Message);
        var spec = Assert.Single(Problems(Server("alibaba", "cn-hongkong", "ecs.g7.4xlarge")));
        Assert.Equal("parameters.spec", spec.Field);
        Assert.Contains("ecs.g7.2xlarge", spec.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(10_001)]
    [InlineData(long.MaxValue)]
    public void Quantities_outside_1_to_10000_are_refused(long quantity)
    {
        var problem = Assert.Single(Problems(Server("alibaba", "cn-shanghai", "ecs.g7.large", quantity: quantity)));
        Assert.Equal("quantity", problem.Field);
        Assert.Contains("10,000", problem.Message);
    }

    [Fact]
    public void Redis_parameters_map_to_a_spec_id()
    {
        var (item, _) = Resolver.Resolve(new EstimateItem("tencent", "redis", "ap-hongkong", new EstimateParameters { CapacityGb = 8 }));
        Assert.Equal("redis.std.8g", ((ResolvedRedis)item!).Spec.Id);
        var (cluster, _) = Resolver.Resolve(new EstimateItem("alibaba", "redis", "cn-shanghai", new EstimateParameters { Architecture = "cluster", CapacityGb = 16, Shards = 4 }));
        Assert.Equal("redis.sharding.large.4db.default", ((ResolvedRedis)cluster!).Spec.Id);
        var problem = Assert.Single(Problems(new EstimateItem("alibaba", "redis", "cn-shanghai", new EstimateParameters { CapacityGb = 3 })));
        Assert.Equal("parameters.capacityGb", problem.Field);
        Assert.Contains("1 GB, 2 GB, 4 GB", problem.Message);
    }

    [Fact]
    public void Idc_items_need_an_env_and_sizes_within_bounds()
    {
        Assert.Equal(["parameters.env"], Problems(new EstimateItem("idc", "server", null, new EstimateParameters { Cpu = 4 })).Select(p => p.Field));
        Assert.Equal(["parameters.cpu"], Problems(new EstimateItem("idc", "server", null, new EstimateParameters { Cpu = -1, Env = "prod" })).Select(p => p.Field));
        var (item, _) = Resolver.Resolve(new EstimateItem("idc", "server", null, new EstimateParameters { Cpu = 4, Memory = 8, Env = " PROD ", HostEnv = "VMware" }));
        var idc = Assert.IsType<ResolvedIdc>(item);
        Assert.Equal(("prod", "vmware", "idc"), (idc.Env, idc.HostEnv, idc.Cloud));
    }
}
