using System.Diagnostics;
using System.Text.Json.Nodes;
using Cmdb.Workflows.Definitions;

namespace Cmdb.Workflows.Tests.Definitions;

/// <summary>Expressions are JavaScript (Jint): checked for syntax and names, evaluated in a sandbox.</summary>
public sealed class FlowExpressionsTests
{
    private static readonly JsonObject Form = JsonNode.Parse("""
        { "servers": [ { "hostname": "s001-pos-01.stores.example.test", "ip": "10.99.0.1" },
                       { "hostname": "s002-pos-01.stores.example.test", "ip": "10.99.0.2" } ],
          "reason": "retired" }
        """)!.AsObject();

    private static readonly JsonObject Ticket = new() { ["id"] = 42, ["title"] = "证书删除", ["requester"] = "requester", ["env"] = "prod" };

    private static readonly JsonObject Outputs = new() { ["lookup"] = new JsonObject { ["count"] = 3, ["names"] = new JsonArray("a", "b") } };

    private static ExpressionScope Scope(JsonNode? item = null, int? index = null, string? outcome = null) =>
        new(Form, Ticket, Outputs, item, index, outcome);

    [Theory]
    [InlineData("form.servers.length > 1")]
    [InlineData("ticket.requester + ':' + ticket.id")]
    [InlineData("outputs['lookup'].count")]
    [InlineData("outputs.lookup.names.join(',')")]
    [InlineData("item.hostname")]
    [InlineData("index + 1")]
    [InlineData("outcome === 'approved'")]
    [InlineData("form.servers.map(s => s.hostname).join(', ')")]
    [InlineData("form.servers.filter(function (s) { return s.ip; }).length")]
    [InlineData("form.servers.map(({ hostname, ...rest }, i = 0) => hostname + i)")]
    [InlineData("Math.max(1, 2) + JSON.stringify({ a: 1 }).length + parseInt('3')")]
    [InlineData("'approvers'")]
    public void Expressions_over_the_known_names_pass_the_check(string expression) =>
        Assert.Empty(FlowExpressions.Check(expression));

    [Theory]
    [InlineData("form.servers.map(s => { const host = s.hostname; return host; })")]
    [InlineData("form.servers.map(s => { let n = 0; for (const x of [1, 2]) { n += x; } return n; })")]
    [InlineData("(() => { function twice(x) { return x * 2; } return twice(2); })()")]
    public void Names_declared_inside_a_function_body_pass_the_check(string expression) =>
        Assert.Empty(FlowExpressions.Check(expression));

    [Fact]
    public void Property_names_and_object_keys_are_not_read_as_variables()
    {
        Assert.Empty(FlowExpressions.Check("({ frm: form.whatever, other: ticket.nothing }).frm"));
    }

    [Fact]
    public void A_syntax_error_is_reported_as_such()
    {
        var problems = FlowExpressions.Check("form.servers.length >");

        Assert.Single(problems);
        Assert.StartsWith("syntax error", problems[0]);
    }

    [Fact]
    public void A_statement_is_not_an_expression()
    {
        var problems = FlowExpressions.Check("var x = 1");

        Assert.Single(problems);
        Assert.StartsWith("syntax error", problems[0]);
    }

    [Fact]
    public void An_empty_expression_is_refused()
    {
        Assert.Equal(["the expression is empty"], FlowExpressions.Check("  "));
    }

    [Theory]
    [InlineData("frm.servers", "frm")]
    [InlineData("form.servers.map(s => host)", "host")]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')", "System")]
    [InlineData("importNamespace('System.IO')", "importNamespace")]
    [InlineData("globalThis.process", "globalThis")]
    [InlineData("require('fs')", "require")]
    public void Unknown_names_are_refused_by_name(string expression, string name)
    {
        var problems = FlowExpressions.Check(expression);

        Assert.Contains(problems, p => p.Contains($"'{name}'"));
    }

    [Fact]
    public void A_name_declared_in_one_arrow_is_unknown_outside_it()
    {
        var problems = FlowExpressions.Check("form.servers.map(s => s.hostname).concat([s])");

        Assert.Contains(problems, p => p.Contains("'s'"));
    }

    [Fact]
    public void Form_values_are_read()
    {
        Assert.Equal("s001-pos-01.stores.example.test, s002-pos-01.stores.example.test",
            FlowExpressions.Evaluate("form.servers.map(s => s.hostname).join(', ')", Scope())!.GetValue<string>());
        Assert.True(FlowExpressions.Evaluate("form.servers.length > 1", Scope())!.GetValue<bool>());
    }

