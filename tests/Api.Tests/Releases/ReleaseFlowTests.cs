using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cmdb.Api.Tests.Tickets;
using Cmdb.TestSupport;

namespace Cmdb.Api.Tests.Releases;

/// <summary>新建发布流程 through the API on the embedded default's local control repository (real git).</summary>
public sealed class ReleaseFlowTests(ReleaseFlowTests.Service service) : IClassFixture<ReleaseFlowTests.Service>
{
    public static readonly TestAuth.Persona Operator = new("release-op", [], []);

    public sealed class Service : TicketService
    {
        public string Repository { get; } = Path.Combine(Directory.CreateTempSubdirectory("cmdb-release-api-").FullName, "control.git");

        protected override void Configure(Dictionary<string, string?> settings, Microsoft.Extensions.DependencyInjection.IServiceCollection services) =>
            settings["Integrations:GitLab:LocalRepositoryPath"] = Repository;

        public string Git(params string[] arguments)
        {
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add("--git-dir=" + Repository);
            foreach (var argument in arguments)
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return output.Trim();
        }
    }

    private static object Plan(string[][] batches, DateTime? start = null) => new
    {
        description = "Pin a module",
        windowStart = start ?? DateTime.UtcNow.AddHours(-1),
        windowEnd = (start ?? DateTime.UtcNow.AddHours(-1)).AddHours(4),
        batches = batches.Select((zones, i) => new { name = $"b{i + 1}", zones, stores = i == 0 ? new[] { "S0001" } : Array.Empty<string>() }),
        operators = new[] { Operator.Name },
    };

    private async Task<long> ToModifyAsync(object plan)
    {
        var id = await service.SubmitOkAsync(TestAuth.Requester, "puppet-release", plan);
        await Eventually.Until(async () => (await service.GetAsync(TestAuth.Requester, id)).GetProperty("currentStep").ValueKind == JsonValueKind.Object
            && (await service.GetAsync(TestAuth.Requester, id)).GetProperty("currentStep").GetProperty("id").GetString() == "modify", TimeSpan.FromSeconds(30), "the release waits at 修改配置");
        return id;
    }

    private Task<HttpResponseMessage> PutFileAsync(long id, string content, TestAuth.Persona? who = null) =>
        service.As(who ?? TestAuth.Requester).PutAsJsonAsync($"/api/releases/{id}/files/Puppetfile", new { content, message = "Add store_ntp" });

    private async Task<long> ApprovedAsync(string[][] batches)
    {
        // Zones earlier tests left behind production are brought level first.
        var level = await service.As(TestAuth.Approver).PostAsync("/api/releases/branch-health/level", null);
        Assert.True(level.StatusCode == HttpStatusCode.OK, await level.Content.ReadAsStringAsync());
        var id = await ToModifyAsync(Plan(batches));
        // Content no earlier test released, so the change is a real commit on the temporary branch.
        Assert.Equal(HttpStatusCode.OK, (await PutFileAsync(id, $"# change {Guid.NewGuid():N}\nmod 'store_pos', :local => true\nmod 'store_ntp', :local => true\n")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await service.As(TestAuth.Requester).PostAsJsonAsync($"/api/releases/{id}/submit-change", new { comment = "ready" })).StatusCode);
        await service.WaitForStatusAsync(id, "WaitingForApproval");
        await service.ActAsync(TestAuth.Approver, id, "approve");
        await Eventually.Until(async () => (await Release(id, Operator)).GetProperty("actions").EnumerateArray().Any(a => a.GetString() == "releaseNext"),
            TimeSpan.FromSeconds(30), "the operator may release");
        return id;
    }

    private async Task<JsonElement> Release(long id, TestAuth.Persona who) => await service.As(who).GetFromJsonAsync<JsonElement>($"/api/releases/{id}");

    private Task<HttpResponseMessage> NextAsync(long id, TestAuth.Persona? who = null) => service.As(who ?? Operator).PostAsync($"/api/releases/{id}/stages/next", null);

