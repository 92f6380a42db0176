using System.Net.Http.Json;
using System.Text.Json;
using Cmdb.TestSupport;

namespace Cmdb.Api.Tests.Inventory;

/// <summary>The embedded default (SQLite, demo data on) loads a generated inventory on its first start.</summary>
public sealed class InventoryDemoTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cmdb-inventory-demo-").FullName;
    private CmdbApiFactory _factory = null!;

    public async Task InitializeAsync() =>
        _factory = await new CmdbApiFactory(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Cmdb"] = $"Data Source={Path.Combine(_folder, "cmdb.db")}",
            ["Inventory:DemoSize"] = "500",
        }).StartedAsync();

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_fresh_embedded_start_lists_generated_resources_with_their_addresses_and_relations()
    {
        var client = _factory.CreateClient().As(TestAuth.Requester);
        JsonElement vms = default;
        await Eventually.Until(async () =>
        {
            vms = await client.GetFromJsonAsync<JsonElement>("/api/inventory/vm?pageSize=1&fields=id,privateIps");
            return vms.GetProperty("items").GetArrayLength() > 0;
        }, TimeSpan.FromSeconds(60), "the demo inventory is loaded");

        var vm = vms.GetProperty("items")[0];
        var address = vm.GetProperty("privateIps")[0].GetString()!;
        var search = await (await client.PostAsJsonAsync("/api/inventory/ip-search", new { ips = new[] { address } })).Content.ReadFromJsonAsync<JsonElement>();
        var holder = search[0].GetProperty("holders")[0];
        Assert.Equal(vm.GetProperty("id").GetInt64(), holder.GetProperty("resource").GetProperty("id").GetInt64());
        Assert.NotEqual(JsonValueKind.Null, holder.GetProperty("subnet").ValueKind);
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/inventory/vm/{vm.GetProperty("id").GetInt64()}");
        Assert.NotEmpty(detail.GetProperty("related").EnumerateArray());
    }
}
