using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cmdb.Activities;
using Cmdb.Api.Tests.Tickets;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Api.Tests.Definitions;

/// <summary>The ticket service on MariaDB with the test activities registered, and helpers to publish flows through the API.</summary>
public sealed class DefinitionService : TicketService
{
    private static int _flows;

    public ActivityRecorder Recorder { get; } = new();

    protected override void Configure(Dictionary<string, string?> settings, IServiceCollection services)
    {
        services.AddSingleton<IActivity>(new RecordActivity(Recorder));
        services.AddSingleton<IActivity>(new PickActivity(Recorder));
        services.AddSingleton<IActivity>(new FailActivity(Recorder));
    }

    /// <summary>A flow id no other test uses.</summary>
    public static string NewFlowId(string purpose) => $"{purpose}-{Interlocked.Increment(ref _flows)}-{Guid.NewGuid():N}"[..Math.Min(40, purpose.Length + 20)];

    /// <summary>A flow on the certificate-deletion form with these steps, starting at the first.</summary>
    public static JsonObject Flow(string id, params JsonObject[] steps) => new()
    {
        ["id"] = id,
        ["name"] = new JsonObject { ["zh"] = "测试流程 " + id, ["en"] = "Test flow " + id },
        ["form"] = "puppet-cert-delete",
        ["start"] = (string)steps[0]["id"]!,
        ["steps"] = new JsonArray(steps),
    };

    public static JsonObject Record(string id, string label, string? next = null)
    {
        var step = new JsonObject { ["id"] = id, ["kind"] = "activity", ["activity"] = "test.record", ["inputs"] = new JsonObject { ["label"] = label } };
        if (next is not null)
            step["next"] = next;
        return step;
    }

    public static JsonObject End(string id, string result = "completed") => new() { ["id"] = id, ["kind"] = "end", ["result"] = result };

    public static JsonObject Approve(string id, string approved, string rejected) => new()
    {
        ["id"] = id, ["kind"] = "human", ["task"] = "approve", ["actors"] = new JsonObject { ["role"] = "approver" },
        ["outcomes"] = new JsonObject { ["approved"] = approved, ["rejected"] = rejected },
    };

    /// <summary>Stores the draft and publishes it as admin; returns the version.</summary>
    public async Task<int> PublishAsync(JsonObject definition)
    {
        var admin = As(TestAuth.Admin);
        var id = (string)definition["id"]!;
        var draft = await admin.PutAsJsonAsync($"/api/definitions/{id}/draft", definition);
        var report = await draft.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(draft.StatusCode == HttpStatusCode.OK && report.GetProperty("valid").GetBoolean(), $"draft of {id}: {(int)draft.StatusCode} {report}");
        var published = await admin.PostAsync($"/api/definitions/{id}/publish", null);
        var body = await published.Content.ReadAsStringAsync();
        Assert.True(published.StatusCode == HttpStatusCode.OK, $"publish of {id}: {(int)published.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("version").GetInt32();
    }

    public async Task<IReadOnlyList<string>> WaitForLabelsAsync(long ticket, int count, TimeSpan? timeout = null)
    {
        await Cmdb.TestSupport.Eventually.Until(() => Recorder.Of(ticket).Count >= count, timeout ?? TimeSpan.FromSeconds(30),
            $"ticket {ticket} records {count} labels");
        return Recorder.Of(ticket);
    }
}

[CollectionDefinition(Name)]
public sealed class DefinitionCollection : ICollectionFixture<DefinitionService>
{
    public const string Name = "definitions";
}
