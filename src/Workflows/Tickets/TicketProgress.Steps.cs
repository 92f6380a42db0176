using Cmdb.Domain.Notifications;
using Cmdb.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Workflows.Tickets;

public sealed partial class TicketProgress
{
    public Task StepStartedAsync(long ticketId, string stepId, string stepName, string dedupKey, CancellationToken cancellationToken) =>
        MutateAsync(ticketId, dedupKey, async (_, ticket, now) =>
        {
            // Submitted: the first step; Failed: an instance resumed without the retry command (the step runs again).
            if (ticket.Status == TicketStatus.Submitted)
                ticket.Fire(TicketTrigger.Start, now);
            else if (ticket.Status == TicketStatus.Failed)
                ticket.Fire(TicketTrigger.Retry, now);
            ticket.CurrentStepId = stepId;
            ticket.CurrentStepName = stepName;
            return new TicketEvent { Kind = TicketEventKinds.StepStarted, StepId = stepId, StepName = stepName };
        }, cancellationToken);

    public Task StepCompletedAsync(long ticketId, string stepId, string stepName, string outcome, string? summary, string dedupKey, CancellationToken cancellationToken) =>
        MutateAsync(ticketId, dedupKey, (_, _, _) =>
            Task.FromResult<TicketEvent?>(new TicketEvent { Kind = TicketEventKinds.StepCompleted, StepId = stepId, StepName = stepName, Outcome = outcome, Comment = summary }),
            cancellationToken);

    /// <summary>A failed attempt; the last one makes the ticket an incident and tells the requester and the approvers.</summary>
    public Task StepFailedAsync(long ticketId, string stepId, string stepName, string error, StepFailure failure, string dedupKey, CancellationToken cancellationToken) =>
        MutateAsync(ticketId, dedupKey, async (db, ticket, now) =>
        {
            if (failure == StepFailure.Incident)
            {
                if (ticket.CanFire(TicketTrigger.Fail))
                    ticket.Fire(TicketTrigger.Fail, now);
                ticket.Incident = new Incident { StepId = stepId, StepName = stepName, Error = Trim(error), At = now };
                var details = new Dictionary<string, string> { [Language == "en" ? "Step" : "步骤"] = stepName, [Language == "en" ? "Error" : "错误"] = Trim(error, 300) };
                Notify(db, ticket, NotificationEvent.StepFailed, NotificationPurposes.Requesters, ticket.Requester, null, "Cmdb", details);
                Notify(db, ticket, NotificationEvent.StepFailed, NotificationPurposes.Approvers, null, "approver", "Cmdb", details);
            }
            return new TicketEvent
            {
                Kind = TicketEventKinds.StepFailed, StepId = stepId, StepName = stepName, Error = Trim(error),
                Comment = failure switch
                {
                    StepFailure.Incident => "incident: an admin may retry or terminate",
                    StepFailure.RollsBack => "failed for good: the saga rolls back",
                    _ => "will retry",
                },
            };
        }, cancellationToken);

    /// <summary>An end step: the ticket completes, is rejected or cancelled; its claims go and the requester is told.</summary>
    public Task EndAsync(long ticketId, string stepId, string result, string dedupKey, CancellationToken cancellationToken) =>
        MutateAsync(ticketId, dedupKey, async (db, ticket, now) =>
        {
            if (ticket.Status.IsFinal())
                return null;
            var (trigger, kind) = result switch
            {
                "rejected" => (TicketTrigger.EndRejected, NotificationEvent.TicketRejected),
                "cancelled" => (TicketTrigger.EndCancelled, NotificationEvent.TicketCancelled),
                _ => (TicketTrigger.Complete, NotificationEvent.TicketDone),
            };
            ticket.Fire(trigger, now);
            ticket.CurrentStepId = stepId;
            ticket.CurrentStepName = null;
            await ReleaseClaimsAsync(db, ticket.Id);
            Notify(db, ticket, kind, NotificationPurposes.Requesters, ticket.Requester, null, "Cmdb");
            return new TicketEvent { Kind = TicketEventKinds.Ended, StepId = stepId, Outcome = result };
        }, cancellationToken);

    private static string Trim(string text, int length = 1000) => text.Length <= length ? text : text[..length];
}

/// <summary>What a step's failure leads to.</summary>
public enum StepFailure
{
    WillRetry,
    Incident,
    RollsBack,
}
