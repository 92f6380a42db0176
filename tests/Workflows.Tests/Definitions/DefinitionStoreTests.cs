using System.Text.Json.Nodes;
using Cmdb.Domain.Common;
using Cmdb.Domain.Flows;
using Cmdb.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Tests.Definitions;

/// <summary>Drafts and published versions on MariaDB: latest + 1, immutable versions, removal guarded by running instances, file import.</summary>
public sealed class DefinitionStoreTests(DefinitionStoreFixture fixture) : IClassFixture<DefinitionStoreFixture>
{
    private static readonly CancellationToken None = CancellationToken.None;

    private DefinitionStore Store => fixture.Store;

    private async Task<int> PublishAsync(string flowId, JsonObject document)
    {
        var problems = await Store.SaveDraftAsync(flowId, document.ToJsonString(), "admin", None);
        Assert.Empty(problems);
        return await Store.PublishAsync(flowId, "admin", None);
    }

    private static JsonObject WithExtraWait(JsonObject document, string stepId)
    {
        document.Step("notify")["next"] = stepId;
        document.Steps().Insert(3, new JsonObject { ["id"] = stepId, ["kind"] = "wait", ["duration"] = "PT1M", ["next"] = "done" });
        return document;
    }

    [Fact]
    public async Task A_draft_is_stored_with_its_problems_and_publishes_nothing()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        var doc = DefinitionStoreFixture.Flow(flow);
        doc.Step("notify")["activity"] = "notify.sms";

        var problems = await Store.SaveDraftAsync(flow, doc.ToJsonString(), "admin", None);

