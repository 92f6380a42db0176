using System.Text.Json.Nodes;
using Cmdb.Workflows.Definitions;
using Cmdb.Workflows.Steps;
using WorkflowCore.Models;
using WorkflowCore.Primitives;

namespace Cmdb.Workflows.Tests.Definitions;

/// <summary>How a definition becomes engine steps: one per JSON step, routing as outcomes, blocks as children.</summary>
public sealed class FlowDefinitionCompilerTests
{
    private static WorkflowStep ByExternalId(WorkflowDefinition definition, string id) => definition.Steps.Single(s => s.ExternalId == id);

    private static WorkflowStep ById(WorkflowDefinition definition, int id) => definition.Steps.Single(s => s.Id == id);

    [Fact]
    public void The_start_step_is_the_engines_first_step_even_when_not_written_first()
    {
        var doc = Docs.Valid();
        var approve = doc.Step("approve");
        doc.Steps().Remove(approve);
        doc.Steps().Add(approve);

        var definition = FlowDefinitionCompiler.Compile(Docs.Document(doc));

        Assert.Equal("approve", ById(definition, 0).ExternalId);
        Assert.Equal(definition.Steps.Count, definition.Steps.Select(s => s.Id).Distinct().Count());
        Assert.Equal(("test-flow", 1), (definition.Id, definition.Version));
    }

    [Fact]
    public void Each_kind_becomes_its_step_body_and_outcomes_route_to_the_named_steps()
    {
        var definition = FlowDefinitionCompiler.Compile(Docs.Document(Docs.Valid()));
        var approve = ByExternalId(definition, "approve");

        Assert.Equal(typeof(HumanTaskStep), approve.BodyType);
        Assert.Equal(typeof(ForEachStep), ByExternalId(definition, "delete").BodyType);
        Assert.Equal(typeof(ActivityStep), ByExternalId(definition, "notify").BodyType);
        Assert.Equal(typeof(EndTicketStep), ByExternalId(definition, "done").BodyType);
        var routes = approve.Outcomes.ToDictionary(o => o.ExternalNextStepId, o => ById(definition, o.NextStep).ExternalId);
        Assert.Equal("delete", routes["delete"]);
        Assert.Equal("rejected", routes["rejected"]);
        Assert.Equal(FlowDefinitionCompiler.CancelledEnd, routes[FlowDefinitionCompiler.CancelledEnd]);
    }

    [Fact]
    public void A_forEach_runs_its_block_as_children_and_top_level_activities_suspend_on_failure()
    {
        var definition = FlowDefinitionCompiler.Compile(Docs.Document(Docs.Valid()));
        var forEach = ByExternalId(definition, "delete");

        Assert.Equal(["delete-one"], forEach.Children.Select(c => ById(definition, c).ExternalId));
        Assert.Equal(WorkflowErrorHandling.Suspend, ByExternalId(definition, "notify").ErrorBehavior);
        Assert.Equal(WorkflowErrorHandling.Suspend, ByExternalId(definition, "delete-one").ErrorBehavior);
    }

    [Fact]
    public void A_saga_is_a_saga_container_whose_steps_compensate_and_whose_undo_chain_runs_in_order()
    {
        var doc = Docs.Valid();
        doc.Step("notify")["next"] = "undoable";
        JsonObject Pick(string id) => new() { ["id"] = id, ["kind"] = "activity", ["activity"] = "test.pick", ["inputs"] = new JsonObject { ["choice"] = "'left'" } };
        var reserve = Pick("reserve");
        reserve["compensate"] = new JsonArray(Pick("release-1"), Pick("release-2"));
        doc.Steps().Insert(3, new JsonObject { ["id"] = "undoable", ["kind"] = "saga", ["next"] = "done", ["do"] = new JsonArray(reserve) });

        var definition = FlowDefinitionCompiler.Compile(Docs.Document(doc));
        var saga = ByExternalId(definition, "undoable");
        var step = ByExternalId(definition, "reserve");

        Assert.Equal(typeof(SagaContainer<>), saga.GetType().GetGenericTypeDefinition());
        Assert.True(FlowDefinitionCompiler.RollsBackOnFailure(step));
        Assert.False(FlowDefinitionCompiler.RollsBackOnFailure(ByExternalId(definition, "notify")));
        Assert.NotNull(step.CompensationStepId);
        var chained = ByExternalId(definition, "release-1").Outcomes.Single();
        Assert.Equal("release-2", ById(definition, chained.NextStep).ExternalId);
        Assert.Empty(ByExternalId(definition, "release-2").Outcomes);
    }
}
