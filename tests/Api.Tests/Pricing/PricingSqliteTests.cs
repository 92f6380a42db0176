using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cmdb.Domain.Inventory;
using Cmdb.Domain.Persistence;
using Cmdb.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Api.Tests.Pricing;

/// <summary>The embedded default: SQLite stores the sample price book and answers the report's SQL (json_extract, UNION ALL) as MariaDB does.</summary>
public sealed class PricingSqliteTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cmdb-pricing-sqlite-").FullName;
    private CmdbApiFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _factory = await new CmdbApiFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Cmdb"] = $"Data Source={Path.Combine(_folder, "cmdb.db")}",
            ["DemoData:Enabled"] = "false",
        }).StartedAsync();
        var contexts = _factory.Services.GetRequiredService<IDbContextFactory<CmdbDbContext>>();
        await Eventually.Until(async () =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            return await db.PriceBookEntries.AnyAsync();
        }, TimeSpan.FromSeconds(60), "the sample price book is stored");
        await using var db = await contexts.CreateDbContextAsync();
        db.InventoryResources.AddRange(
            new InventoryResource { Type = "vm", ResourceUid = "vm-1", Name = "sqlite-vm", Cloud = "Tencent Cloud", DataCenter = "ap-hongkong", Owner = "u9",
                AttributesJson = """{"cpu":8,"memory":16}""", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow },
            new InventoryResource { Type = "disk", ResourceUid = "disk-1", Name = "sqlite-disk", Cloud = "Tencent Cloud", DataCenter = "ap-hongkong", Owner = "u9",
                AttributesJson = """{"size":100,"diskType":"CLOUD_SSD"}""", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task The_report_on_sqlite_prices_what_an_estimate_prices()
    {
        var client = _factory.CreateClient().As(TestAuth.Requester);
        var estimate = await (await client.PostAsJsonAsync("/api/pricing/estimate", new
        {
            items = new object[]
            {
                new { vendor = "tencent", kind = "server", region = "ap-hongkong", parameters = new { spec = "S6.2XLARGE16", systemDisk = new { type = "CLOUD_PREMIUM", size = 20 } } },
                new { vendor = "tencent", kind = "disk", region = "ap-hongkong", parameters = new { diskType = "CLOUD_SSD", size = 100 } },
            },
        })).Content.ReadFromJsonAsync<JsonElement>();
        var items = estimate.GetProperty("items").EnumerateArray().ToList();
        var instance = items[0].GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("component").GetString() == "instance").GetProperty("monthly").GetDecimal();
        var disk = items[1].GetProperty("monthly").GetDecimal();

        var response = await client.GetAsync("/api/pricing/report?groupBy=owner");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        var u9 = report.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("key").GetString() == "u9");
        Assert.Equal(instance + disk, u9.GetProperty("monthly").GetDecimal());
        Assert.Equal(0, report.GetProperty("unpricedResources").GetInt64());
    }
}