        Assert.Contains(problems, p => p is { Code: ProblemCodes.UnknownActivity, Pointer: "/steps/2/activity" });
        var stored = await fixture.Db(db => db.Flows.AsNoTracking().SingleAsync(f => f.Id == flow));
        Assert.Contains("notify.sms", stored.DraftJson);
        Assert.Equal("admin", stored.DraftUpdatedBy);
        Assert.Equal(0, stored.LatestVersion);
        Assert.Equal(0, await fixture.Db(db => db.FlowVersions.CountAsync(v => v.FlowId == flow)));
    }

    [Fact]
    public async Task A_draft_breaking_the_schema_is_still_stored_as_work_in_progress()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        await Store.SaveDraftAsync(flow, DefinitionStoreFixture.Flow(flow).ToJsonString(), "admin", None);
        var doc = DefinitionStoreFixture.Flow(flow);
        doc.Step("notify")["kind"] = "loop";

        var problems = await Store.SaveDraftAsync(flow, doc.ToJsonString(), "admin", None);

        Assert.Contains(problems, p => p is { Code: ProblemCodes.Schema, Pointer: "/steps/2/kind" });
        var draft = await fixture.Db(db => db.Flows.AsNoTracking().Where(f => f.Id == flow).Select(f => f.DraftJson).SingleOrDefaultAsync());
        Assert.NotNull(draft);
        Assert.Contains("\"loop\"", draft);
    }

    [Fact]
    public async Task The_first_draft_of_a_flow_breaking_the_schema_in_a_step_is_stored_when_it_names_id_names_and_form()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        var doc = DefinitionStoreFixture.Flow(flow);
        doc.Step("notify")["kind"] = "loop";

        var problems = await Store.SaveDraftAsync(flow, doc.ToJsonString(), "admin", None);

        Assert.Contains(problems, p => p is { Code: ProblemCodes.Schema, Pointer: "/steps/2/kind" });
        var stored = await fixture.Db(db => db.Flows.AsNoTracking().SingleOrDefaultAsync(f => f.Id == flow));
        Assert.NotNull(stored);
        Assert.Equal(("测试流程", "puppet-cert-delete"), (stored.NameZh, stored.Form));
        Assert.Contains("\"loop\"", stored.DraftJson);
    }

    [Fact]
    public async Task The_first_draft_of_a_flow_without_a_name_is_refused_and_nothing_is_stored()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        var doc = DefinitionStoreFixture.Flow(flow);
        doc.Remove("name");

        var error = await Assert.ThrowsAsync<DefinitionInvalidException>(() => Store.SaveDraftAsync(flow, doc.ToJsonString(), "admin", None));

        Assert.Contains(error.Problems, p => p.Code == ProblemCodes.Schema);
        Assert.False(await fixture.Db(db => db.Flows.AnyAsync(f => f.Id == flow)));
    }

    [Fact]
    public async Task A_draft_naming_another_flow_is_refused_at_its_id()
    {
        var flow = DefinitionStoreFixture.NewFlowId();

        var error = await Assert.ThrowsAsync<DefinitionInvalidException>(() =>
            Store.SaveDraftAsync(flow, DefinitionStoreFixture.Flow("someone-else").ToJsonString(), "admin", None));

        Assert.Contains(error.Problems, p => p.Pointer == "/id");
        Assert.False(await fixture.Db(db => db.Flows.AnyAsync(f => f.Id == flow)));
    }

    [Fact]
    public async Task Publishing_makes_version_latest_plus_one_and_clears_the_draft()
    {
        var flow = DefinitionStoreFixture.NewFlowId();

        var first = await PublishAsync(flow, DefinitionStoreFixture.Flow(flow));
        var second = await PublishAsync(flow, WithExtraWait(DefinitionStoreFixture.Flow(flow), "hold"));

        Assert.Equal((1, 2), (first, second));
        var record = await fixture.Db(db => db.Flows.AsNoTracking().SingleAsync(f => f.Id == flow));
        Assert.Equal(2, record.LatestVersion);
        Assert.Null(record.DraftJson);
        var v2 = await fixture.Db(db => db.FlowVersions.AsNoTracking().SingleAsync(v => v.FlowId == flow && v.Version == 2));
        Assert.Equal(("admin", "designer"), (v2.PublishedBy, v2.Source));
        Assert.Equal(2, JsonNode.Parse(v2.Json)!["version"]!.GetValue<int>());
        Assert.Contains((await Store.GetVersionAsync(flow, 2, None)).Steps, s => s.Id == "hold");
        Assert.Equal(2, (await Store.LatestAsync(flow, None)).Document.Version);
    }

    [Fact]
    public async Task A_version_number_in_the_draft_does_not_choose_the_published_version()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        var doc = DefinitionStoreFixture.Flow(flow);
        doc["version"] = 7;

        Assert.Equal(1, await PublishAsync(flow, doc));
    }

    [Fact]
    public async Task A_draft_with_problems_is_not_published_and_every_problem_is_listed()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        var doc = DefinitionStoreFixture.Flow(flow);
        doc.Step("notify")["activity"] = "notify.sms";
        doc.Step("approve").Remove("actors");
        await Store.SaveDraftAsync(flow, doc.ToJsonString(), "admin", None);

        var error = await Assert.ThrowsAsync<DefinitionInvalidException>(() => Store.PublishAsync(flow, "admin", None));

        Assert.Contains(error.Problems, p => p is { Code: ProblemCodes.UnknownActivity, Pointer: "/steps/2/activity" });
        Assert.Contains(error.Problems, p => p is { Code: ProblemCodes.NoActorRule, Pointer: "/steps/0/actors" });
        Assert.Equal(0, await fixture.Db(db => db.FlowVersions.CountAsync(v => v.FlowId == flow)));
        Assert.NotNull(await fixture.Db(db => db.Flows.Where(f => f.Id == flow).Select(f => f.DraftJson).SingleAsync()));
    }

    [Fact]
    public async Task Publishing_with_no_draft_is_a_conflict_and_for_no_flow_not_found()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        await PublishAsync(flow, DefinitionStoreFixture.Flow(flow));

        await Assert.ThrowsAsync<ConflictException>(() => Store.PublishAsync(flow, "admin", None));
        await Assert.ThrowsAsync<NotFoundException>(() => Store.PublishAsync(DefinitionStoreFixture.NewFlowId(), "admin", None));
    }

    [Fact]
    public async Task A_published_version_never_changes()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        await PublishAsync(flow, DefinitionStoreFixture.Flow(flow));
        var before = await fixture.Db(db => db.FlowVersions.AsNoTracking().SingleAsync(v => v.FlowId == flow && v.Version == 1));

        await PublishAsync(flow, WithExtraWait(DefinitionStoreFixture.Flow(flow), "hold"));
        var changed = Docs.Document(WithExtraWait(DefinitionStoreFixture.Flow(flow), "other"));
        changed.Version = 1;
        var import = await Store.ImportAsync(changed, None);

        Assert.Equal(ImportResult.DiffersFromStored, import);
        var after = await fixture.Db(db => db.FlowVersions.AsNoTracking().SingleAsync(v => v.FlowId == flow && v.Version == 1));
        Assert.Equal((before.Json, before.Checksum, before.PublishedAt), (after.Json, after.Checksum, after.PublishedAt));
        Assert.DoesNotContain((await Store.GetVersionAsync(flow, 1, None)).Steps, s => s.Id is "hold" or "other");
    }

    [Fact]
    public async Task Import_adds_a_version_only_when_its_id_and_version_are_not_stored()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        var v3 = Docs.Document(DefinitionStoreFixture.Flow(flow));
        v3.Version = 3;
        var v2 = Docs.Document(WithExtraWait(DefinitionStoreFixture.Flow(flow), "hold"));
        v2.Version = 2;

        Assert.Equal(ImportResult.Imported, await Store.ImportAsync(v3, None));
        Assert.Equal(ImportResult.AlreadyStored, await Store.ImportAsync(v3, None));
        Assert.Equal(ImportResult.Imported, await Store.ImportAsync(v2, None));

        var versions = await fixture.Db(db => db.FlowVersions.AsNoTracking().Where(v => v.FlowId == flow).OrderBy(v => v.Version).ToListAsync());
        Assert.Equal([2, 3], versions.Select(v => v.Version));
        Assert.All(versions, v => Assert.Equal("file", v.Source));
        Assert.Equal(3, await fixture.Db(db => db.Flows.Where(f => f.Id == flow).Select(f => f.LatestVersion).SingleAsync()));
    }

    [Fact]
    public async Task Publishing_after_an_import_continues_from_the_highest_version()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        var imported = Docs.Document(DefinitionStoreFixture.Flow(flow));
        imported.Version = 4;
        await Store.ImportAsync(imported, None);

        Assert.Equal(5, await PublishAsync(flow, WithExtraWait(DefinitionStoreFixture.Flow(flow), "hold")));
    }

    [Fact]
    public async Task A_version_with_running_or_suspended_instances_cannot_be_removed()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        await PublishAsync(flow, DefinitionStoreFixture.Flow(flow));
        await PublishAsync(flow, WithExtraWait(DefinitionStoreFixture.Flow(flow), "hold"));
        var running = await fixture.AddInstanceAsync(flow, 1, WorkflowStatus.Runnable);
        var suspended = await fixture.AddInstanceAsync(flow, 1, WorkflowStatus.Suspended);
        await fixture.AddInstanceAsync(flow, 1, WorkflowStatus.Complete);

        Assert.Equal(2, await Store.RunningInstancesAsync(flow, 1, None));
        var refused = await Assert.ThrowsAsync<ConflictException>(() => Store.DeleteVersionAsync(flow, 1, None));
        Assert.Contains("2 running", refused.Message);

        await fixture.SetInstanceStatusAsync(running, WorkflowStatus.Complete);
        await Assert.ThrowsAsync<ConflictException>(() => Store.DeleteVersionAsync(flow, 1, None));
        await fixture.SetInstanceStatusAsync(suspended, WorkflowStatus.Terminated);
        await Store.DeleteVersionAsync(flow, 1, None);

        Assert.Equal([2], await fixture.Db(db => db.FlowVersions.Where(v => v.FlowId == flow).Select(v => v.Version).ToListAsync()));
    }

    [Fact]
    public async Task Removing_the_latest_version_makes_the_one_before_it_the_latest()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        await PublishAsync(flow, DefinitionStoreFixture.Flow(flow));
        await PublishAsync(flow, WithExtraWait(DefinitionStoreFixture.Flow(flow), "hold"));

        await Store.DeleteVersionAsync(flow, 2, None);

        Assert.Equal(1, await fixture.Db(db => db.Flows.Where(f => f.Id == flow).Select(f => f.LatestVersion).SingleAsync()));
        Assert.Equal(1, (await Store.LatestAsync(flow, None)).Document.Version);
        await Assert.ThrowsAsync<NotFoundException>(() => Store.GetVersionAsync(flow, 2, None));
    }

    [Fact]
    public async Task Removing_a_version_that_does_not_exist_is_not_found()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        await PublishAsync(flow, DefinitionStoreFixture.Flow(flow));

        await Assert.ThrowsAsync<NotFoundException>(() => Store.DeleteVersionAsync(flow, 9, None));
    }

    [Fact]
    public async Task A_removed_version_number_is_never_reused_and_the_next_version_runs_the_new_definition()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        await PublishAsync(flow, DefinitionStoreFixture.Flow(flow));
        await PublishAsync(flow, WithExtraWait(DefinitionStoreFixture.Flow(flow), "old-wait"));
        var registry = fixture.Services.GetRequiredService<IWorkflowRegistry>();
        Assert.Contains(registry.GetDefinition(flow, 2).Steps, s => s.ExternalId == "old-wait");

        await Store.DeleteVersionAsync(flow, 2, None);
        var republished = await PublishAsync(flow, WithExtraWait(DefinitionStoreFixture.Flow(flow), "new-wait"));

        Assert.Equal(3, republished);
        var latest = await Store.LatestAsync(flow, None);
        Assert.Equal(3, latest.Document.Version);
        var steps = latest.Definition.Steps.Select(s => s.ExternalId).ToList();
        Assert.Contains("new-wait", steps);
        Assert.DoesNotContain("old-wait", steps);
        Assert.Contains(fixture.Services.GetRequiredService<LoadedDefinitions>().Document(flow, 3).Steps, s => s.Id == "new-wait");
    }

    [Fact]
    public async Task Another_node_holding_a_removed_version_runs_the_next_published_one_as_published()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        await PublishAsync(flow, DefinitionStoreFixture.Flow(flow));
        await PublishAsync(flow, WithExtraWait(DefinitionStoreFixture.Flow(flow), "old-wait"));
        await using var otherNode = await EngineServices.BuildMigratedAsync(fixture.Settings());
        var otherRegistry = otherNode.GetRequiredService<IWorkflowRegistry>();
        Assert.Contains(otherRegistry.GetDefinition(flow, 2).Steps, s => s.ExternalId == "old-wait");

        await Store.DeleteVersionAsync(flow, 2, None);
        var version = await PublishAsync(flow, WithExtraWait(DefinitionStoreFixture.Flow(flow), "new-wait"));

        var steps = otherRegistry.GetDefinition(flow, version).Steps.Select(s => s.ExternalId).ToList();
        Assert.Contains("new-wait", steps);
        Assert.DoesNotContain("old-wait", steps);
    }

    [Fact]
    public async Task A_removed_version_is_not_brought_back_by_importing_its_file_again()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        var v1 = Docs.Document(DefinitionStoreFixture.Flow(flow));
        v1.Version = 1;
        var v2 = Docs.Document(WithExtraWait(DefinitionStoreFixture.Flow(flow), "hold"));
        v2.Version = 2;
        await Store.ImportAsync(v1, None);
        await Store.ImportAsync(v2, None);

        await Store.DeleteVersionAsync(flow, 2, None);
        var again = await Store.ImportAsync(v2, None);

        Assert.Equal(ImportResult.RemovedBefore, again);
        Assert.Equal([1], await fixture.Db(db => db.FlowVersions.Where(v => v.FlowId == flow).Select(v => v.Version).ToListAsync()));
    }
    [Fact]
    public async Task Two_admins_publishing_the_same_draft_at_once_make_one_version_and_one_conflict()
    {
        var flow = DefinitionStoreFixture.NewFlowId();
        await Store.SaveDraftAsync(flow, DefinitionStoreFixture.Flow(flow).ToJsonString(), "admin", None);

        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (Version: await Store.PublishAsync(flow, "admin", None), Conflict: false);
            }
            catch (ConflictException)
            {
                return (Version: 0, Conflict: true);
            }
        })));

        Assert.Equal([1], attempts.Where(a => !a.Conflict).Select(a => a.Version));
        Assert.Single(attempts, a => a.Conflict);
        Assert.Equal([1], await fixture.Db(db => db.FlowVersions.Where(v => v.FlowId == flow).Select(v => v.Version).ToListAsync()));
    }
}
