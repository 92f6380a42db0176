using System.Text.Json.Nodes;
using Acornima;
using Jint;
using Jint.Native;
using Jint.Native.Json;

namespace Cmdb.Workflows.Definitions;

/// <summary>
/// Expressions in definitions are JavaScript (Jint), evaluated in a sandbox over the values a
/// step can see: <c>form</c>, <c>ticket</c>, <c>outputs</c> (earlier steps' outputs by step id),
/// <c>item</c> and <c>index</c> (inside forEach) and <c>outcome</c> (the previous step's).
/// </summary>
public static class FlowExpressions
{
    public static readonly IReadOnlyList<string> Variables = ["form", "ticket", "outputs", "item", "index", "outcome"];

    private static readonly HashSet<string> Globals =
    [
        "Math", "JSON", "String", "Number", "Boolean", "Array", "Object", "Date", "RegExp", "parseInt", "parseFloat",
        "isNaN", "isFinite", "undefined", "NaN", "Infinity", "encodeURIComponent", "decodeURIComponent",
    ];

    /// <summary>What is wrong with an expression: a syntax error or a name it may not use; empty when fine.</summary>
    public static IReadOnlyList<string> Check(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
            return ["the expression is empty"];
        Acornima.Ast.Expression parsed;
        try
        {
            parsed = new Parser().ParseExpression(expression);
        }
        catch (ParseErrorException ex)
        {
            return [$"syntax error: {ex.Message}"];
        }
        var names = new FreeVariables();
        names.Visit(parsed);
        return names.Names.Where(n => !Variables.Contains(n) && !Globals.Contains(n))
            .Select(n => $"unknown name '{n}' (use {string.Join(", ", Variables)})").ToList();
    }

    /// <summary>Evaluates an expression; its value comes back as JSON (undefined as null).</summary>
    public static JsonNode? Evaluate(string expression, ExpressionScope scope)
    {
        var engine = new Jint.Engine(options => options
            .Strict()
            .LimitRecursion(64)
            .TimeoutInterval(TimeSpan.FromSeconds(1))
            .LimitMemory(8_000_000));
        var json = new JsonParser(engine);
        engine.SetValue("form", Parse(json, scope.Form));
        engine.SetValue("ticket", Parse(json, scope.Ticket));
        engine.SetValue("outputs", Parse(json, scope.Outputs));
        engine.SetValue("item", Parse(json, scope.Item));
        engine.SetValue("index", scope.Index is { } index ? new JsNumber(index) : JsValue.Undefined);
        engine.SetValue("outcome", scope.Outcome is null ? JsValue.Null : new JsString(scope.Outcome));
        try
        {
            var text = engine.Evaluate($"JSON.stringify(({expression}))");
            return text.IsUndefined() || text.IsNull() ? null : JsonNode.Parse(text.AsString());
        }
        catch (Exception ex) when (ex is JintException or Jint.Runtime.JavaScriptException or ParseErrorException or TimeoutException)
        {
            throw new ExpressionException(expression, ex.Message);
        }
    }

    private static JsValue Parse(JsonParser parser, JsonNode? value) => value is null ? JsValue.Null : parser.Parse(value.ToJsonString());
}

/// <summary>The values an expression sees.</summary>
public sealed record ExpressionScope(JsonNode? Form, JsonNode? Ticket, JsonNode? Outputs, JsonNode? Item = null, int? Index = null, string? Outcome = null);

public sealed class ExpressionException(string expression, string problem)
    : Exception($"Expression '{expression}' failed: {problem}");
