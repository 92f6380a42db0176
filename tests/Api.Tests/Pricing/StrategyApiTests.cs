using System.Net;
using System.Net.Http.Json;
using Cmdb.Domain.Pricing;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tests.Pricing;

public sealed class StrategyApiTests(PricingService service) : IClassFixture<PricingService>
{
    private static string NewType() => "type-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Fields_are_stored_trimmed_and_lower_case_and_the_unit_upper_case()
    {
        var type = NewType();
        var created = await service.PostOkAsync("/api/pricing/strategies",
            new { resourceType = $"  {type.ToUpperInvariant()} ", env = " PROD", hostEnv = "VMware ", cloud = " IDC ", unit = " gb ", unitPrice = 0.35m, note = " 存储 " },
            TestAuth.Admin);

        Assert.Equal((type, "prod", "vmware", "idc", "GB", "存储", "admin"), (created.GetProperty("resourceType").GetString(), created.GetProperty("env").GetString(),
            created.GetProperty("hostEnv").GetString(), created.GetProperty("cloud").GetString(), created.GetProperty("unit").GetString(),
            created.GetProperty("note").GetString(), created.GetProperty("updatedBy").GetString()));
        var stored = await service.Db(db => db.PricingStrategies.SingleAsync(s => s.ResourceType == type));
        Assert.Equal(("prod", "vmware", "idc", "GB", 0.35m), (stored.Env, stored.HostEnv, stored.Cloud, stored.Unit, stored.UnitPrice));
        var listed = await service.GetOkAsync($"/api/pricing/strategies?resourceType={type.ToUpperInvariant()}");
        Assert.Equal(stored.Id, Assert.Single(listed.EnumerateArray()).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task A_second_strategy_for_the_same_combination_is_a_409_even_when_written_differently()
    {
        var type = NewType();
        await service.PostOkAsync("/api/pricing/strategies", new { resourceType = type, env = "prod", hostEnv = "*", cloud = "idc", unit = "CORE", unitPrice = 10 }, TestAuth.Admin);
        var response = await service.As(TestAuth.Admin).PostAsJsonAsync("/api/pricing/strategies",
            new { resourceType = type.ToUpperInvariant(), env = " Prod ", hostEnv = "*", cloud = "IDC", unit = "core", unitPrice = 20 });
        var problem = await response.AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains(type, problem.GetProperty("detail").GetString());
        Assert.Equal(1, await service.Db(db => db.PricingStrategies.CountAsync(s => s.ResourceType == type)));
    }

    [Fact]
    public async Task Racing_inserts_of_one_combination_store_one_and_refuse_the_others_with_409()
    {
        var type = NewType();
        var body = new { resourceType = type, env = "prod", hostEnv = "*", cloud = "idc", unit = "GB", unitPrice = 1 };
        var clients = Enumerable.Range(0, 8).Select(_ => service.As(TestAuth.Admin)).ToList();

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsJsonAsync("/api/pricing/strategies", body)));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
            await refused.AssertProblem(HttpStatusCode.Conflict);
        Assert.Equal(1, await service.Db(db => db.PricingStrategies.CountAsync(s => s.ResourceType == type)));
    }

    [Fact]
    public async Task Updating_onto_another_combination_is_a_409_and_delete_removes()
    {
        var type = NewType();
        var prod = await service.PostOkAsync("/api/pricing/strategies", new { resourceType = type, env = "prod", hostEnv = "*", cloud = "idc", unit = "UNIT", unitPrice = 100 }, TestAuth.Admin);
        var test = await service.PostOkAsync("/api/pricing/strategies", new { resourceType = type, env = "test", hostEnv = "*", cloud = "idc", unit = "UNIT", unitPrice = 50 }, TestAuth.Admin);
        var testId = test.GetProperty("id").GetInt64();

        var clash = await service.As(TestAuth.Admin).PutAsJsonAsync($"/api/pricing/strategies/{testId}",
            new { resourceType = type, env = "PROD", hostEnv = "*", cloud = "idc", unit = "UNIT", unitPrice = 60 });
        await clash.AssertProblem(HttpStatusCode.Conflict);
        var updated = await service.As(TestAuth.Admin).PutAsJsonAsync($"/api/pricing/strategies/{testId}",
            new { resourceType = type, env = "test", hostEnv = "*", cloud = "idc", unit = "unit", unitPrice = 60 });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(60m, (await service.Db(db => db.PricingStrategies.SingleAsync(s => s.Id == testId))).UnitPrice);

        Assert.Equal(HttpStatusCode.NoContent, (await service.As(TestAuth.Admin).DeleteAsync($"/api/pricing/strategies/{testId}")).StatusCode);
        await (await service.As(TestAuth.Admin).DeleteAsync($"/api/pricing/strategies/{testId}")).AssertProblem(HttpStatusCode.NotFound);
        await (await service.As(TestAuth.Admin).PutAsJsonAsync($"/api/pricing/strategies/{testId}",
            new { resourceType = type, env = "test", hostEnv = "*", cloud = "idc", unit = "UNIT", unitPrice = 1 })).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(prod.GetProperty("id").GetInt64(), (await service.Db(db => db.PricingStrategies.SingleAsync(s => s.ResourceType == type))).Id);
    }

    [Fact]
    public async Task Missing_fields_bad_units_and_negative_prices_are_a_400_naming_each_field()
    {
        var response = await service.As(TestAuth.Admin).PostAsJsonAsync("/api/pricing/strategies",
            new { resourceType = " ", env = "prod", cloud = "idc", unit = "hours", unitPrice = -1 });
        var errors = (await response.AssertProblem(HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("resourceType", out _));
        Assert.True(errors.TryGetProperty("hostEnv", out _));
        Assert.Contains(string.Join(", ", StrategyUnits.All), errors.GetProperty("unit")[0].GetString());
        Assert.True(errors.TryGetProperty("unitPrice", out _));
    }

    [Fact]
    public async Task Only_admins_edit_strategies_and_everyone_signed_in_reads_them()
    {
        var body = new { resourceType = NewType(), env = "prod", hostEnv = "*", cloud = "idc", unit = "GB", unitPrice = 1 };
        var refused = await (await service.As(TestAuth.Approver).PostAsJsonAsync("/api/pricing/strategies", body)).AssertProblem(HttpStatusCode.Forbidden);
        Assert.Equal("CanAdminPricing", refused.GetProperty("permission").GetString());
        Assert.Equal(HttpStatusCode.OK, (await service.As(TestAuth.Requester).GetAsync("/api/pricing/strategies")).StatusCode);
    }
}