    [Fact]
    public void Ticket_values_are_read()
    {
        Assert.Equal("requester@prod#42", FlowExpressions.Evaluate("ticket.requester + '@' + ticket.env + '#' + ticket.id", Scope())!.GetValue<string>());
    }

    [Fact]
    public void Earlier_outputs_are_read_by_step_id()
    {
        Assert.Equal(3, FlowExpressions.Evaluate("outputs['lookup'].count", Scope())!.GetValue<int>());
        Assert.Equal("b", FlowExpressions.Evaluate("outputs.lookup.names[1]", Scope())!.GetValue<string>());
    }

    [Fact]
    public void Item_and_index_are_the_current_ones()
    {
        var value = FlowExpressions.Evaluate("index + ':' + item.hostname", Scope(Form["servers"]![1]!.DeepClone(), 1));

        Assert.Equal("1:s002-pos-01.stores.example.test", value!.GetValue<string>());
    }

    [Fact]
    public void Outside_a_forEach_item_is_null_and_index_undefined()
    {
        Assert.True(FlowExpressions.Evaluate("item === null && index === undefined", Scope())!.GetValue<bool>());
    }

    [Fact]
    public void Outcome_is_the_previous_steps()
    {
        Assert.True(FlowExpressions.Evaluate("outcome === 'approved'", Scope(outcome: "approved"))!.GetValue<bool>());
        Assert.True(FlowExpressions.Evaluate("outcome === null", Scope())!.GetValue<bool>());
    }

    [Fact]
    public void Objects_and_lists_come_back_as_json_and_undefined_as_null()
    {
        var value = FlowExpressions.Evaluate("({ hosts: form.servers.map(s => s.ip), n: 2 })", Scope());

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{ "hosts": ["10.99.0.1", "10.99.0.2"], "n": 2 }"""), value));
        Assert.Null(FlowExpressions.Evaluate("form.nothing", Scope()));
    }

    [Fact]
    public void An_expression_changing_the_form_does_not_change_the_callers_form()
    {
        FlowExpressions.Evaluate("form.reason = 'changed'", Scope());

        Assert.Equal("retired", Form["reason"]!.GetValue<string>());
    }

    [Fact]
    public void A_runtime_error_is_an_expression_exception_naming_the_expression()
    {
        var error = Assert.Throws<ExpressionException>(() => FlowExpressions.Evaluate("form.nothing.deeper", Scope()));

        Assert.Contains("form.nothing.deeper", error.Message);
    }

    [Fact]
    public void Strict_mode_refuses_assigning_undeclared_names()
    {
        Assert.Throws<ExpressionException>(() => FlowExpressions.Evaluate("(() => { leaked = 1; return leaked; })()", Scope()));
    }

    [Fact]
    public void An_endless_loop_is_stopped_by_the_time_limit()
    {
        var clock = Stopwatch.StartNew();

        Assert.Throws<ExpressionException>(() => FlowExpressions.Evaluate("(() => { while (true) { } })()", Scope()));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Endless_recursion_is_stopped_by_the_recursion_limit()
    {
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<ExpressionException>(() => FlowExpressions.Evaluate("(function down(n) { return down(n + 1); })(0)", Scope()));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Contains("down", error.Message);
    }

    [Fact]
    public void A_huge_allocation_is_stopped_by_the_memory_limit()
    {
        Assert.Throws<ExpressionException>(() => FlowExpressions.Evaluate("(() => { const a = []; for (let i = 0; i < 1e7; i++) a.push('x' + i); return a.length; })()", Scope()));
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/hostname')")]
    [InlineData("importNamespace('System.IO')")]
    [InlineData("clr.System.Environment.Exit(1)")]
    [InlineData("host.Environment")]
    public void There_is_no_way_to_the_clr(string expression)
    {
        Assert.Throws<ExpressionException>(() => FlowExpressions.Evaluate(expression, Scope()));
    }

    [Fact]
    public void Reflection_on_the_given_values_finds_only_javascript()
    {
        var value = FlowExpressions.Evaluate("typeof form.servers.GetType + '/' + form.constructor.constructor('return typeof System + typeof importNamespace')()", Scope());

        Assert.Equal("undefined/undefinedundefined", value!.GetValue<string>());
    }
}
