using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Domain.Flows;
using Cmdb.TestSupport;
using static Cmdb.Api.Tests.Definitions.DefinitionService;

namespace Cmdb.Api.Tests.Definitions;

/// <summary>The admin endpoints of /api/definitions and /api/activities.</summary>
[Collection(DefinitionCollection.Name)]
public sealed class DefinitionApiTests(DefinitionService service)
{
    private HttpClient Admin => service.As(TestAuth.Admin);

    private static string CheckedIn(string file) => File.ReadAllText(Path.Combine(BuildOutput.RepositoryRoot, "workflow-definitions", file));

    private static JsonObject Simple(string id, string label = "'one'") => Flow(id, Record("work", label, next: "done"), End("done"));

    private static async Task<JsonElement> OkJson(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected 200, got {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static IEnumerable<(string Pointer, string Code)> Problems(JsonElement json) =>
        json.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("pointer").GetString()!, p.GetProperty("code").GetString()!));

    private static string Normalized(string json) =>
        FlowDefinitionJson.Write(FlowDefinitionJson.Parse(json, out var problem) ?? throw new InvalidOperationException(problem!.Message));

    [Fact]
    public async Task The_checked_in_flows_are_listed_with_their_latest_version()
    {
        var list = await OkJson(await Admin.GetAsync("/api/definitions"));

        var cert = list.EnumerateArray().Single(f => f.GetProperty("id").GetString() == "puppet-cert-delete");
        Assert.Equal("Puppet证书删除流程", cert.GetProperty("nameZh").GetString());
        Assert.Equal("puppet-cert-delete", cert.GetProperty("form").GetString());
        Assert.True(cert.GetProperty("latestVersion").GetInt32() >= 1);
        Assert.Contains(list.EnumerateArray(), f => f.GetProperty("id").GetString() == "puppet-group-change");
    }