    [Fact]
    public async Task A_release_goes_from_the_temporary_branch_to_uat_production_and_each_batch_and_the_ticket_completes()
    {
        var id = await ApprovedAsync([["zone01"], ["zone02", "zone03"]]);
        var preview = await service.As(Operator).GetFromJsonAsync<JsonElement>($"/api/releases/{id}/preview");
        var planned = preview.GetProperty("merges").EnumerateArray().ToList();
        Assert.Equal(["uat", "production", "zone01", "zone02", "zone03"], planned.Select(m => m.GetProperty("target").GetString()));
        Assert.Equal("Done", planned[0].GetProperty("now").GetString());
        Assert.Equal(["Puppetfile"], planned[0].GetProperty("changedFiles").EnumerateArray().Select(f => f.GetString()));
        Assert.All(planned, m => Assert.NotEqual("Conflict", m.GetProperty("now").GetString()));

        for (var stage = 0; stage < 4; stage++)
            Assert.Equal(HttpStatusCode.OK, (await NextAsync(id)).StatusCode);

        await service.WaitForStatusAsync(id, "Completed");
        foreach (var branch in new[] { "uat", "production", "zone01", "zone02", "zone03" })
            Assert.Equal(service.Git("show", $"release/{id}:Puppetfile"), service.Git("show", $"{branch}:Puppetfile"));
        Assert.NotEqual(service.Git("show", $"release/{id}:Puppetfile"), service.Git("show", "zone04:Puppetfile"));
        var view = await Release(id, TestAuth.Requester);
        Assert.All(view.GetProperty("stages").EnumerateArray(), s => Assert.Equal("Released", s.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Live_events_send_the_release_and_again_when_a_stage_changes()
    {
        var id = await ApprovedAsync([["zone02"]]);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/releases/{id}/events");
        using var response = await service.As(Operator).SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        async Task<JsonElement> NextEventAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            string? line;
            while ((line = await reader.ReadLineAsync(timeout.Token)) is not null)
            {
                if (line.StartsWith("data: ", StringComparison.Ordinal))
                    return JsonDocument.Parse(line["data: ".Length..]).RootElement;
            }
            throw new InvalidOperationException("the stream ended");
        }

        var first = await NextEventAsync();
        Assert.Equal("Pending", first.GetProperty("stages")[0].GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await NextAsync(id)).StatusCode);
        var second = await NextEventAsync();
        Assert.True(second.GetProperty("revision").GetInt32() > first.GetProperty("revision").GetInt32());
        Assert.Equal("Released", second.GetProperty("stages")[0].GetProperty("status").GetString());

        await service.As(Operator).PostAsync($"/api/releases/{id}/rollback", null);
        await service.ActAsync(TestAuth.Requester, id, "cancel");
    }

    [Fact]
    public async Task An_approver_may_change_the_batches_and_each_stage_result_is_told_with_its_stores()
    {
        var level = await service.As(TestAuth.Approver).PostAsync("/api/releases/branch-health/level", null);
        Assert.Equal(HttpStatusCode.OK, level.StatusCode);
        var id = await ToModifyAsync(Plan([["zone01"]]));
        await PutFileAsync(id, $"# change {Guid.NewGuid():N}\nmod 'store_pos', :local => true\n");
        await service.As(TestAuth.Requester).PostAsJsonAsync($"/api/releases/{id}/submit-change", new { });
        await service.WaitForStatusAsync(id, "WaitingForApproval");

        var edited = await service.As(TestAuth.Approver).PutAsJsonAsync($"/api/tickets/{id}/form", new { form = Plan([["zone01"], ["zone03"]]), comment = "add a batch" });
        Assert.True(edited.StatusCode == HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        await service.ActAsync(TestAuth.Approver, id, "approve");
        await Eventually.Until(async () => (await Release(id, Operator)).GetProperty("actions").EnumerateArray().Any(a => a.GetString() == "releaseNext"),
            TimeSpan.FromSeconds(30), "the operator may release");
        Assert.Equal(["uat", "production", "b1", "b2"], (await Release(id, Operator)).GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("name").GetString()));

        for (var stage = 0; stage < 4; stage++)
            Assert.Equal(HttpStatusCode.OK, (await NextAsync(id)).StatusCode);

        var told = await service.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Notifications.Where(n => n.TicketId == id.ToString() && n.Event == "ReleaseBatchResult").OrderBy(n => n.Id)));
        Assert.Equal(4, told.Count);
        Assert.Contains("S0001", told[2].Content);
        Assert.Contains("no stores in this batch", told[3].Content);
        Assert.All(told, n => Assert.Equal("releases", n.Purpose));
        await service.WaitForStatusAsync(id, "Completed");
    }

    [Fact]
    public async Task The_change_needs_a_commit_and_a_Puppetfile_r10k_accepts_and_only_the_release_endpoint_submits_it()
    {
        var id = await ToModifyAsync(Plan([["zone04"]]));
        Assert.Equal(HttpStatusCode.Conflict, (await service.As(TestAuth.Requester).PostAsJsonAsync($"/api/releases/{id}/submit-change", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await service.ActAsync(TestAuth.Requester, id, "submit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await PutFileAsync(id, "mod 'x', :local => true\n", TestAuth.Approver)).StatusCode);
        var outside = await service.As(TestAuth.Requester).PutAsJsonAsync($"/api/releases/{id}/files/data/..%2F..%2Fetc", new { content = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, outside.StatusCode);
        Assert.Contains("not a file path", await outside.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await service.As(TestAuth.Requester).GetAsync($"/api/releases/{id}/files/data/none.yaml")).StatusCode);

        await PutFileAsync(id, "mod 'puppetlabs-stdlib', '9.4.1'\nmod 'puppetlabs-stdlib', '9.4.2'\n");
        var refused = await service.As(TestAuth.Requester).PostAsJsonAsync($"/api/releases/{id}/submit-change", new { });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("duplicate module names", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await service.ActAsync(TestAuth.Requester, id, "cancel")).StatusCode);
    }

    [Fact]
    public async Task Only_an_operator_releases_and_a_partial_release_is_rolled_back_before_it_can_be_cancelled()
    {
        var id = await ApprovedAsync([["zone04"]]);
        Assert.Equal(HttpStatusCode.Forbidden, (await NextAsync(id, TestAuth.Approver)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await service.ActAsync(Operator, id, "confirm")).StatusCode);
        var first = await NextAsync(id);
        Assert.True(first.StatusCode == HttpStatusCode.OK, await first.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, (await service.ActAsync(TestAuth.Requester, id, "cancel")).StatusCode);
        var rollback = await service.As(Operator).PostAsync($"/api/releases/{id}/rollback", null);
        Assert.Equal(HttpStatusCode.OK, rollback.StatusCode);
        Assert.Equal("rolled back", (await rollback.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await NextAsync(id)).StatusCode);

        var cancelled = await service.ActAsync(TestAuth.Requester, id, "cancel");
        Assert.True(cancelled.StatusCode == HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());
        await service.WaitForStatusAsync(id, "Cancelled");
        Assert.DoesNotContain($"release/{id}", service.Git("branch", "--list", "release/*"));
    }

    [Fact]
    public async Task Outside_the_window_a_stage_is_refused_naming_the_window()
    {
        var id = await ToModifyAsync(Plan([["zone04"]], start: DateTime.UtcNow.AddHours(2)));
        await PutFileAsync(id, "mod 'store_pos', :local => true\nmod 'late', :local => true\n");
        await service.As(TestAuth.Requester).PostAsJsonAsync($"/api/releases/{id}/submit-change", new { });
        await service.WaitForStatusAsync(id, "WaitingForApproval");
        await service.ActAsync(TestAuth.Approver, id, "approve");
        await Eventually.Until(async () => (await service.GetAsync(TestAuth.Requester, id)).GetProperty("currentStep").GetProperty("id").GetString() == "release",
            TimeSpan.FromSeconds(30), "the release step");

        var refused = await NextAsync(id);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Outside the release window", await refused.Content.ReadAsStringAsync());
        await service.ActAsync(TestAuth.Requester, id, "cancel");
    }

    [Fact]
    public async Task A_window_shorter_than_an_hour_or_a_zone_in_two_batches_or_uat_in_a_batch_is_refused()
    {
        var shortWindow = await service.SubmitAsync(TestAuth.Requester, "puppet-release", new
        {
            description = "x", windowStart = DateTime.UtcNow, windowEnd = DateTime.UtcNow.AddMinutes(30),
            batches = new[] { new { name = "b1", zones = new[] { "zone01" }, stores = Array.Empty<string>() } }, operators = new[] { "op" },
        });
        Assert.Contains("at least one hour", await shortWindow.Content.ReadAsStringAsync());
        var twice = await service.SubmitAsync(TestAuth.Requester, "puppet-release", Plan([["zone01"], ["zone01"]]));
        Assert.Contains("A zone is in at most one batch", await twice.Content.ReadAsStringAsync());
        var uat = await service.SubmitAsync(TestAuth.Requester, "puppet-release", Plan([["uat"]]));
        Assert.Contains("is never in a batch", await uat.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Branch_health_lists_the_long_lived_branches_and_levelling_makes_them_level()
    {
        var health = await service.As(TestAuth.Requester).GetFromJsonAsync<JsonElement>("/api/releases/branch-health");
        Assert.Contains(health.EnumerateArray(), b => b.GetProperty("branch").GetString() == "production" && b.GetProperty("upstream").GetString() == "uat");
        Assert.Equal(HttpStatusCode.Forbidden, (await service.As(TestAuth.Requester).PostAsync("/api/releases/branch-health/level", null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await service.As(TestAuth.Approver).PostAsync("/api/releases/branch-health/level", null)).StatusCode);
        var after = await service.As(TestAuth.Requester).GetFromJsonAsync<JsonElement>("/api/releases/branch-health");
        Assert.All(after.EnumerateArray(), b => Assert.True(b.GetProperty("level").GetBoolean(), b.ToString()));
    }
}
