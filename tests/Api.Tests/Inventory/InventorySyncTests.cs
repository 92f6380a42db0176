using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Inventory;
using Cmdb.Domain.Inventory.Sync;
using Cmdb.Domain.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Api.Tests.Inventory;

/// <summary>Tight fluctuation thresholds (5 rows or 10 %), except for domain records, which the crash test loads in bulk.</summary>
public sealed class SyncFixture : InventoryFixture
{
    protected override void Configure(Dictionary<string, string?> settings, IServiceCollection services)
    {
        settings["Inventory:Fluctuation:Rows"] = "5";
        settings["Inventory:Fluctuation:Percent"] = "10";
        settings["Inventory:FluctuationByScope:domain-record:Rows"] = "100000";
    }
}

/// <summary>Syncs on MariaDB: diffs applied with journal and IP index, the fluctuation check, relation kinds, crashes and a source that is down.</summary>
public sealed class InventorySyncTests(SyncFixture fixture) : IClassFixture<SyncFixture>
{
    private static IncomingResource Rds(string uid, string ip, string? cloud = "Qcloud", string status = "running") =>
        new("rds", uid, uid, cloud, "acct-db", Status: status, Tags: "owner:u200,product:retail",
            Attributes: new JsonObject { ["engine"] = "MySQL", ["privateIp"] = ip, ["port"] = "3306" });

    private static IncomingResource Simple(string type, string uid) => new(type, uid, uid, "AWS", "acct-x");

    private Task<T> Db<T>(Func<Cmdb.Domain.Persistence.CmdbDbContext, Task<T>> query) => fixture.Db(query);

    private Task<List<InventoryResource>> RowsAsync(string type) => Db(db => db.InventoryResources.AsNoTracking().Where(r => r.Type == type).OrderBy(r => r.ResourceUid).ToListAsync());

    [Fact]
    public async Task A_sync_adds_changes_and_removes_keeping_the_IP_index_and_journal_in_step()
    {
        var first = await fixture.SyncAsync(new ListConnector().With(Rds("rds-a", "10.90.0.1"), Rds("rds-b", "10.90.0.2"), Rds("rds-c", "10.90.0.3")), ["rds"]);
        Assert.Equal(SyncRunStatuses.Applied, first.Status);
        var a = (await RowsAsync("rds")).Single(r => r.ResourceUid == "rds-a");
        Assert.Equal(("Tencent Cloud", "运行中", "u200", "retail"), (a.Cloud, a.Status, a.Owner, a.Product));

        var second = await fixture.SyncAsync(new ListConnector().With(Rds("rds-a", "10.90.0.11", status: "stopped"), Rds("rds-b", "10.90.0.2"), Rds("rds-d", "10.90.0.4")), ["rds"]);

        Assert.Equal(SyncRunStatuses.Applied, second.Status);
        Assert.Equal(3, second.ChangeCount);
        Assert.Equal(["rds-a", "rds-b", "rds-d"], (await RowsAsync("rds")).Select(r => r.ResourceUid));
        var ips = await Db(db => db.IpIndex.AsNoTracking().Where(i => i.ResourceType == "rds").Select(i => i.Address).OrderBy(i => i).ToListAsync());
        Assert.Equal(["10.90.0.11", "10.90.0.2", "10.90.0.4"], ips);
        var journal = await Db(db => db.InventoryChanges.AsNoTracking().Where(c => c.Source == $"sync:test-sync#{second.Id}").ToListAsync());
        Assert.Equal(["added", "changed", "removed"], journal.Select(j => j.Action).Order());
        var changed = JsonNode.Parse(journal.Single(j => j.Action == "changed").ChangesJson)!.AsObject();
        Assert.Equal(["privateIp", "status"], changed.Select(p => p.Key).Order());
        Assert.Equal("运行中", changed["status"]!["before"]!.GetValue<string>());
        Assert.Equal("已关机", changed["status"]!["after"]!.GetValue<string>());
        Assert.Equal("rds-c", journal.Single(j => j.Action == "removed").ResourceUid);

        var third = await fixture.SyncAsync(new ListConnector().With(Rds("rds-a", "10.90.0.11", status: "stopped"), Rds("rds-b", "10.90.0.2"), Rds("rds-d", "10.90.0.4")), ["rds"]);
        Assert.Equal(0, third.ChangeCount);
    }

    [Fact]
    public async Task A_change_that_leaves_the_addresses_alone_keeps_their_index_rows_and_an_address_change_replaces_them()
    {
        await fixture.SyncAsync(new ListConnector().With(Rds("rds-keep", "10.90.5.1"), Rds("rds-move", "10.90.5.2")), ["rds"], name: "addresses");
        var before = await Db(db => db.IpIndex.AsNoTracking().Where(i => i.Address.StartsWith("10.90.5.")).ToDictionaryAsync(i => i.Address, i => i.Id));

        var run = await fixture.SyncAsync(new ListConnector().With(Rds("rds-keep", "10.90.5.1", status: "stopped"), Rds("rds-move", "10.90.5.3")), ["rds"], name: "addresses");

        Assert.Equal(2, run.ChangeCount);
        var after = await Db(db => db.IpIndex.AsNoTracking().Where(i => i.Address.StartsWith("10.90.5.")).ToDictionaryAsync(i => i.Address, i => i.Id));
        Assert.Equal(["10.90.5.1", "10.90.5.3"], after.Keys.Order());
        Assert.Equal(before["10.90.5.1"], after["10.90.5.1"]);
        Assert.Equal("已关机", (await RowsAsync("rds")).Single(r => r.ResourceUid == "rds-keep").Status);
    }

