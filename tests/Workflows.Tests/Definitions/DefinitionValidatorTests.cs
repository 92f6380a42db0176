using System.Text.Json.Nodes;
using Cmdb.Domain.Flows;

namespace Cmdb.Workflows.Tests.Definitions;

/// <summary>Every rule of the validator: the problem's code and the JSON pointer of where it is.</summary>
public sealed class DefinitionValidatorTests
{
    private static IReadOnlyList<DefinitionProblem> Validate(JsonObject document) =>
        TestCatalog.Validator().Validate(document.ToJsonString(), out _);

    private static string Describe(IEnumerable<DefinitionProblem> problems) =>
        string.Join("\n", problems.Select(p => $"{p.Code} at '{p.Pointer}': {p.Message}"));

    /// <summary>Exactly this one problem.</summary>
    private static DefinitionProblem AssertOnly(IReadOnlyList<DefinitionProblem> problems, string code, string pointer)
    {
        Assert.True(problems.Count == 1 && problems[0].Code == code && problems[0].Pointer == pointer,
            $"expected only {code} at '{pointer}', got:\n{Describe(problems)}");
        return problems[0];
    }

    private static DefinitionProblem AssertHas(IReadOnlyList<DefinitionProblem> problems, string code, string pointer)
    {
        var found = problems.FirstOrDefault(p => p.Code == code && p.Pointer == pointer);
        Assert.True(found is not null, $"expected {code} at '{pointer}', got:\n{Describe(problems)}");
        return found!;
    }

    private static JsonObject Saga(params JsonNode[] steps) => new()
    {
        ["id"] = "undoable", ["kind"] = "saga", ["next"] = "done", ["do"] = new JsonArray(steps),
    };

    private static JsonObject Notify(string id, string? next = null)
    {
        var step = new JsonObject
        {
            ["id"] = id, ["kind"] = "activity", ["activity"] = "notify.wecom",
            ["inputs"] = new JsonObject { ["purpose"] = "'alerts'", ["text"] = $"'{id}'" },
        };
        if (next is not null)
            step["next"] = next;
        return step;
    }

    [Fact]
    public void A_valid_definition_has_no_problems_and_is_read()
    {
        var problems = TestCatalog.Validator().Validate(Docs.Valid().ToJsonString(), out var document);

        Assert.Empty(problems);
        Assert.NotNull(document);
        Assert.Equal("test-flow", document.Id);
        Assert.Equal(["approve", "delete", "notify", "done", "rejected"], document.Steps.Select(s => s.Id));
    }

    [Theory]
    [InlineData("puppet-cert-delete.v1.json")]
    [InlineData("puppet-group-change.v1.json")]
    public void The_checked_in_definitions_are_valid(string file)
    {
        var problems = TestCatalog.Validator().Validate(Docs.File(file), out var document);

        Assert.True(problems.Count == 0, Describe(problems));
        Assert.Equal(1, document!.Version);
    }

    [Fact]
    public void Malformed_json_is_one_invalid_json_problem_at_the_root()
    {
        var problems = TestCatalog.Validator().Validate("{ \"id\": \"test-flow\", \"steps\": [", out var document);

        AssertOnly(problems, ProblemCodes.Json, "");
        Assert.Null(document);
    }

    [Fact]
    public void An_unknown_step_kind_is_a_schema_problem_at_the_kind()
    {
        var doc = Docs.Valid();
        doc.Step("notify")["kind"] = "loop";

        AssertHas(Validate(doc), ProblemCodes.Schema, "/steps/2/kind");
    }

    [Fact]
    public void A_flow_id_breaking_its_pattern_is_a_schema_problem_at_the_id()
    {
        var doc = Docs.Valid();
        doc["id"] = "Test Flow";

        AssertHas(Validate(doc), ProblemCodes.Schema, "/id");
    }

    [Fact]
    public void Every_schema_violation_is_listed_at_once()
    {
        var doc = Docs.Valid();
        doc["id"] = "Test Flow";
        doc.Step("notify")["kind"] = "loop";
        doc.Step("approve")["task"] = "sign";
        doc.Step("done")["result"] = "finished";

        var problems = Validate(doc);

        Assert.All(problems, p => Assert.Equal(ProblemCodes.Schema, p.Code));
        foreach (var pointer in new[] { "/id", "/steps/2/kind", "/steps/0/task", "/steps/3/result" })
            AssertHas(problems, ProblemCodes.Schema, pointer);
    }

