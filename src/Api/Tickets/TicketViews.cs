using System.Text.Json.Nodes;
using Cmdb.Api.Auth;
using Cmdb.Domain.Tickets;

namespace Cmdb.Api.Tickets;

public sealed record TicketSummary(
    long Id, string FlowId, int FlowVersion, string FlowName, string Title, string Requester, string RequesterName, string? Env,
    string Status, string? CurrentStep, string? WaitingFor, DateTime CreatedAt, DateTime UpdatedAt);

public sealed record TicketDetail(
    long Id, string FlowId, int FlowVersion, string FlowName, string Title, string Requester, string RequesterName, string? Env,
    string Status, JsonNode? Form, TicketStepView? CurrentStep, TicketTaskView? Task, TicketIncidentView? Incident,
    string? WorkflowInstanceId, DateTime CreatedAt, DateTime UpdatedAt, DateTime? ClosedAt,
    IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<string> Actions);

public sealed record TicketStepView(string Id, string? Name);

public sealed record TicketTaskView(string StepId, string Name, string Kind, string? Role, IReadOnlyList<string> Users, bool Requester, DateTime Since, DateTime? DueAt);

public sealed record TicketIncidentView(string StepId, string StepName, string Error, DateTime At);

public sealed record TimelineEntry(DateTime Time, string Kind, string? StepId, string? StepName, string? Actor, string? ActorName, string? Outcome, string? Comment, string? Error);

internal static class TicketViews
{
    public static TicketSummary Summary(Ticket t) => new(t.Id, t.FlowId, t.FlowVersion, t.FlowName, t.Title, t.Requester, t.RequesterName, t.Env,
        t.Status.ToString(), t.CurrentStepName ?? t.CurrentStepId, t.Task?.Name, t.CreatedAt, t.UpdatedAt);

    public static TicketDetail Detail(Ticket t, IEnumerable<TicketEvent> timeline, CurrentUser user) => new(
        t.Id, t.FlowId, t.FlowVersion, t.FlowName, t.Title, t.Requester, t.RequesterName, t.Env, t.Status.ToString(),
        JsonNode.Parse(t.FormJson),
        t.CurrentStepId is null ? null : new TicketStepView(t.CurrentStepId, t.CurrentStepName),
        t.Task is { } task ? new TicketTaskView(task.StepId, task.Name, task.Kind, task.Role,
            task.Users?.Split('|', StringSplitOptions.RemoveEmptyEntries) ?? [], task.Requester, task.Since, task.DueAt) : null,
        t.Incident is { } incident ? new TicketIncidentView(incident.StepId, incident.StepName, incident.Error, incident.At) : null,
        t.WorkflowInstanceId, t.CreatedAt, t.UpdatedAt, t.ClosedAt,
        timeline.OrderBy(e => e.Time).ThenBy(e => e.Id)
            .Select(e => new TimelineEntry(e.Time, e.Kind, e.StepId, e.StepName, e.Actor, e.ActorName, e.Outcome, e.Comment, e.Error)).ToList(),
        Actions(t, user));

    /// <summary>What the user may do to the ticket now: allowed by its lifecycle and by who they are.</summary>
    public static IReadOnlyList<string> Actions(Ticket t, CurrentUser user)
    {
        var actions = new List<string>();
        var allowed = t.AllowedTriggers();
        if (user.CanAct(t))
        {
            if (allowed.Contains(TicketTrigger.Approve))
                actions.AddRange(["approve", "reject", "edit"]);
            if (allowed.Contains(TicketTrigger.SubmitInput))
                actions.AddRange(t.Task!.Kind == "edit" ? ["edit", "submit"] : ["confirm"]);
        }
        if (allowed.Contains(TicketTrigger.Cancel) && user.CanCancel(t))
            actions.Add("cancel");
        if (user.HasRole(Roles.Admin))
        {
            if (allowed.Contains(TicketTrigger.Retry))
                actions.Add("retry");
            if (allowed.Contains(TicketTrigger.Terminate))
                actions.Add("terminate");
        }
        return actions;
    }
}
