using System.Net;
using System.Text.Json;
using Cmdb.Domain.Inventory;

namespace Cmdb.Api.Tests.Pricing;

/// <summary>The inventory's monthly cost by project, owner and cloud: cloud resources from the price book, IDC ones from strategies, the rest listed.</summary>
public sealed class CostReportApiTests(PricingService service) : IClassFixture<PricingService>, IAsyncLifetime
{
    private static InventoryResource Resource(string type, string name, string cloud, string? dataCenter, string owner, string attributes) => new()
    {
        Type = type, ResourceUid = $"{type}-{name}", Name = name, Cloud = cloud, DataCenter = dataCenter, Env = "prod", Owner = owner,
        AttributesJson = attributes, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
    };

    public async Task InitializeAsync()
    {
        if (await service.Db(db => Task.FromResult(db.InventoryResources.Any(r => r.Name == "report-ali-vm"))))
            return;
        await service.PostOkAsync("/api/pricing/strategies", new { resourceType = "cpu", env = "prod", hostEnv = "*", cloud = "vmware", unit = "CORE", unitPrice = 30 }, TestAuth.Admin);
        await service.PostOkAsync("/api/pricing/strategies", new { resourceType = "memory", env = "*", hostEnv = "*", cloud = "idc", unit = "GB", unitPrice = 10 }, TestAuth.Admin);
        await service.Db(async db =>
        {
            var project = Resource("project", "project-alpha", "VMware", "dc-east", "u1", """{"code":"PRJ1"}""");
            var aliVm = Resource("vm", "report-ali-vm", "Alibaba Cloud", "cn-shanghai", "u1", """{"cpu":4,"memory":16}""");
            var idcVm = Resource("vm", "report-idc-vm", "VMware", "dc-east", "u1", """{"cpu":4,"memory":8}""");
            db.InventoryResources.AddRange(project, aliVm, idcVm,
                Resource("disk", "report-ali-disk", "Alibaba Cloud", "cn-shanghai", "u2", """{"size":100,"diskType":"cloud_essd"}"""),
                Resource("rds", "report-rds", "Alibaba Cloud", "cn-hongkong", "u2", """{"engine":"MySQL","version":"8.0","spec":"mysql.n4.large.2c","storage":500}"""),
                Resource("vm", "report-aws-vm", "AWS", "ap-east-1", "u2", """{"cpu":2,"memory":4}"""),
                Resource("disk", "report-tc-disk", "Tencent Cloud", "ap-shanghai", "u2", """{"size":100,"diskType":"cloud_essd"}"""),
                Resource("subnet", "report-subnet", "VMware", "dc-east", "u2", """{"cidr":"10.0.0.0/24"}"""));
            await db.SaveChangesAsync();
            db.ResourceRelations.AddRange(
                new ResourceRelation { SourceId = project.Id, SourceType = "project", TargetId = aliVm.Id, TargetType = "vm", Kind = "project-resource" },
                new ResourceRelation { SourceId = project.Id, SourceType = "project", TargetId = idcVm.Id, TargetType = "vm", Kind = "project-resource" });
            return await db.SaveChangesAsync();
        });
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<decimal> EstimateAsync(object item) =>
        (await service.PostOkAsync("/api/pricing/estimate", new { items = new[] { item } })).GetProperty("monthly").GetDecimal();

    private static JsonElement Group(JsonElement report, string key) =>
        report.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == key);

    [Fact]
    public async Task By_project_sums_cloud_prices_and_idc_strategies_of_the_projects_resources()
    {
        var report = await service.GetOkAsync("/api/pricing/report?groupBy=project");

        var vm = await EstimateAsync(new { vendor = "alibaba", kind = "server", region = "cn-shanghai", parameters = new { spec = "ecs.g7.xlarge", systemDisk = new { type = "cloud_essd", size = 20 } } });
        var systemDisk = await EstimateAsync(new { vendor = "alibaba", kind = "disk", region = "cn-shanghai", parameters = new { diskType = "cloud_essd", size = 20 } });
        var alpha = Group(report, "project-alpha");
        Assert.Equal(vm - systemDisk + 4 * 30m + 8 * 10m, alpha.GetProperty("monthly").GetDecimal());
        Assert.Equal(2, alpha.GetProperty("resources").GetInt64());
        Assert.True(report.GetProperty("sample").GetBoolean());
        Assert.Equal(report.GetProperty("groups").EnumerateArray().Sum(g => g.GetProperty("monthly").GetDecimal()), report.GetProperty("monthly").GetDecimal());
    }

    [Fact]
    public async Task By_owner_and_cloud_group_the_same_resources_differently()
    {
        var byOwner = await service.GetOkAsync("/api/pricing/report?groupBy=owner");
        var disk = await EstimateAsync(new { vendor = "alibaba", kind = "disk", region = "cn-shanghai", parameters = new { diskType = "cloud_essd", size = 100 } });
        var rds = await EstimateAsync(new { vendor = "alibaba", kind = "rds", region = "cn-hongkong", parameters = new { engine = "mysql", @class = "mysql.n4.large.2c", storage = 500 } });
        Assert.Equal(disk + rds, Group(byOwner, "u2").GetProperty("monthly").GetDecimal());

        var byCloud = await service.GetOkAsync("/api/pricing/report?groupBy=cloud");
        Assert.Equal(4 * 30m + 8 * 10m, Group(byCloud, "VMware").GetProperty("monthly").GetDecimal());
        Assert.Equal(byOwner.GetProperty("monthly").GetDecimal(), byCloud.GetProperty("monthly").GetDecimal());
    }

    [Fact]
    public async Task Resources_that_cannot_be_priced_are_listed_with_the_reason()
    {
        var report = await service.GetOkAsync("/api/pricing/report?groupBy=cloud");
        var unpriced = report.GetProperty("unpriced").EnumerateArray().ToList();
        Assert.Contains(unpriced, u => u.GetProperty("reason").GetString() == "no catalogue for AWS" && u.GetProperty("examples")[0].GetString() == "report-aws-vm");
        Assert.Contains(unpriced, u => u.GetProperty("reason").GetString()!.Contains("disk type 'cloud_essd' is not in the tencent catalogue"));
        Assert.DoesNotContain(unpriced, u => u.GetProperty("type").GetString() == "subnet");
        Assert.Equal(2, report.GetProperty("unpricedResources").GetInt64());
    }

    [Fact]
    public async Task An_unknown_grouping_is_a_400_naming_the_allowed_ones()
    {
        var problem = await (await service.As(TestAuth.Requester).GetAsync("/api/pricing/report?groupBy=team")).AssertProblem(HttpStatusCode.BadRequest);
        Assert.Contains("project, owner, cloud", problem.GetProperty("errors").GetProperty("groupBy")[0].GetString());
    }
}