    [Fact]
    public void A_step_id_used_twice_is_a_duplicate_at_the_second_use_even_inside_a_block()
    {
        var doc = Docs.Valid();
        doc.Step("delete")["do"]![0]!["id"] = "approve";

        var problem = AssertOnly(Validate(doc), ProblemCodes.DuplicateStep, "/steps/1/do/0/id");
        Assert.Contains("'approve'", problem.Message);
    }

    [Fact]
    public void A_next_naming_no_step_is_an_unknown_step_at_that_field()
    {
        var doc = Docs.Valid();
        doc.Step("notify")["next"] = "finish";

        var problems = Validate(doc);

        AssertHas(problems, ProblemCodes.UnknownStep, "/steps/2/next");
        Assert.Contains("'finish'", problems.First(p => p.Code == ProblemCodes.UnknownStep).Message);
    }

    [Fact]
    public void A_start_naming_no_top_level_step_is_an_unknown_step_at_start()
    {
        var doc = Docs.Valid();
        doc["start"] = "delete-one";

        AssertHas(Validate(doc), ProblemCodes.UnknownStep, "/start");
    }

    [Fact]
    public void A_block_step_leading_out_of_its_block_is_an_unknown_step()
    {
        var doc = Docs.Valid();
        doc.Step("delete")["do"]![0]!["next"] = "done";

        AssertOnly(Validate(doc), ProblemCodes.UnknownStep, "/steps/1/do/0/next");
    }

    [Fact]
    public void An_outcome_leading_to_no_step_is_an_unknown_step_at_that_outcome()
    {
        var doc = Docs.Valid();
        doc.Step("approve")["outcomes"]!["rejected"] = "nowhere";

        AssertHas(Validate(doc), ProblemCodes.UnknownStep, "/steps/0/outcomes/rejected");
    }

    [Fact]
    public void A_top_level_step_nothing_leads_to_is_unreachable()
    {
        var doc = Docs.Valid();
        doc.Steps().Add(new JsonObject { ["id"] = "orphan", ["kind"] = "end", ["result"] = "completed" });

        var problem = AssertOnly(Validate(doc), ProblemCodes.UnreachableStep, "/steps/5");
        Assert.Contains("'orphan'", problem.Message);
    }

    [Fact]
    public void A_block_step_after_one_without_next_is_unreachable()
    {
        var doc = Docs.Valid();
        doc.Step("delete")["do"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "delete-again", ["kind"] = "activity", ["activity"] = "puppet.deleteCertificate",
            ["inputs"] = new JsonObject { ["certname"] = "item.hostname" },
        });

