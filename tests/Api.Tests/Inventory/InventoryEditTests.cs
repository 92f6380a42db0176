using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Inventory;
using Cmdb.Domain.Inventory.Sync;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tests.Inventory;

/// <summary>A person corrects a resource: same normalisation as a sync, journalled as the user, race-safe, admins only.</summary>
public sealed class InventoryEditTests(InventoryFixture data) : IClassFixture<InventoryFixture>
{
    private async Task<long> VmAsync(string name, string ip)
    {
        var run = await data.SyncAsync(new ListConnector().With(InventoryFixture.Vm(name, ip, owner: "u1", extraTags: "system:pos")), ["vm"], name: "edit-" + name);
        Assert.Equal(SyncRunStatuses.Applied, run.Status);
        var list = await data.GetJsonAsync($"/api/inventory/vm?name={name}&fields=id");
        return list.GetProperty("items")[0].GetProperty("id").GetInt64();
    }

    private Task<HttpResponseMessage> PatchAsync(long id, string json, string? ifMatch = null, TestAuth.Persona? persona = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/inventory/vm/{id}") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return data.As(persona ?? TestAuth.Admin).SendAsync(request);
    }

    [Fact]
    public async Task An_edit_is_normalised_indexed_and_journalled_as_the_user()
    {
        var id = await VmAsync("edit-normal-01", "10.91.0.1");

        var response = await PatchAsync(id, """{"status":"stopped","env":"UAT","tags":"owner:u2,system:erp,module:api","cpu":"8","privateIps":["10.91.0.2"]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = await response.Content.ReadFromJsonAsync<JsonElement>();
        var resource = detail.GetProperty("resource");
        Assert.Equal("已关机", resource.GetProperty("status").GetString());
        Assert.Equal("uat", resource.GetProperty("env").GetString());
        Assert.Equal("u2", resource.GetProperty("owner").GetString());
        Assert.Equal("erp", resource.GetProperty("system").GetString());
        Assert.Equal("api", resource.GetProperty("module").GetString());
        Assert.Equal(8, resource.GetProperty("cpu").GetInt64());
        var journal = detail.GetProperty("journal")[0];
        Assert.Equal("user:admin", journal.GetProperty("source").GetString());
        Assert.Equal("4", journal.GetProperty("changes").GetProperty("cpu").GetProperty("before").GetString());
        Assert.Equal("已关机", journal.GetProperty("changes").GetProperty("status").GetProperty("after").GetString());

        var holders = await data.Db(db => db.IpIndex.Where(i => i.ResourceId == id).Select(i => i.Address).ToListAsync());
        Assert.Equal(["10.91.0.2"], holders);
        var stored = await data.Db(db => db.InventoryResources.SingleAsync(r => r.Id == id));
        Assert.Equal(0, stored.DataVersion);
    }

    [Fact]
    public async Task Filter_options_follow_an_edit_at_once()
    {
        var id = await VmAsync("edit-options-01", "10.91.5.1");
        const string url = "/api/inventory/vm/options/status?name=edit-options-01";
        Assert.Equal(["运行中"], (await data.GetJsonAsync(url)).EnumerateArray().Select(o => o.GetProperty("value").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(id, """{"status":"stopped"}""")).StatusCode);

        Assert.Equal(["已关机"], (await data.GetJsonAsync(url)).EnumerateArray().Select(o => o.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task A_stale_version_is_a_409_and_changes_nothing()
    {
        var id = await VmAsync("edit-stale-01", "10.91.1.1");
        var version = (await data.GetJsonAsync($"/api/inventory/vm/{id}")).GetProperty("resource").GetProperty("version").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await PatchAsync(id, """{"owner":"u5"}""", $"\"{version}\"")).StatusCode);

        var problem = await (await PatchAsync(id, """{"owner":"u6"}""", $"\"{version}\"")).AssertProblem(HttpStatusCode.Conflict);

        Assert.Contains("changed since it was read", problem.GetProperty("detail").GetString());
        Assert.Equal("u5", (await data.GetJsonAsync($"/api/inventory/vm/{id}")).GetProperty("resource").GetProperty("owner").GetString());
    }

    [Theory]
    [InlineData("""{"resourceUid":"x"}""", "resourceUid")]
    [InlineData("""{"nosuchfield":1}""", "nosuchfield")]
    [InlineData("""{"system":"erp"}""", "system")]
    [InlineData("""{"name":" "}""", "name")]
    [InlineData("""{}""", "body")]
    public async Task A_field_that_cannot_be_edited_is_a_400_naming_it(string body, string field)
    {
        var id = await VmAsync($"edit-bad-{field}", "10.91.2.1");

        var problem = await (await PatchAsync(id, body)).AssertProblem(HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        var journal = await data.Db(db => db.InventoryChanges.CountAsync(c => c.ResourceId == id));
        Assert.Equal(1, journal);
    }

    [Fact]
    public async Task Unknown_resources_are_404_and_non_admins_are_403()
    {
        var id = await VmAsync("edit-forbidden-01", "10.91.3.1");

        await (await PatchAsync(999_999_999, """{"owner":"u7"}""")).AssertProblem(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Forbidden, (await PatchAsync(id, """{"owner":"u7"}""", persona: TestAuth.Requester)).StatusCode);
        Assert.Equal("u1", (await data.GetJsonAsync($"/api/inventory/vm/{id}")).GetProperty("resource").GetProperty("owner").GetString());
    }

    [Fact]
    public async Task Two_edits_racing_on_one_version_leave_one_winner()
    {
        var id = await VmAsync("edit-race-01", "10.91.4.1");
        var version = (await data.GetJsonAsync($"/api/inventory/vm/{id}")).GetProperty("resource").GetProperty("version").GetString()!;

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => PatchAsync(id, $$"""{"owner":"racer{{i}}"}""", $"\"{version}\"")));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.OK), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(2, await data.Db(db => db.InventoryChanges.CountAsync(c => c.ResourceId == id)));
    }
}
