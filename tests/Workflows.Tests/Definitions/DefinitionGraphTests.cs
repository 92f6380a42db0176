using System.Text.Json.Nodes;
using Cmdb.Workflows.Definitions;

namespace Cmdb.Workflows.Tests.Definitions;

/// <summary>The designer's view: nodes with kinds and activity names, edges labelled by outcome, blocks as children.</summary>
public sealed class DefinitionGraphTests
{
    private static DefinitionGraph.Graph CertDelete() => DefinitionGraph.Of(Docs.Document(Docs.File("puppet-cert-delete.v1.json")));

    [Fact]
    public void Every_step_is_a_node_with_its_kind_and_pointer()
    {
        var graph = CertDelete();

        Assert.Equal("approve", graph.Start);
        Assert.Equal(
            ["approve:human:/steps/0", "delete-certificates:forEach:/steps/1", "delete-certificate:activity:/steps/1/do/0",
             "notify:activity:/steps/2", "done:end:/steps/3", "rejected:end:/steps/4"],
            graph.Nodes.Select(n => $"{n.Id}:{n.Kind}:{n.Pointer}"));
    }

    [Fact]
    public void Nodes_carry_activity_names_tasks_results_and_names()
    {
        var nodes = CertDelete().Nodes.ToDictionary(n => n.Id);

        Assert.Equal("puppet.deleteCertificate", nodes["delete-certificate"].Activity);
        Assert.Equal("notify.wecom", nodes["notify"].Activity);
        Assert.Equal("approve", nodes["approve"].Task);
        Assert.Equal("completed", nodes["done"].Result);
        Assert.Equal("rejected", nodes["rejected"].Result);
        Assert.Equal("Infra审批", nodes["approve"].Name!.Zh);
        Assert.Null(nodes["approve"].Activity);
    }

    [Fact]
    public void Edges_are_labelled_by_outcome_or_next()
    {
        var edges = CertDelete().Edges.Select(e => $"{e.From}-{e.Label}->{e.To}").ToList();

        Assert.Contains("approve-approved->delete-certificates", edges);
        Assert.Contains("approve-rejected->rejected", edges);
        Assert.Contains("delete-certificates-next->notify", edges);
        Assert.Contains("notify-next->done", edges);
        Assert.DoesNotContain(edges, e => e.StartsWith("done-", StringComparison.Ordinal));
    }

    [Fact]
    public void A_forEach_is_a_group_its_block_steps_belong_to()
    {
        var graph = CertDelete();
        var inner = graph.Nodes.Single(n => n.Id == "delete-certificate");

        Assert.Equal("delete-certificates", inner.Parent);
        Assert.Equal("do", inner.Block);
        Assert.Contains(graph.Edges, e => e is { From: "delete-certificates", To: "delete-certificate", Label: "do" });
        Assert.All(graph.Nodes.Where(n => n.Id != "delete-certificate"), n => Assert.Null(n.Parent));
    }

    [Fact]
    public void If_edges_are_then_and_else_and_activity_outcomes_are_their_names()
    {
        var doc = Docs.Valid();
        doc.Step("approve")["outcomes"]!["approved"] = "check";
        doc.Steps().Insert(1, new JsonObject { ["id"] = "check", ["kind"] = "if", ["condition"] = "form.servers.length > 5", ["then"] = "pick", ["else"] = "delete" });
        doc.Steps().Insert(2, new JsonObject
        {
            ["id"] = "pick", ["kind"] = "activity", ["activity"] = "test.pick", ["inputs"] = new JsonObject { ["choice"] = "'left'" },
            ["outcomes"] = new JsonObject { ["left"] = "delete", ["right"] = "rejected" },
        });

        var edges = DefinitionGraph.Of(Docs.Document(doc)).Edges.Select(e => $"{e.From}-{e.Label}->{e.To}").ToList();

        Assert.Contains("check-then->pick", edges);
        Assert.Contains("check-else->delete", edges);
        Assert.Contains("pick-left->delete", edges);
        Assert.Contains("pick-right->rejected", edges);
    }

    [Fact]
    public void A_saga_is_a_group_and_compensations_hang_off_the_step_they_undo()
    {
        var doc = Docs.Valid();
        doc.Step("notify")["next"] = "undoable";
        doc.Steps().Insert(3, new JsonObject
        {
            ["id"] = "undoable", ["kind"] = "saga", ["next"] = "done",
            ["do"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = "reserve", ["kind"] = "activity", ["activity"] = "test.pick", ["inputs"] = new JsonObject { ["choice"] = "'left'" },
                    ["outcomes"] = new JsonObject { ["left"] = "apply", ["right"] = "apply" },
                    ["compensate"] = new JsonArray(new JsonObject
                    {
                        ["id"] = "release", ["kind"] = "activity", ["activity"] = "test.pick", ["inputs"] = new JsonObject { ["choice"] = "'right'" },
                    }),
                },
                new JsonObject { ["id"] = "apply", ["kind"] = "activity", ["activity"] = "test.pick", ["inputs"] = new JsonObject { ["choice"] = "'left'" } }),
        });

        var graph = DefinitionGraph.Of(Docs.Document(doc));
        var nodes = graph.Nodes.ToDictionary(n => n.Id);

        Assert.Equal("saga", nodes["undoable"].Kind);
        Assert.Equal(("undoable", "do"), (nodes["reserve"].Parent, nodes["reserve"].Block));
        Assert.Equal(("undoable", "do"), (nodes["apply"].Parent, nodes["apply"].Block));
        Assert.Equal(("reserve", "compensate"), (nodes["release"].Parent, nodes["release"].Block));
        Assert.Equal("/steps/3/do/0/compensate/0", nodes["release"].Pointer);
        Assert.Contains(graph.Edges, e => e is { From: "undoable", To: "reserve", Label: "do" });
        Assert.Contains(graph.Edges, e => e is { From: "reserve", To: "release", Label: "compensate" });
        Assert.Contains(graph.Edges, e => e is { From: "reserve", To: "apply", Label: "left" });
        Assert.Contains(graph.Edges, e => e is { From: "undoable", To: "done", Label: "next" });
    }
}
