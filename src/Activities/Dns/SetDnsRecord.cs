using System.Text.Json.Nodes;
using Cmdb.Domain.Clusters;
using Cmdb.Integrations.Dns;

namespace Cmdb.Activities.Dns;

/// <summary>Creates (or replaces) the A record <c>name → addresses</c>. Setting the same record twice is harmless.</summary>
public sealed class SetDnsRecord(IDnsRecords records) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "dns.setRecord",
        "Create or replace a DNS A record (DNS生效中: the request is titled by 'title').",
        [
            new ActivityInput("name", "string", true, "The fully qualified name, e.g. the cluster's domain."),
            new ActivityInput("addresses", "string", true, "Comma-separated IPv4 addresses, e.g. the ingress IP."),
            new ActivityInput("ttl", "number", false, "Seconds; 300 when left out."),
            new ActivityInput("title", "string", false, "What the change is for, e.g. 'CaseA cluster DNS - {cluster name}'."),
        ],
        [new ActivityOutput("name", "string", "The record's name."), new ActivityOutput("addresses", "string", "Its addresses."),
         new ActivityOutput("title", "string", "The request's title.")],
        [ActivityDescriptor.Done]);

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var name = DnsNames.Normalize(context.RequiredString("name"));
        var (addresses, problems) = IpList.Parse(context.RequiredString("addresses"));
        if (problems.Count > 0 || addresses.Count == 0)
            throw new ActivityInputException("addresses", problems.Count > 0 ? string.Join("; ", problems) : "is empty");
        var ttl = int.TryParse(context.OptionalString("ttl"), out var seconds) && seconds > 0 ? seconds : 300;
        await records.SetARecordAsync(name, addresses, ttl, cancellationToken);
        return ActivityResult.Done(new JsonObject
        {
            ["name"] = name, ["addresses"] = string.Join(',', addresses), ["title"] = context.OptionalString("title"),
        });
    }
}