    [Fact]
    public async Task A_swing_beyond_the_threshold_is_held_and_alerted_and_an_admin_can_review_and_apply_it()
    {
        var all = Enumerable.Range(1, 20).Select(i => Simple("disk", $"disk-{i:00}")).ToArray();
        Assert.Equal(SyncRunStatuses.Applied, (await fixture.SyncAsync(new ListConnector().With(all), ["disk"])).Status);

        var held = await fixture.SyncAsync(new ListConnector().With(all[..2]), ["disk"]);

        Assert.Equal(SyncRunStatuses.Held, held.Status);
        Assert.Contains("disk +0 -18 of 20 (allowed 5)", held.Problem);
        Assert.Equal(20, (await RowsAsync("disk")).Count);
        Assert.True(await Db(db => db.Notifications.AnyAsync(n => n.Event == NotificationEvent.SyncRefused.ToString() && n.Content.Contains("#" + held.Id))));

        Assert.Equal(HttpStatusCode.Forbidden, (await fixture.As(TestAuth.Requester).GetAsync($"/api/inventory/syncs/{held.Id}")).StatusCode);
        var review = await fixture.GetJsonAsync($"/api/inventory/syncs/{held.Id}?action=removed&pageSize=5", TestAuth.Admin);
        Assert.Equal("held", review.GetProperty("run").GetProperty("status").GetString());
        Assert.Equal(18, review.GetProperty("changes").GetProperty("total").GetInt32());
        Assert.Equal(5, review.GetProperty("changes").GetProperty("items").GetArrayLength());
        var summary = review.GetProperty("run").GetProperty("summary")[0];
        Assert.True(summary.GetProperty("overThreshold").GetBoolean());

        var apply = await fixture.As(TestAuth.Admin).PostAsync($"/api/inventory/syncs/{held.Id}/apply", null);

        Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
        var applied = await apply.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("applied", applied.GetProperty("status").GetString());
        Assert.Equal("admin", applied.GetProperty("reviewedBy").GetString());
        Assert.Equal(["disk-01", "disk-02"], (await RowsAsync("disk")).Select(r => r.ResourceUid));
        Assert.Equal(HttpStatusCode.Conflict, (await fixture.As(TestAuth.Admin).PostAsync($"/api/inventory/syncs/{held.Id}/apply", null)).StatusCode);
    }

    [Fact]
    public async Task A_discarded_swing_leaves_the_inventory_as_it_was()
    {
        var all = Enumerable.Range(1, 10).Select(i => Simple("redis", $"redis-{i:00}")).ToArray();
        await fixture.SyncAsync(new ListConnector().With(all), ["redis"]);
        var held = await fixture.SyncAsync(new ListConnector().With([.. all, .. Enumerable.Range(11, 10).Select(i => Simple("redis", $"redis-{i:00}"))]), ["redis"]);
        Assert.Equal(SyncRunStatuses.Held, held.Status);

        var discard = await fixture.As(TestAuth.Admin).PostAsync($"/api/inventory/syncs/{held.Id}/discard", null);

        Assert.Equal(HttpStatusCode.OK, discard.StatusCode);
        Assert.Equal(10, (await RowsAsync("redis")).Count);
        Assert.Equal(0, await Db(db => db.InventorySyncChanges.CountAsync(c => c.RunId == held.Id)));
        Assert.Equal(HttpStatusCode.Conflict, (await fixture.As(TestAuth.Admin).PostAsync($"/api/inventory/syncs/{held.Id}/apply", null)).StatusCode);
    }

    [Fact]
    public async Task A_held_diff_made_stale_by_a_later_applied_run_is_refused()
    {
        var all = Enumerable.Range(1, 10).Select(i => Simple("lun", $"lun-{i:00}")).ToArray();
        await fixture.SyncAsync(new ListConnector().With(all), ["lun"]);
        var held = await fixture.SyncAsync(new ListConnector().With(all[..1]), ["lun"]);
        Assert.Equal(SyncRunStatuses.Held, held.Status);
        var later = await fixture.SyncAsync(new ListConnector().With([.. all, Simple("lun", "lun-11")]), ["lun"]);
        Assert.Equal(SyncRunStatuses.Applied, later.Status);

        var apply = await fixture.As(TestAuth.Admin).PostAsync($"/api/inventory/syncs/{held.Id}/apply", null);

        var problem = await apply.AssertProblem(HttpStatusCode.Conflict);
        Assert.Contains("stale", problem.GetProperty("detail").GetString());
        Assert.Equal(11, (await RowsAsync("lun")).Count);
    }

