using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Cmdb.Activities;

namespace Cmdb.Api.Tests.Definitions;

/// <summary>What the test activities did, per ticket, in the order they did it.</summary>
public sealed class ActivityRecorder
{
    private readonly ConcurrentDictionary<long, ConcurrentQueue<string>> _byTicket = new();

    public void Add(long ticket, string label) => _byTicket.GetOrAdd(ticket, _ => new ConcurrentQueue<string>()).Enqueue(label);

    public IReadOnlyList<string> Of(long ticket) => _byTicket.TryGetValue(ticket, out var labels) ? labels.ToList() : [];
}

/// <summary><c>test.record</c>: notes its label for the ticket; outputs it back.</summary>
public sealed class RecordActivity(ActivityRecorder recorder) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "test.record", "Notes a label for the ticket (tests only).",
        [new ActivityInput("label", "string", true, "What to note."), new ActivityInput("value", "object", false, "Anything to pass on.")],
        [new ActivityOutput("label", "string", "The label noted."), new ActivityOutput("value", "object", "The value given.")],
        [ActivityDescriptor.Done]);

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var label = context.RequiredString("label");
        recorder.Add(context.Ticket.Id, label);
        return Task.FromResult(ActivityResult.Done(new JsonObject { ["label"] = label, ["value"] = context.Inputs.GetValueOrDefault("value")?.DeepClone() }));
    }
}

/// <summary><c>test.pick</c>: ends with the outcome it is given (left or right).</summary>
public sealed class PickActivity(ActivityRecorder recorder) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "test.pick", "Ends with the outcome it is given (tests only).",
        [new ActivityInput("choice", "string", true, "left or right.")],
        [new ActivityOutput("choice", "string", "The choice made.")],
        [new ActivityOutcome("left", "Went left."), new ActivityOutcome("right", "Went right.")]);

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var choice = context.RequiredString("choice");
        recorder.Add(context.Ticket.Id, "pick:" + choice);
        return Task.FromResult(new ActivityResult(choice, new JsonObject { ["choice"] = choice }));
    }
}

/// <summary><c>test.fail</c>: notes its label and fails, every time.</summary>
public sealed class FailActivity(ActivityRecorder recorder) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "test.fail", "Always fails (tests only).",
        [new ActivityInput("label", "string", true, "What to note before failing.")],
        [],
        [ActivityDescriptor.Done]);

    public Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        recorder.Add(context.Ticket.Id, context.RequiredString("label"));
        throw new InvalidOperationException("the test system refuses");
    }
}
