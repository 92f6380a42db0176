using System.Text.Json.Nodes;
using Cmdb.Domain.Flows;
using Cmdb.TestSupport;

namespace Cmdb.Workflows.Tests.Definitions;

/// <summary>Definition documents for tests: a small valid flow to break one rule at a time, and the checked-in files.</summary>
internal static class Docs
{
    /// <summary>approve → delete each server's certificate → notify → done; rejected → rejected.</summary>
    public static JsonObject Valid() => new()
    {
        ["id"] = "test-flow",
        ["version"] = 1,
        ["name"] = new JsonObject { ["zh"] = "测试流程", ["en"] = "Test flow" },
        ["form"] = "puppet-cert-delete",
        ["start"] = "approve",
        ["steps"] = new JsonArray(
            new JsonObject
            {
                ["id"] = "approve", ["kind"] = "human", ["task"] = "approve", ["actors"] = new JsonObject { ["role"] = "approver" },
                ["outcomes"] = new JsonObject { ["approved"] = "delete", ["rejected"] = "rejected" },
            },
            new JsonObject
            {
                ["id"] = "delete", ["kind"] = "forEach", ["items"] = "form.servers", ["next"] = "notify",
                ["do"] = new JsonArray(new JsonObject
                {
                    ["id"] = "delete-one", ["kind"] = "activity", ["activity"] = "puppet.deleteCertificate",
                    ["inputs"] = new JsonObject { ["certname"] = "item.hostname" },
                }),
            },
            new JsonObject
            {
                ["id"] = "notify", ["kind"] = "activity", ["activity"] = "notify.wecom", ["next"] = "done",
                ["inputs"] = new JsonObject { ["purpose"] = "'approvers'", ["text"] = "'done: ' + ticket.title" },
            },
            new JsonObject { ["id"] = "done", ["kind"] = "end", ["result"] = "completed" },
            new JsonObject { ["id"] = "rejected", ["kind"] = "end", ["result"] = "rejected" }),
    };

    /// <summary>The top-level step with this id.</summary>
    public static JsonObject Step(this JsonObject document, string id) =>
        document["steps"]!.AsArray().Select(s => s!.AsObject()).Single(s => (string?)s["id"] == id);

    public static JsonArray Steps(this JsonObject document) => document["steps"]!.AsArray();

    public static string FilePath(string name) => Path.Combine(BuildOutput.RepositoryRoot, "workflow-definitions", name);

    public static string File(string name) => System.IO.File.ReadAllText(FilePath(name));

    public static FlowDefinitionDocument Document(JsonObject json) =>
        FlowDefinitionJson.Parse(json.ToJsonString(), out var problem) ?? throw new InvalidOperationException(problem!.Message);

    public static FlowDefinitionDocument Document(string json) =>
        FlowDefinitionJson.Parse(json, out var problem) ?? throw new InvalidOperationException(problem!.Message);
}