    [Fact]
    public async Task Versions_of_a_flow_are_listed_and_an_unknown_flow_is_404()
    {
        var versions = await OkJson(await Admin.GetAsync("/api/definitions/puppet-group-change/versions"));

        var v1 = versions.EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == 1);
        Assert.Equal("file", v1.GetProperty("source").GetString());
        Assert.Equal(64, v1.GetProperty("checksum").GetString()!.Length);
        await (await Admin.GetAsync("/api/definitions/no-such-flow/versions")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_version_is_its_document_and_an_unknown_version_is_404()
    {
        var v1 = await OkJson(await Admin.GetAsync("/api/definitions/puppet-cert-delete/versions/1"));

        Assert.Equal("puppet-cert-delete", v1.GetProperty("id").GetString());
        Assert.Equal(1, v1.GetProperty("version").GetInt32());
        Assert.Equal("approve", v1.GetProperty("start").GetString());
        await (await Admin.GetAsync("/api/definitions/puppet-cert-delete/versions/999")).AssertProblem(HttpStatusCode.NotFound);
        await (await Admin.GetAsync("/api/definitions/no-such-flow/versions/1")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_graph_has_nodes_with_kinds_and_activities_and_edges_labelled_by_outcome()
    {
        var graph = await OkJson(await Admin.GetAsync("/api/definitions/puppet-cert-delete/versions/1/graph"));

        Assert.Equal("approve", graph.GetProperty("start").GetString());
        var nodes = graph.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);
        Assert.Equal("human", nodes["approve"].GetProperty("kind").GetString());
        Assert.Equal("puppet.deleteCertificate", nodes["delete-certificate"].GetProperty("activity").GetString());
        Assert.Equal("delete-certificates", nodes["delete-certificate"].GetProperty("parent").GetString());
        var edges = graph.GetProperty("edges").EnumerateArray()
            .Select(e => $"{e.GetProperty("from").GetString()}-{e.GetProperty("label").GetString()}->{e.GetProperty("to").GetString()}").ToList();
        Assert.Contains("approve-approved->delete-certificates", edges);
        Assert.Contains("approve-rejected->rejected", edges);
        Assert.Contains("delete-certificates-do->delete-certificate", edges);
        await (await Admin.GetAsync("/api/definitions/puppet-cert-delete/versions/999/graph")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Export_gives_the_file_of_a_stored_version_which_validates_and_imports_as_the_same()
    {
        var response = await Admin.GetAsync("/api/definitions/puppet-cert-delete/versions/1/export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("puppet-cert-delete.v1.json", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var text = await response.Content.ReadAsStringAsync();
        // The same definition as the checked-in file, in the store's one JSON form.
        Assert.Equal(Normalized(CheckedIn("puppet-cert-delete.v1.json")), Normalized(text));
        var report = await OkJson(await Admin.PostAsync("/api/definitions/validate", new StringContent(text, Encoding.UTF8, "application/json")));
        Assert.True(report.GetProperty("valid").GetBoolean(), report.ToString());
        await (await Admin.GetAsync("/api/definitions/puppet-cert-delete/versions/999/export")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_exported_version_saved_as_a_draft_and_published_is_the_same_definition_one_version_up()
    {
        var flow = NewFlowId("round");
        await service.PublishAsync(Simple(flow));
        var exported = await (await Admin.GetAsync($"/api/definitions/{flow}/versions/1/export")).Content.ReadAsStringAsync();

        await Admin.PutAsync($"/api/definitions/{flow}/draft", new StringContent(exported, Encoding.UTF8, "application/json"));
        var published = await OkJson(await Admin.PostAsync($"/api/definitions/{flow}/publish", null));

        Assert.Equal(2, published.GetProperty("version").GetInt32());
        var diff = await OkJson(await Admin.GetAsync($"/api/definitions/{flow}/diff?from=1&to=2"));
        Assert.Empty(diff.GetProperty("fields").EnumerateArray());
        Assert.Empty(diff.GetProperty("steps").EnumerateArray());
    }

    [Fact]
    public async Task Validate_answers_valid_for_a_good_definition()
    {
        var report = await OkJson(await Admin.PostAsync("/api/definitions/validate",
            new StringContent(CheckedIn("puppet-group-change.v1.json"), Encoding.UTF8, "application/json")));

        Assert.True(report.GetProperty("valid").GetBoolean());
        Assert.Empty(report.GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public async Task Validate_lists_every_problem_with_its_pointer_and_code()
    {
        var doc = Simple(NewFlowId("check"));
        doc["form"] = "cluster-teleport";
        doc["steps"]![0]!["activity"] = "test.unknown";
        doc["steps"]!.AsArray().Add(End("orphan"));

        var report = await OkJson(await Admin.PostAsJsonAsync("/api/definitions/validate", doc));

        Assert.False(report.GetProperty("valid").GetBoolean());
        var problems = Problems(report).ToList();
        Assert.Contains(("/form", "unknown-form"), problems);
        Assert.Contains(("/steps/0/activity", "unknown-activity"), problems);
        Assert.Contains(("/steps/2", "unreachable-step"), problems);
        Assert.All(report.GetProperty("problems").EnumerateArray(), p => Assert.False(string.IsNullOrEmpty(p.GetProperty("message").GetString())));
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var response = await Admin.PostAsync("/api/definitions/validate", new StringContent("{ \"id\": ", Encoding.UTF8, "application/json"));

        await response.AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_draft_is_saved_with_its_report_and_read_back()
    {
        var flow = NewFlowId("draft");
        var doc = Simple(flow);
        doc["steps"]![0]!["inputs"]!["label"] = "frm.label";

        var report = await OkJson(await Admin.PutAsJsonAsync($"/api/definitions/{flow}/draft", doc));
        var draft = await OkJson(await Admin.GetAsync($"/api/definitions/{flow}/draft"));

        Assert.False(report.GetProperty("valid").GetBoolean());
        Assert.Contains(("/steps/0/inputs/label", "bad-expression"), Problems(report));
        Assert.Equal("frm.label", draft.GetProperty("steps")[0].GetProperty("inputs").GetProperty("label").GetString());
        var listed = (await OkJson(await Admin.GetAsync("/api/definitions"))).EnumerateArray().Single(f => f.GetProperty("id").GetString() == flow);
        Assert.True(listed.GetProperty("hasDraft").GetBoolean());
        Assert.Equal("admin", listed.GetProperty("draftUpdatedBy").GetString());
        Assert.Equal(0, listed.GetProperty("latestVersion").GetInt32());
    }

    [Fact]
    public async Task A_draft_whose_id_is_another_flow_is_a_400_at_id_and_stores_nothing()
    {
        var flow = NewFlowId("other");

        var problem = await (await Admin.PutAsJsonAsync($"/api/definitions/{flow}/draft", Simple(NewFlowId("mismatch")))).AssertProblem(HttpStatusCode.BadRequest);

        Assert.Contains(Problems(problem), p => p.Pointer == "/id");
        await (await Admin.GetAsync($"/api/definitions/{flow}/draft")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_draft_breaking_the_schema_is_kept_with_its_problems()
    {
        var flow = NewFlowId("loose");
        await Admin.PutAsJsonAsync($"/api/definitions/{flow}/draft", Simple(flow));
        var doc = Simple(flow);
        doc["steps"]![0]!["kind"] = "loop";

        var report = await OkJson(await Admin.PutAsJsonAsync($"/api/definitions/{flow}/draft", doc));

        Assert.False(report.GetProperty("valid").GetBoolean());
        Assert.Contains(("/steps/0/kind", "schema"), Problems(report));
        var draft = await OkJson(await Admin.GetAsync($"/api/definitions/{flow}/draft"));
        Assert.Equal("loop", draft.GetProperty("steps")[0].GetProperty("kind").GetString());
        await (await Admin.PostAsync($"/api/definitions/{flow}/publish", null)).AssertProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Publishing_makes_version_latest_plus_one_and_lists_it()
    {
        var flow = NewFlowId("pub");

        Assert.Equal(1, await service.PublishAsync(Simple(flow)));
        Assert.Equal(2, await service.PublishAsync(Simple(flow, "'two'")));

        var versions = await OkJson(await Admin.GetAsync($"/api/definitions/{flow}/versions"));
        Assert.Equal([2, 1], versions.EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.All(versions.EnumerateArray(), v => Assert.Equal(("designer", "admin"), (v.GetProperty("source").GetString(), v.GetProperty("publishedBy").GetString())));
        var v2 = await OkJson(await Admin.GetAsync($"/api/definitions/{flow}/versions/2"));
        Assert.Equal("'two'", v2.GetProperty("steps")[0].GetProperty("inputs").GetProperty("label").GetString());
        await (await Admin.GetAsync($"/api/definitions/{flow}/draft")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_a_draft_with_problems_is_a_400_listing_them_located()
    {
        var flow = NewFlowId("bad");
        var doc = Simple(flow);
        doc["steps"]![0]!.AsObject().Remove("next");
        doc["steps"]![0]!["inputs"] = new JsonObject();
        await Admin.PutAsJsonAsync($"/api/definitions/{flow}/draft", doc);

        var problem = await (await Admin.PostAsync($"/api/definitions/{flow}/publish", null)).AssertProblem(HttpStatusCode.BadRequest);

        var problems = Problems(problem).ToList();
        Assert.Contains(("/steps/0", "no-next-step"), problems);
        Assert.Contains(("/steps/0/inputs", "missing-input"), problems);
        await (await Admin.GetAsync($"/api/definitions/{flow}/versions/1")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publishing_without_a_draft_is_409_and_an_unknown_flow_404()
    {
        var flow = NewFlowId("twice");
        await service.PublishAsync(Simple(flow));

        await (await Admin.PostAsync($"/api/definitions/{flow}/publish", null)).AssertProblem(HttpStatusCode.Conflict);
        await (await Admin.PostAsync("/api/definitions/no-such-flow/publish", null)).AssertProblem(HttpStatusCode.NotFound);
        await (await Admin.GetAsync("/api/definitions/no-such-flow/draft")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_diff_of_two_versions_names_the_changed_steps_and_a_missing_version_is_404()
    {
        var flow = NewFlowId("diff");
        await service.PublishAsync(Simple(flow));
        var v2 = Flow(flow, Record("work", "'changed'", next: "more"), Record("more", "'more'", next: "done"), End("done"));
        v2["name"]!["en"] = "Renamed";
        await service.PublishAsync(v2);

        var diff = await OkJson(await Admin.GetAsync($"/api/definitions/{flow}/diff?from=1&to=2"));

        Assert.Equal(["name"], diff.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        var steps = diff.GetProperty("steps").EnumerateArray()
            .Select(s => $"{s.GetProperty("stepId").GetString()}:{s.GetProperty("change").GetString()}:{string.Join(',', s.GetProperty("fields").EnumerateArray().Select(f => f.GetString()))}");
        Assert.Equal(["more:added:", "work:changed:inputs,next"], steps);
        await (await Admin.GetAsync($"/api/definitions/{flow}/diff?from=1&to=3")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_version_without_instances_is_removed_and_then_is_404()
    {
        var flow = NewFlowId("gone");
        await service.PublishAsync(Simple(flow));
        await service.PublishAsync(Simple(flow, "'two'"));

        var removed = await Admin.DeleteAsync($"/api/definitions/{flow}/versions/2");

        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await (await Admin.GetAsync($"/api/definitions/{flow}/versions/2")).AssertProblem(HttpStatusCode.NotFound);
        await (await Admin.DeleteAsync($"/api/definitions/{flow}/versions/2")).AssertProblem(HttpStatusCode.NotFound);
        var listed = (await OkJson(await Admin.GetAsync("/api/definitions"))).EnumerateArray().Single(f => f.GetProperty("id").GetString() == flow);
        Assert.Equal(1, listed.GetProperty("latestVersion").GetInt32());
    }

    [Fact]
    public async Task Activities_are_listed_with_inputs_outputs_outcomes_and_description()
    {
        var activities = await OkJson(await Admin.GetAsync("/api/activities"));

        var byName = activities.EnumerateArray().ToDictionary(a => a.GetProperty("name").GetString()!);
        Assert.Contains("puppet.deleteCertificate", byName.Keys);
        Assert.Contains("ldap.changeGroup", byName.Keys);
        var notify = byName["notify.wecom"];
        Assert.False(string.IsNullOrEmpty(notify.GetProperty("description").GetString()));
        var text = notify.GetProperty("inputs").EnumerateArray().Single(i => i.GetProperty("name").GetString() == "text");
        Assert.True(text.GetProperty("required").GetBoolean());
        Assert.Equal("string", text.GetProperty("type").GetString());
        Assert.Contains(notify.GetProperty("outputs").EnumerateArray(), o => o.GetProperty("name").GetString() == "notificationId");
        Assert.Equal(["left", "right"], byName["test.pick"].GetProperty("outcomes").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
    }

    public static TheoryData<string, string> Endpoints() => new()
    {
        { "GET", "/api/activities" },
        { "GET", "/api/definitions" },
        { "POST", "/api/definitions/validate" },
        { "GET", "/api/definitions/puppet-cert-delete/versions" },
        { "GET", "/api/definitions/puppet-cert-delete/versions/1" },
        { "GET", "/api/definitions/puppet-cert-delete/versions/1/graph" },
        { "GET", "/api/definitions/puppet-cert-delete/versions/1/export" },
        { "DELETE", "/api/definitions/puppet-cert-delete/versions/1" },
        { "GET", "/api/definitions/puppet-cert-delete/draft" },
        { "PUT", "/api/definitions/puppet-cert-delete/draft" },
        { "POST", "/api/definitions/puppet-cert-delete/publish" },
        { "GET", "/api/definitions/puppet-cert-delete/diff?from=1&to=1" },
    };

    private static HttpRequestMessage Request(string method, string path) => new(new HttpMethod(method), path)
    {
        Content = method is "POST" or "PUT" ? new StringContent(CheckedIn("puppet-cert-delete.v1.json"), Encoding.UTF8, "application/json") : null,
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Only_admins_may_use_the_definition_endpoints(string method, string path)
    {
        foreach (var persona in new[] { TestAuth.Approver, TestAuth.Requester })
        {
            var refused = await service.As(persona).SendAsync(Request(method, path));
            await refused.AssertProblem(HttpStatusCode.Forbidden);
        }
        var anonymous = await service.Factory.CreateClient().SendAsync(Request(method, path));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(1, (await OkJson(await Admin.GetAsync("/api/definitions/puppet-cert-delete/versions"))).GetArrayLength());
    }
}
