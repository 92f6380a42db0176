using System.Text.Json.Nodes;
using Cmdb.Domain.Tickets;

namespace Cmdb.Workflows.Tickets;

/// <summary>The ticket as a step sees it when it runs.</summary>
public sealed record TicketSnapshot(
    long Id, string FlowId, string FlowName, string Title, string Requester, string RequesterName, string? Env,
    string FormJson, TicketStatus Status, string? ResolvedTaskKey, string? ResolvedTaskAction)
{
    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["flowId"] = FlowId,
        ["flowName"] = FlowName,
        ["title"] = Title,
        ["requester"] = Requester,
        ["requesterName"] = RequesterName,
        ["env"] = Env,
    };
}
