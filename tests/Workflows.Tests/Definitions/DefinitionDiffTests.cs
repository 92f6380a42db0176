using System.Text.Json.Nodes;
using Cmdb.Workflows.Definitions;

namespace Cmdb.Workflows.Tests.Definitions;

/// <summary>What changed between two versions: top-level fields and steps added, removed or changed.</summary>
public sealed class DefinitionDiffTests
{
    [Fact]
    public void The_same_definition_has_no_differences()
    {
        var diff = DefinitionDiff.Of(Docs.Document(Docs.Valid()), Docs.Document(Docs.Valid()));

        Assert.Empty(diff.Fields);
        Assert.Empty(diff.Steps);
    }

    [Fact]
    public void The_version_number_alone_is_no_difference()
    {
        var v2 = Docs.Valid();
        v2["version"] = 2;

        var diff = DefinitionDiff.Of(Docs.Document(Docs.Valid()), Docs.Document(v2));

        Assert.Empty(diff.Fields);
        Assert.Empty(diff.Steps);
    }

    [Fact]
    public void Changed_top_level_fields_are_named()
    {
        var v2 = Docs.Valid();
        v2["name"]!["en"] = "Test flow, revised";
        v2["description"] = new JsonObject { ["zh"] = "说明" };

        var diff = DefinitionDiff.Of(Docs.Document(Docs.Valid()), Docs.Document(v2));

        Assert.Equal(["name", "description"], diff.Fields);
        Assert.Empty(diff.Steps);
    }

    [Fact]
    public void Steps_added_removed_and_changed_are_listed_with_the_changed_fields()
    {
        var v2 = Docs.Valid();
        v2.Step("notify")["inputs"]!["text"] = "'all done'";
        v2.Step("notify")["retries"] = 5;
        v2.Step("approve")["outcomes"]!["rejected"] = "refused";
        v2.Steps().Remove(v2.Step("rejected"));
        v2.Steps().Add(new JsonObject { ["id"] = "refused", ["kind"] = "end", ["result"] = "rejected" });

        var diff = DefinitionDiff.Of(Docs.Document(Docs.Valid()), Docs.Document(v2));

        Assert.Equal(
            ["approve:changed:outcomes", "notify:changed:inputs,retries", "refused:added:", "rejected:removed:"],
            diff.Steps.Select(s => $"{s.StepId}:{s.Change}:{string.Join(',', s.Fields)}"));
        Assert.Empty(diff.Fields);
    }

    [Fact]
    public void A_change_inside_a_block_is_the_inner_steps_not_the_containers()
    {
        var v2 = Docs.Valid();
        v2.Step("delete")["do"]![0]!["inputs"]!["certname"] = "item.hostname.toLowerCase()";

        var diff = DefinitionDiff.Of(Docs.Document(Docs.Valid()), Docs.Document(v2));

        var change = Assert.Single(diff.Steps);
        Assert.Equal(("delete-one", "changed"), (change.StepId, change.Change));
        Assert.Equal(["inputs"], change.Fields);
    }

    [Fact]
    public void The_diff_runs_both_ways()
    {
        var v2 = Docs.Valid();
        v2.Step("notify")["next"] = "extra";
        v2.Steps().Insert(3, new JsonObject
        {
            ["id"] = "extra", ["kind"] = "wait", ["duration"] = "PT1M", ["next"] = "done",
        });

        var forward = DefinitionDiff.Of(Docs.Document(Docs.Valid()), Docs.Document(v2));
        var backward = DefinitionDiff.Of(Docs.Document(v2), Docs.Document(Docs.Valid()));

        Assert.Contains(forward.Steps, s => s is { StepId: "extra", Change: "added" });
        Assert.Contains(backward.Steps, s => s is { StepId: "extra", Change: "removed" });
        Assert.Contains(forward.Steps, s => s.StepId == "notify" && s.Fields.SequenceEqual(["next"]));
    }
}
