using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Inventory.Sync;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Api.Tests.Inventory;

/// <summary>The embedded default's SQLite answers the same list SQL (JSON functions, escapes, keyset) as MariaDB.</summary>
public sealed class SqliteInventory : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cmdb-inventory-sqlite-").FullName;

    public CmdbApiFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Factory = await new CmdbApiFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Cmdb"] = $"Data Source={Path.Combine(_folder, "cmdb.db")}",
            ["DemoData:Enabled"] = "false",
        }).StartedAsync();
        var source = new ListConnector()
            .With(
                InventoryFixture.Vm("web-01", "10.60.0.1", cpu: 4),
                InventoryFixture.Vm("web-02", "10.60.0.2", "Qcloud", cpu: 8, status: "stopped"),
                InventoryFixture.Vm("cost 50% off", "10.60.0.3"),
                InventoryFixture.Vm("cost 500 off", "10.60.0.4"),
                InventoryFixture.Vm("no-ip", null, owner: "requester"))
            .With(Enumerable.Range(1, 30).Select(i => InventoryFixture.Vm($"page-{i:00}", $"10.61.0.{i}") with { Account = "paging" }).ToArray());
        var run = await Factory.Services.GetRequiredService<InventorySyncService>()
            .RunAsync(new SyncRequest("sqlite", source, ["vm"], [], "manual"), CancellationToken.None);
        Assert.Equal(SyncRunStatuses.Applied, run.Status);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    public async Task<JsonElement> GetAsync(string url)
    {
        var response = await Factory.CreateClient().As(TestAuth.Requester).GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<List<string>> NamesAsync(string url) =>
        (await GetAsync(url)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
}

public sealed class InventorySqliteTests(SqliteInventory sqlite) : IClassFixture<SqliteInventory>
{
    private const string Vms = "/api/inventory/vm?account=acct-main";

    [Fact]
    public async Task Type_fields_list_items_fuzzy_text_and_empties_filter_on_SQLite()
    {
        Assert.Equal(["web-02"], await sqlite.NamesAsync($"{Vms}&cpu=8"));
        Assert.Equal(["web-01"], await sqlite.NamesAsync($"{Vms}&privateIps=10.60.0.1"));
        Assert.Equal(["cost 50% off"], await sqlite.NamesAsync($"{Vms}&name:like={Uri.EscapeDataString("50%")}"));
        Assert.Equal(["no-ip"], await sqlite.NamesAsync($"{Vms}&privateIps:empty=true"));
        Assert.Equal(["web-02"], await sqlite.NamesAsync($"{Vms}&q=10.60.0.2"));
        Assert.Equal(["no-ip"], await sqlite.NamesAsync($"{Vms}&mine=true"));
    }

    [Fact]
    public async Task Cursor_paging_by_name_and_options_work_on_SQLite()
    {
        var names = new List<string>();
        string? cursor = null;
        do
        {
            var page = await sqlite.GetAsync($"/api/inventory/vm?account=paging&sort=name&pageSize=7{(cursor is null ? "" : "&cursor=" + cursor)}");
            names.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()!));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => $"page-{i:00}"), names);

        var clouds = await sqlite.GetAsync($"/api/inventory/vm/options/cloud?account=acct-main");
        Assert.Contains(clouds.EnumerateArray(), o => o.GetProperty("value").GetString() == "Tencent Cloud" && o.GetProperty("count").GetInt32() == 1);
        var ips = await sqlite.GetAsync($"/api/inventory/vm/options/privateIps?account=acct-main&name:like=web");
        Assert.Equal(["10.60.0.1", "10.60.0.2"], ips.EnumerateArray().Select(o => o.GetProperty("value").GetString()).Order());
    }

    [Fact]
    public async Task Overview_and_detail_work_on_SQLite()
    {
        var overview = await sqlite.GetAsync("/api/inventory/overview");
        Assert.Equal(35, overview.GetProperty("byType").EnumerateArray().Single(t => t.GetProperty("type").GetString() == "vm").GetProperty("count").GetInt32());
        var id = (await sqlite.GetAsync($"{Vms}&name=web-01&fields=id")).GetProperty("items")[0].GetProperty("id").GetInt64();
        var detail = await sqlite.GetAsync($"/api/inventory/vm/{id}");
        Assert.Equal("web-01", detail.GetProperty("resource").GetProperty("name").GetString());
        Assert.Equal("added", detail.GetProperty("journal")[0].GetProperty("action").GetString());
    }
}