    [Fact]
    public async Task A_relation_sync_replaces_only_its_own_kind()
    {
        var source = new ListConnector()
            .With(Simple("vpc", "vpc-1"), Simple("l2-network", "l2-1"), Simple("l2-network", "l2-2"), Simple("host", "host-r1"))
            .Relate("vpc-l2-network", new IncomingRelation("", "vpc", "vpc-1", "l2-network", "l2-1"), new IncomingRelation("", "vpc", "vpc-1", "l2-network", "l2-2"))
            .Relate("l2-network-host", new IncomingRelation("", "l2-network", "l2-1", "host", "host-r1"));
        await fixture.SyncAsync(source, ["vpc", "l2-network", "host"], ["vpc-l2-network", "l2-network-host"], "relations-full");

        var partial = new ListConnector().Relate("vpc-l2-network", new IncomingRelation("", "vpc", "vpc-1", "l2-network", "l2-2"));
        var run = await fixture.SyncAsync(partial, [], ["vpc-l2-network"], "relations-partial");

        Assert.Equal(SyncRunStatuses.Applied, run.Status);
        var kinds = await Db(db => db.ResourceRelations.AsNoTracking().Where(r => r.Kind == "vpc-l2-network" || r.Kind == "l2-network-host")
            .Select(r => r.Kind).ToListAsync());
        Assert.Equal(["l2-network-host", "vpc-l2-network"], kinds.Order());
        Assert.Equal(3, (await RowsAsync("l2-network")).Count + (await RowsAsync("vpc")).Count);
    }

    [Fact]
    public async Task A_crash_halfway_through_applying_leaves_the_inventory_unchanged()
    {
        var before = Enumerable.Range(1, 10).Select(i => Simple("domain-record", $"dr-{i:00}") with { Attributes = new JsonObject { ["value"] = "10.91.0.1" } }).ToArray();
        await fixture.SyncAsync(new ListConnector().With(before), ["domain-record"]);
        var snapshot = await CountsAsync();
        await Db(db => db.Database.ExecuteSqlRawAsync("""
            CREATE TRIGGER crash_during_sync BEFORE INSERT ON inventory_changes FOR EACH ROW
            BEGIN IF NEW.resource_name = 'crash-here' THEN SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'simulated crash'; END IF; END
            """));
        try
        {
            var added = Enumerable.Range(1, 1500).Select(i => Simple("domain-record", $"new-{i:0000}") with { Name = i == 1400 ? "crash-here" : $"new-{i:0000}" });
            var changed = before[..5].Select(r => r with { Attributes = new JsonObject { ["value"] = "10.91.0.2" } });
            var run = await fixture.SyncAsync(new ListConnector().With([.. changed, before[5], before[6], .. added]), ["domain-record"]);

            Assert.Equal(SyncRunStatuses.Failed, run.Status);
            Assert.Contains("simulated crash", run.Problem);
            Assert.Equal(snapshot, await CountsAsync());
            Assert.All(await RowsAsync("domain-record"), r => Assert.Contains("10.91.0.1", r.AttributesJson));
            Assert.True(await Db(db => db.Notifications.AnyAsync(n => n.Event == NotificationEvent.SyncFailed.ToString() && n.Content.Contains("#" + run.Id))));
        }
        finally
        {
            await Db(db => db.Database.ExecuteSqlRawAsync("DROP TRIGGER crash_during_sync"));
        }
    }

    private Task<(int Resources, int Journal, int Ips)> CountsAsync() => Db(async db => (
        await db.InventoryResources.CountAsync(), await db.InventoryChanges.CountAsync(), await db.IpIndex.CountAsync()));

    [Fact]
    public async Task A_source_that_is_down_fails_the_run_records_and_alerts_it_and_changes_nothing()
    {
        await fixture.SyncAsync(new ListConnector().With(Simple("project", "proj-1")), ["project"]);

        var run = await fixture.SyncAsync(new ListConnector("cmp") { Failure = new InventorySourceException("The CMP at cmp.example.test did not answer.") }, ["project"]);

        Assert.Equal(SyncRunStatuses.Failed, run.Status);
        Assert.Equal("The CMP at cmp.example.test did not answer.", run.Problem);
        Assert.Single(await RowsAsync("project"));
        var listed = await fixture.GetJsonAsync("/api/inventory/syncs?status=failed", TestAuth.Admin);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt64() == run.Id && r.GetProperty("connector").GetString() == "cmp");
    }

    [Fact]
    public async Task A_run_a_crash_left_running_is_marked_failed_on_the_next_start()
    {
        var stale = await Db(async db =>
        {
            var run = new InventorySyncRun
            {
                SyncName = "crashed", Connector = "cmp", Trigger = "schedule", Status = SyncRunStatuses.Running, Scopes = "vm", StartedAt = DateTime.UtcNow.AddHours(-7),
            };
            db.InventorySyncRuns.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });

        await fixture.Syncs.MarkInterruptedAsync(CancellationToken.None);

        var run = await Db(db => db.InventorySyncRuns.AsNoTracking().SingleAsync(r => r.Id == stale));
        Assert.Equal(SyncRunStatuses.Failed, run.Status);
        Assert.Contains("Interrupted", run.Problem);
    }
}
