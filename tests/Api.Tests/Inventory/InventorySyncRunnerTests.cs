using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Cmdb.Domain.Inventory.Sync;
using Cmdb.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Api.Tests.Inventory;

/// <summary>Configured syncs: a generated one, a file import on a one-second schedule, and a CMP that is down from the start.</summary>
public sealed class SyncRunnerFixture : InventoryFixture
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("cmdb-sync-files-").FullName;

    protected override void Configure(Dictionary<string, string?> settings, IServiceCollection services)
    {
        File.WriteAllText(Path.Combine(Folder, "project.json"), """[{"uid": "prj-1", "name": "门店改造", "attributes": {"code": "PRJ0001"}}]""");
        int closedPort;
        using (var listener = new TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        settings["Integrations:Cmp:BaseUrl"] = $"http://127.0.0.1:{closedPort}";
        settings["Integrations:Cmp:Token"] = "cmp-token-for-tests";
        settings["Integrations:Cmp:Retries"] = "0";
        settings["Integrations:Cmp:AttemptTimeout"] = "00:00:01";
        settings["Inventory:Syncs:cmp-daily:Connector"] = "cmp";
        settings["Inventory:Syncs:cmp-daily:Cron"] = "0 10 0 * * ?";
        settings["Inventory:Syncs:cmp-daily:Types:0"] = "rds";
        settings["Inventory:Syncs:demo-small:Connector"] = "generated";
        settings["Inventory:Syncs:demo-small:Size"] = "400";
        settings["Inventory:Syncs:demo-small:Types:0"] = "vm";
        settings["Inventory:Syncs:demo-small:Types:1"] = "host";
        settings["Inventory:Syncs:demo-small:Relations:0"] = "host-vm";
        settings["Inventory:Syncs:projects:Connector"] = "file";
        settings["Inventory:Syncs:projects:Path"] = Folder;
        settings["Inventory:Syncs:projects:Cron"] = "* * * * * ?";
        settings["Inventory:Syncs:projects:Types:0"] = "project";
        settings["Inventory:Syncs:broken-cron:Connector"] = "file";
        settings["Inventory:Syncs:broken-cron:Cron"] = "every day at ten";
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

public sealed class InventorySyncRunnerTests(SyncRunnerFixture fixture) : IClassFixture<SyncRunnerFixture>
{
    private async Task<JsonElement> RunAsync(string name, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await fixture.As(TestAuth.Admin).PostAsync($"/api/inventory/syncs/run/{name}", null);
        Assert.True(response.StatusCode == expected, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task An_admin_runs_a_configured_sync_and_gets_its_run()
    {
        var run = await RunAsync("demo-small");

        Assert.Equal("applied", run.GetProperty("status").GetString());
        Assert.Equal("generated", run.GetProperty("connector").GetString());
        Assert.Equal("manual", run.GetProperty("trigger").GetString());
        var vms = await fixture.Db(db => db.InventoryResources.CountAsync(r => r.Type == "vm"));
        Assert.InRange(vms, 150, 180);
        Assert.True(await fixture.Db(db => db.ResourceRelations.AnyAsync(r => r.Kind == "host-vm")));
    }

    [Fact]
    public async Task A_CMP_that_is_down_never_stopped_the_start_and_fails_its_run_readably()
    {
        Assert.Equal(HttpStatusCode.OK, (await fixture.Factory.CreateClient().GetAsync("/health/live")).StatusCode);

        var run = await RunAsync("cmp-daily");

        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Contains("CMP: could not read rds resources (page 1): no answer", run.GetProperty("problem").GetString());
        Assert.DoesNotContain("cmp-token-for-tests", run.GetRawText());
    }

    [Fact]
    public async Task A_scheduled_sync_runs_on_its_cron()
    {
        await Eventually.Until(async () => await fixture.Db(db => db.InventorySyncRuns.AnyAsync(r => r.SyncName == "projects" && r.Trigger == "schedule" && r.Status == SyncRunStatuses.Applied)),
            TimeSpan.FromSeconds(20), "the every-second schedule ran the file sync");
        Assert.Equal("门店改造", await fixture.Db(db => db.InventoryResources.Where(r => r.Type == "project").Select(r => r.Name).SingleAsync()));
    }

    [Fact]
    public async Task An_unknown_sync_is_a_404_and_only_admins_run_syncs()
    {
        await (await fixture.As(TestAuth.Admin).PostAsync("/api/inventory/syncs/run/nope", null)).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.As(TestAuth.Requester).PostAsync("/api/inventory/syncs/run/demo-small", null)).StatusCode);
    }

    [Fact]
    public async Task A_sync_whose_connector_cannot_be_built_fails_its_run_with_the_reason()
    {
        var run = await RunAsync("broken-cron");

        Assert.Equal("failed", run.GetProperty("status").GetString());
        Assert.Contains("needs a Path", run.GetProperty("problem").GetString());
    }
}