        AssertOnly(Validate(doc), ProblemCodes.UnreachableStep, "/steps/1/do/1");
    }

    [Fact]
    public void A_top_level_step_without_next_is_a_no_next_step_problem()
    {
        var doc = Docs.Valid();
        doc.Step("notify").Remove("next");

        var problems = Validate(doc);

        AssertHas(problems, ProblemCodes.NoNextStep, "/steps/2");
    }

    [Fact]
    public void An_unregistered_activity_is_an_unknown_activity_at_its_name()
    {
        var doc = Docs.Valid();
        doc.Step("notify")["activity"] = "notify.sms";

        var problem = AssertOnly(Validate(doc), ProblemCodes.UnknownActivity, "/steps/2/activity");
        Assert.Contains("notify.sms", problem.Message);
        Assert.Contains("notify.wecom", problem.Message);
    }

    [Fact]
    public void A_required_activity_input_left_out_is_a_missing_input()
    {
        var doc = Docs.Valid();
        doc.Step("notify")["inputs"]!.AsObject().Remove("text");

        var problem = AssertOnly(Validate(doc), ProblemCodes.MissingInput, "/steps/2/inputs");
        Assert.Contains("'text'", problem.Message);
    }

    [Fact]
    public void A_missing_input_inside_a_forEach_is_located_in_the_block()
    {
        var doc = Docs.Valid();
        doc.Step("delete")["do"]![0]!["inputs"] = new JsonObject();

        AssertOnly(Validate(doc), ProblemCodes.MissingInput, "/steps/1/do/0/inputs");
    }

    [Fact]
    public void An_input_the_activity_does_not_have_is_an_unknown_input()
    {
        var doc = Docs.Valid();
        doc.Step("notify")["inputs"]!["colour"] = "'red'";

        AssertOnly(Validate(doc), ProblemCodes.UnknownInput, "/steps/2/inputs/colour");
    }

    [Fact]
    public void An_input_expression_with_a_syntax_error_is_a_bad_expression_at_that_input()
    {
        var doc = Docs.Valid();
        doc.Step("notify")["inputs"]!["text"] = "'done: ' +";

        var problem = AssertOnly(Validate(doc), ProblemCodes.BadExpression, "/steps/2/inputs/text");
        Assert.Contains("syntax error", problem.Message);
    }

    [Fact]
    public void An_expression_reading_an_unknown_name_is_a_bad_expression()
    {
        var doc = Docs.Valid();
        doc.Step("delete")["items"] = "frm.servers";

        var problem = AssertOnly(Validate(doc), ProblemCodes.BadExpression, "/steps/1/items");
        Assert.Contains("'frm'", problem.Message);
    }

    [Fact]
    public void An_if_condition_and_a_wait_key_are_checked_as_expressions()
    {
        var doc = Docs.Valid();
        doc.Step("approve")["outcomes"]!["approved"] = "check";
        doc.Steps().Insert(1, new JsonObject { ["id"] = "check", ["kind"] = "if", ["condition"] = "form.servers.length >", ["then"] = "hold", ["else"] = "delete" });
        doc.Steps().Insert(2, new JsonObject { ["id"] = "hold", ["kind"] = "wait", ["event"] = "go", ["key"] = "tiket.id", ["next"] = "delete" });

        var problems = Validate(doc);

        AssertHas(problems, ProblemCodes.BadExpression, "/steps/1/condition");
        AssertHas(problems, ProblemCodes.BadExpression, "/steps/2/key");
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void Names_declared_inside_an_arrow_function_body_are_not_unknown()
    {
        var doc = Docs.Valid();
        doc.Step("notify")["inputs"]!["text"] = "form.servers.map(s => { const host = s.hostname; let ip = s.ip; return host + ' ' + ip; }).join(', ')";

        var problems = Validate(doc);

        Assert.True(problems.Count == 0, Describe(problems));
    }

    [Fact]
    public void A_human_task_without_actors_has_no_actor_rule()
    {
        var doc = Docs.Valid();
        doc.Step("approve").Remove("actors");

        AssertOnly(Validate(doc), ProblemCodes.NoActorRule, "/steps/0/actors");
    }

    [Fact]
    public void A_human_task_whose_actor_rule_names_nobody_has_no_actor_rule()
    {
        var doc = Docs.Valid();
        doc.Step("approve")["actors"] = new JsonObject { ["requester"] = false };

        AssertOnly(Validate(doc), ProblemCodes.NoActorRule, "/steps/0/actors");
    }

    [Fact]
    public void An_escalation_naming_nobody_has_no_actor_rule()
    {
        var doc = Docs.Valid();
        var approve = doc.Step("approve");
        approve["timeout"] = "PT1H";
        approve["outcomes"]!["timedOut"] = "rejected";
        approve["escalateTo"] = new JsonObject { ["requester"] = false };

        AssertOnly(Validate(doc), ProblemCodes.NoActorRule, "/steps/0/escalateTo");
    }

    [Fact]
    public void An_approval_by_the_requester_is_refused()
    {
        var doc = Docs.Valid();
        doc.Step("approve")["actors"] = new JsonObject { ["role"] = "approver", ["requester"] = true };

        var problem = AssertOnly(Validate(doc), ProblemCodes.RequesterApproves, "/steps/0/actors/requester");
        Assert.Contains("requester", problem.Message);
    }

    [Fact]
    public void An_edit_task_for_the_requester_is_allowed()
    {
        var doc = Docs.Valid();
        doc.Step("approve")["outcomes"]!["approved"] = "fix";
        doc.Steps().Insert(1, new JsonObject
        {
            ["id"] = "fix", ["kind"] = "human", ["task"] = "edit", ["actors"] = new JsonObject { ["requester"] = true },
            ["outcomes"] = new JsonObject { ["submitted"] = "delete" },
        });

        var problems = Validate(doc);

        Assert.True(problems.Count == 0, Describe(problems));
    }

    [Fact]
    public void An_outcome_a_human_task_never_ends_with_is_an_unknown_outcome()
    {
        var doc = Docs.Valid();
        doc.Step("approve")["outcomes"]!["maybe"] = "done";

        AssertOnly(Validate(doc), ProblemCodes.UnknownOutcome, "/steps/0/outcomes/maybe");
    }

    [Fact]
    public void An_outcome_an_activity_never_ends_with_is_an_unknown_outcome()
    {
        var doc = Docs.Valid();
        var notify = doc.Step("notify");
        notify.Remove("next");
        notify["outcomes"] = new JsonObject { ["sent"] = "done" };

        AssertOnly(Validate(doc), ProblemCodes.UnknownOutcome, "/steps/2/outcomes/sent");
    }

    [Fact]
    public void An_activity_routed_by_its_own_outcomes_is_valid()
    {
        var doc = Docs.Valid();
        doc.Step("notify")["next"] = "pick";
        doc.Steps().Insert(3, new JsonObject
        {
            ["id"] = "pick", ["kind"] = "activity", ["activity"] = "test.pick", ["inputs"] = new JsonObject { ["choice"] = "'left'" },
            ["outcomes"] = new JsonObject { ["left"] = "done", ["right"] = "rejected" },
        });

        var problems = Validate(doc);

        Assert.True(problems.Count == 0, Describe(problems));
    }

    [Fact]
    public void An_approval_outcome_routed_nowhere_is_a_no_next_step_at_outcomes()
    {
        var doc = Docs.Valid();
        doc.Step("approve")["outcomes"]!.AsObject().Remove("rejected");

        var problems = Validate(doc);

        var problem = AssertHas(problems, ProblemCodes.NoNextStep, "/steps/0/outcomes");
        Assert.Contains("'rejected'", problem.Message);
    }

    [Fact]
    public void A_timeout_without_a_timedOut_route_is_a_no_next_step_at_outcomes()
    {
        var doc = Docs.Valid();
        doc.Step("approve")["timeout"] = "PT1H";

        var problem = AssertOnly(Validate(doc), ProblemCodes.NoNextStep, "/steps/0/outcomes");
        Assert.Contains("'timedOut'", problem.Message);
    }

    [Fact]
    public void A_zero_duration_is_a_bad_duration()
    {
        var doc = Docs.Valid();
        var approve = doc.Step("approve");
        approve["timeout"] = "PT0S";
        approve["outcomes"]!["timedOut"] = "rejected";

        AssertOnly(Validate(doc), ProblemCodes.BadDuration, "/steps/0/timeout");
    }

    [Fact]
    public void A_form_no_ticket_type_has_is_an_unknown_form()
    {
        var doc = Docs.Valid();
        doc["form"] = "cluster-teleport";

        var problem = AssertOnly(Validate(doc), ProblemCodes.UnknownForm, "/form");
        Assert.Contains("puppet-cert-delete", problem.Message);
    }

    [Fact]
    public void A_human_task_inside_a_forEach_is_misplaced()
    {
        var doc = Docs.Valid();
        doc.Step("delete")["do"] = new JsonArray(new JsonObject
        {
            ["id"] = "confirm-one", ["kind"] = "human", ["task"] = "confirm", ["actors"] = new JsonObject { ["role"] = "admin" },
            ["outcomes"] = new JsonObject { ["confirmed"] = "confirm-one" },
        });

        AssertHas(Validate(doc), ProblemCodes.Misplaced, "/steps/1/do/0");
    }

    [Fact]
    public void An_end_step_inside_a_block_is_misplaced()
    {
        var doc = Docs.Valid();
        doc.Step("delete")["do"] = new JsonArray(new JsonObject { ["id"] = "stop", ["kind"] = "end", ["result"] = "completed" });

        AssertOnly(Validate(doc), ProblemCodes.Misplaced, "/steps/1/do/0");
    }

    [Fact]
    public void A_field_of_another_kind_is_misplaced_at_that_field()
    {
        var doc = Docs.Valid();
        doc.Step("notify")["condition"] = "true";

        AssertOnly(Validate(doc), ProblemCodes.Misplaced, "/steps/2/condition");
    }

    [Fact]
    public void A_compensation_outside_a_saga_is_misplaced()
    {
        var doc = Docs.Valid();
        doc.Step("notify")["compensate"] = new JsonArray(Notify("undo-notify"));

        AssertOnly(Validate(doc), ProblemCodes.Misplaced, "/steps/2/compensate");
    }

    [Fact]
    public void A_wait_for_both_an_event_and_a_time_is_refused()
    {
        var doc = Docs.Valid();
        doc.Step("notify")["next"] = "hold";
        doc.Steps().Insert(3, new JsonObject { ["id"] = "hold", ["kind"] = "wait", ["event"] = "go", ["key"] = "ticket.id", ["duration"] = "PT1M", ["next"] = "done" });

        AssertOnly(Validate(doc), ProblemCodes.Schema, "/steps/3");
    }

    [Fact]
    public void A_wait_for_an_event_without_a_key_is_refused_at_key()
    {
        var doc = Docs.Valid();
        doc.Step("notify")["next"] = "hold";
        doc.Steps().Insert(3, new JsonObject { ["id"] = "hold", ["kind"] = "wait", ["event"] = "go", ["next"] = "done" });

        AssertOnly(Validate(doc), ProblemCodes.Schema, "/steps/3/key");
    }

    [Fact]
    public void An_if_without_else_has_no_next_step()
    {
        var doc = Docs.Valid();
        doc.Step("approve")["outcomes"]!["approved"] = "check";
        doc.Steps().Insert(1, new JsonObject { ["id"] = "check", ["kind"] = "if", ["condition"] = "form.servers.length > 0", ["then"] = "delete" });

        AssertOnly(Validate(doc), ProblemCodes.NoNextStep, "/steps/1");
    }

    [Fact]
    public void A_saga_whose_compensations_have_no_next_is_valid_because_they_run_in_order()
    {
        var doc = Docs.Valid();
        var first = Notify("reserve");
        first["next"] = "apply";
        first["compensate"] = new JsonArray(Notify("release-1"), Notify("release-2"), Notify("release-3"));
        var second = Notify("apply");
        second["compensate"] = new JsonArray(Notify("revert"));
        doc.Step("notify")["next"] = "undoable";
        doc.Steps().Insert(3, Saga(first, second));

        var problems = Validate(doc);

        Assert.True(problems.Count == 0, Describe(problems));
    }

    [Fact]
    public void A_saga_step_compensated_by_a_chain_with_next_is_valid()
    {
        var doc = Docs.Valid();
        var first = Notify("reserve");
        first["compensate"] = new JsonArray(Notify("release-1", next: "release-2"), Notify("release-2"));
        doc.Step("notify")["next"] = "undoable";
        doc.Steps().Insert(3, Saga(first));

        var problems = Validate(doc);

        Assert.True(problems.Count == 0, Describe(problems));
    }

    [Fact]
    public void Every_rule_problem_is_listed_at_once_each_at_its_place()
    {
        var doc = Docs.Valid();
        doc["form"] = "cluster-teleport";
        doc.Step("approve").Remove("actors");
        doc.Step("delete")["items"] = "frm.servers";
        doc.Step("delete")["do"]![0]!["activity"] = "puppet.revoke";
        doc.Step("notify")["inputs"]!.AsObject().Remove("purpose");
        doc.Steps().Add(new JsonObject { ["id"] = "orphan", ["kind"] = "end", ["result"] = "completed" });

        var problems = Validate(doc);

        AssertHas(problems, ProblemCodes.UnknownForm, "/form");
        AssertHas(problems, ProblemCodes.NoActorRule, "/steps/0/actors");
        AssertHas(problems, ProblemCodes.BadExpression, "/steps/1/items");
        AssertHas(problems, ProblemCodes.UnknownActivity, "/steps/1/do/0/activity");
        AssertHas(problems, ProblemCodes.MissingInput, "/steps/2/inputs");
        AssertHas(problems, ProblemCodes.UnreachableStep, "/steps/5");
        Assert.Equal(6, problems.Count);
    }
}
