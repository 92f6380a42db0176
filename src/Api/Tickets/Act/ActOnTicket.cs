using Cmdb.Api.Auth;
using Cmdb.Domain.Common;
using Cmdb.Domain.Flows;
using Cmdb.Domain.Notifications;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Tickets;
using Cmdb.Workflows.Engine;
using Cmdb.Workflows.Notifications;
using Cmdb.Workflows.Steps;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cmdb.Api.Tickets.Act;

/// <summary>approve, reject, confirm, submit or cancel, with a comment.</summary>
/// <param name="BySystem">Set by dedicated endpoints that checked what the task needs (e.g. a release's submit-change); never bound from a request.</param>
public sealed record ActOnTicket(long Id, string Action, string? Comment, bool BySystem = false) : ICommand<TicketDetail>;

/// <summary>
/// A person settles the ticket's open task (or cancels the ticket). The decision, the timeline
/// line, the message and the signal that wakes the workflow are saved together; of two people
/// acting at once exactly one wins, the other gets a conflict.
/// </summary>
public sealed class ActOnTicketHandler(
    CmdbDbContext db, CurrentUser user, EngineOutbox engine, EngineControl control, IOptions<NotificationOptions> notifications, Rules.FormRulesCatalog rules)
    : ICommandHandler<ActOnTicket, TicketDetail>
{
    public async ValueTask<TicketDetail> Handle(ActOnTicket command, CancellationToken cancellationToken)
    {
        var ticket = await db.LoadVisibleAsync(command.Id, user, cancellationToken);
        var now = DateTime.UtcNow;
        var signals = new List<string>();
        string? terminate = null;

        if (command.Action == "cancel")
        {
            if (!user.CanCancel(ticket))
                throw new ForbiddenException("ticket requester", "Only the requester or an admin may cancel a ticket.");
            await rules.EnsureCancellableAsync(db, ticket, cancellationToken);
            var key = ticket.Task?.Key;
            ticket.Fire(TicketTrigger.Cancel, now);
            if (key is not null)
            {
                Resolve(ticket, key, "cancel");
                signals.Add(await engine.SettleTaskAsync(db, HumanTaskSignal.EventName, key, new HumanTaskSignal { Action = "cancel" }, cancellationToken));
            }
            else
            {
                // No step waits for a person yet: stop the workflow itself once this is saved.
                terminate = ticket.WorkflowInstanceId;
            }
            await TicketResources.ReleaseAsync(db, ticket.Id, cancellationToken);
        }
        else
        {
            var trigger = Trigger(command.Action);
            var task = ticket.Task;
            if (task is null || !ticket.CanFire(trigger) || (command.Action is "confirm" or "submit" && task.Kind != Expected(command.Action)))
                throw new ConflictException(WrongState(ticket, command.Action));
            if (!user.CanAct(ticket))
                throw new ForbiddenException(task.Kind == HumanTaskKinds.Approve ? Permissions.CanApprove : "task actor", $"You may not act: {user.WhyNot(ticket)}.");
            if (!command.BySystem && rules.WhyNotSettledByHand(ticket) is { } why)
                throw new ConflictException(why);
            ticket.Fire(trigger, now);
            Resolve(ticket, task.Key, command.Action);
            signals.Add(await engine.SettleTaskAsync(db, HumanTaskSignal.EventName, task.Key, new HumanTaskSignal { Action = command.Action }, cancellationToken));
            if (command.Action is "approve" or "reject")
                Notify(ticket, command.Action == "approve" ? NotificationEvent.TicketApproved : NotificationEvent.TicketRejected, command.Comment);
        }

        ticket.Touch(now);
        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticket.Id, Time = now, Kind = command.Action == "cancel" ? TicketEventKinds.Ended : TicketEventKinds.HumanAction,
            StepId = ticket.CurrentStepId, StepName = ticket.CurrentStepName, Actor = user.UserName, ActorName = user.DisplayName,
            Outcome = command.Action, Comment = command.Comment,
        });
        await db.SaveDecisionAsync(cancellationToken);
        await engine.Nudge([], signals);
        if (terminate is not null)
            await control.TerminateAsync(terminate);
        if (command.Action == "cancel")
            await rules.AfterCancelAsync(ticket, cancellationToken);
        return await db.DetailAsync(ticket.Id, user, cancellationToken);
    }

    private static void Resolve(Ticket ticket, string key, string action)
    {
        ticket.ResolvedTaskKey = key;
        ticket.ResolvedTaskAction = action;
        ticket.Task = null;
    }

    private void Notify(Ticket ticket, NotificationEvent kind, string? comment) =>
        NotificationOutbox.Add(db, new NotificationFacts
        {
            Event = kind, Flow = ticket.FlowName, Env = ticket.Env, TicketId = ticket.Id.ToString(), Description = ticket.Title,
            Operator = user.DisplayName,
            Details = comment is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [notifications.Value.Language == "en" ? "Comment" : "意见"] = comment },
        }, NotificationPurposes.Requesters, recipientUser: ticket.Requester, language: notifications.Value.Language);

    private static TicketTrigger Trigger(string action) => action switch
    {
        "approve" => TicketTrigger.Approve,
        "reject" => TicketTrigger.Reject,
        _ => TicketTrigger.SubmitInput,
    };

    private static string Expected(string action) => action == "confirm" ? HumanTaskKinds.Confirm : HumanTaskKinds.Edit;

    private static string WrongState(Ticket ticket, string action)
    {
        var allowed = ticket.AllowedTriggers().Select(TicketLifecycle.Describe).ToList();
        var waiting = ticket.Task is { } task ? $" at '{task.Name}' ({task.Kind})" : "";
        return $"The ticket is {ticket.Status}{waiting}: '{action}' is not possible now" +
            (allowed.Count == 0 ? "; nothing can be done to it any more." : $"; allowed: {string.Join(", ", allowed)}.");
    }
}

public sealed class ActOnTicketValidator : AbstractValidator<ActOnTicket>
{
    private static readonly string[] Actions = ["approve", "reject", "confirm", "submit", "cancel"];

    public ActOnTicketValidator()
    {
        RuleFor(c => c.Action).Must(Actions.Contains).WithMessage($"Action must be one of {string.Join(", ", Actions)}.");
        RuleFor(c => c.Comment).MaximumLength(1000);
        RuleFor(c => c.Comment).NotEmpty().When(c => c.Action == "reject").WithMessage("Say why the ticket is rejected.");
    }
}
