using Cmdb.Domain.Flows;
using Cmdb.Domain.Notifications;
using Cmdb.Domain.Tickets;

namespace Cmdb.Workflows.Tickets;

public sealed partial class TicketProgress
{
    /// <summary>
    /// The ticket now waits for a person: the task, who may act, and a message to them. A ticket
    /// cancelled before its workflow got here stays cancelled (the step then ends the flow).
    /// </summary>
    public Task OpenTaskAsync(long ticketId, StepDocument step, string stepName, OpenTask task, string dedupKey, CancellationToken cancellationToken) =>
        MutateAsync(ticketId, dedupKey, async (db, ticket, now) =>
        {
            if (ticket.Status.IsFinal())
                return null;
            var trigger = task.Kind == HumanTaskKinds.Approve ? TicketTrigger.AwaitApproval : TicketTrigger.AwaitInput;
            if (ticket.CanFire(trigger))
                ticket.Fire(trigger, now);
            task.Since = now;
            ticket.Task = task;
            ticket.CurrentStepId = step.Id;
            ticket.CurrentStepName = stepName;

            if (task.Kind == HumanTaskKinds.Approve)
                Notify(db, ticket, NotificationEvent.TicketSubmitted, NotificationPurposes.Approvers, null, task.Role ?? "approver", ticket.RequesterName);
            else if (task.Requester)
                Notify(db, ticket, NotificationEvent.TicketSubmitted, NotificationPurposes.Requesters, ticket.Requester, null, "Cmdb",
                    new Dictionary<string, string> { [Language == "en" ? "Waiting for" : "待处理"] = stepName });
            await Task.CompletedTask;
            return new TicketEvent { Kind = TicketEventKinds.TaskOpened, StepId = step.Id, StepName = stepName, Outcome = task.Kind };
        }, cancellationToken);

    /// <summary>
    /// The task's deadline passed with nobody acting: the ticket runs on with the timedOut route
    /// and whoever the step escalates to is told. Does nothing when a person settled it first.
    /// </summary>
    public Task TimeOutTaskAsync(long ticketId, string key, StepDocument step, string stepName, CancellationToken cancellationToken) =>
        MutateAsync(ticketId, $"{key}:timeout", async (db, ticket, now) =>
        {
            if (ticket.Task?.Key != key || !ticket.CanFire(TicketTrigger.TimeOut))
                return null;
            ticket.Fire(TicketTrigger.TimeOut, now);
            ticket.Task = null;
            ticket.ResolvedTaskKey = key;
            ticket.ResolvedTaskAction = "timeout";
            if (step.EscalateTo is { } escalation)
            {
                var details = new Dictionary<string, string> { [Language == "en" ? "Timed out" : "已超时"] = stepName };
                Notify(db, ticket, NotificationEvent.TicketSubmitted, NotificationPurposes.Alerts,
                    escalation.Requester == true ? ticket.Requester : null, escalation.Role, "Cmdb", details);
            }
            await Task.CompletedTask;
            return new TicketEvent { Kind = TicketEventKinds.HumanAction, StepId = step.Id, StepName = stepName, Outcome = "timedOut", Actor = "cmdb" };
        }, cancellationToken);
}
