using System.Text.Json.Nodes;
using System.Xml;
using Cmdb.Domain.Clusters;
using Cmdb.Integrations.Dns;
using Microsoft.Extensions.Options;

namespace Cmdb.Activities.Dns;

/// <summary>
/// Waits until the configured name server answers a name with the expected addresses. Asks with a
/// growing delay (2 s doubling to 1 min) and never holds a thread in between; past the timeout
/// the step becomes an incident naming what the server last answered.
/// </summary>
public sealed class WaitForDns(IDnsResolver resolver, IOptions<DnsWaitOptions> options) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "dns.waitResolves",
        "Wait until a DNS name resolves to the expected addresses on the configured name server.",
        [
            new ActivityInput("name", "string", true, "The fully qualified name."),
            new ActivityInput("addresses", "string", true, "Comma-separated IPv4 addresses it must resolve to (all of them)."),
            new ActivityInput("timeout", "string", false, "ISO 8601 duration; Integrations:Dns:Wait:Timeout (15 minutes) when left out."),
            new ActivityInput("firstDelay", "string", false, "ISO 8601 duration before asking again the first time; Integrations:Dns:Wait:FirstDelay (2 s) when left out."),
        ],
        [new ActivityOutput("resolved", "string", "The addresses the name server answered."), new ActivityOutput("polls", "number", "How many times it asked.")],
        [ActivityDescriptor.Done]);

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var name = DnsNames.Normalize(context.RequiredString("name"));
        var (expected, problems) = IpList.Parse(context.RequiredString("addresses"));
        if (problems.Count > 0 || expected.Count == 0)
            throw new ActivityInputException("addresses", problems.Count > 0 ? string.Join("; ", problems) : "is empty");
        var timeout = Duration(context, "timeout") ?? options.Value.Timeout;
        var first = Duration(context, "firstDelay") ?? options.Value.FirstDelay;

        var answered = await resolver.ResolveAsync(name, cancellationToken);
        if (expected.All(answered.Contains))
            return ActivityResult.Done(new JsonObject { ["resolved"] = string.Join(',', answered), ["polls"] = context.Polling.Polls + 1 });

        var last = answered.Count == 0 ? "no address" : string.Join(',', answered);
        if (context.Polling.WaitingSince is { } since && DateTime.UtcNow - since >= timeout)
            throw new ActivityTimedOutException($"{name} did not resolve to {string.Join(',', expected)} within {timeout} (the name server answered {last}).");
        var delay = TimeSpan.FromTicks(Math.Min(first.Ticks * (1L << Math.Min(context.Polling.Polls, 20)), options.Value.LongestDelay.Ticks));
        return ActivityResult.NotYet(delay, $"{name} answers {last}");
    }

    private static TimeSpan? Duration(ActivityContext context, string input)
    {
        var text = context.OptionalString(input);
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            return XmlConvert.ToTimeSpan(text);
        }
        catch (FormatException)
        {
            throw new ActivityInputException(input, $"'{text}' is not an ISO 8601 duration");
        }
    }
}

/// <summary>How long and how often <c>dns.waitResolves</c> asks (<c>Integrations:Dns:Wait</c>).</summary>
public sealed class DnsWaitOptions
{
    public const string SectionName = "Integrations:Dns:Wait";

    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(2);
    public TimeSpan LongestDelay { get; set; } = TimeSpan.FromMinutes(1);
}
