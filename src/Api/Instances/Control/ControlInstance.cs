using Cmdb.Api.Auth;
using Cmdb.Domain.Common;
using Cmdb.Domain.Notifications;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Tickets;
using Cmdb.Workflows.Engine;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using WorkflowCore.Models;

namespace Cmdb.Api.Instances.Control;

/// <summary>retry, suspend, resume or terminate a workflow instance, with a comment.</summary>
public sealed record ControlInstance(string Id, string Action, string? Comment) : ICommand<string>;

/// <summary>
/// Admin control of an instance. The engine is told first (it may refuse while a step runs);
/// then the ticket follows: a retried incident runs again, a terminated ticket is cancelled.
/// </summary>
public sealed class ControlInstanceHandler(CmdbDbContext db, CurrentUser user, EngineControl engine) : ICommandHandler<ControlInstance, string>
{
    public async ValueTask<string> Handle(ControlInstance command, CancellationToken cancellationToken)
    {
        var status = await engine.StatusAsync(command.Id) ?? throw new NotFoundException("Workflow instance", command.Id);
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.WorkflowInstanceId == command.Id, cancellationToken);
        var now = DateTime.UtcNow;

        switch (command.Action)
        {
            case "retry":
                Require(status == WorkflowStatus.Suspended, status, "only a suspended instance can be retried");
                if (ticket is not null && !ticket.CanFire(TicketTrigger.Retry))
                    throw new ConflictException($"Ticket {ticket.Id} is {ticket.Status}, not failed: resume the instance instead.");
                await Do(engine.ResumeAsync(command.Id));
                if (ticket is not null)
                {
                    ticket.Fire(TicketTrigger.Retry, now);
                    ticket.Incident = null;
                }
                break;
            case "suspend":
                Require(status == WorkflowStatus.Runnable, status, "only a running instance can be suspended");
                await Do(engine.SuspendAsync(command.Id));
                break;
            case "resume":
                Require(status == WorkflowStatus.Suspended, status, "only a suspended instance can be resumed");
                if (ticket?.Status == TicketStatus.Failed)
                    throw new ConflictException($"Ticket {ticket.Id} failed at a step: retry the instance to run that step again.");
                await Do(engine.ResumeAsync(command.Id));
                break;
            default:
                Require(status is WorkflowStatus.Runnable or WorkflowStatus.Suspended, status, "it has ended already");
                await Do(engine.TerminateAsync(command.Id));
                if (ticket is not null && !ticket.Status.IsFinal())
                {
                    ticket.Fire(TicketTrigger.Terminate, now);
                    await TicketResources.ReleaseAsync(db, ticket.Id, cancellationToken);
                    NotificationOutbox.Add(db, new NotificationFacts
                    {
                        Event = NotificationEvent.TicketCancelled, Flow = ticket.FlowName, Env = ticket.Env, TicketId = ticket.Id.ToString(),
                        Description = ticket.Title, Operator = user.DisplayName,
                    }, NotificationPurposes.Requesters, recipientUser: ticket.Requester);
                }
                break;
        }

        if (ticket is not null)
        {
            ticket.Touch(now);
            db.TicketEvents.Add(new TicketEvent
            {
                TicketId = ticket.Id, Time = now, Kind = Kind(command.Action), StepId = ticket.CurrentStepId, StepName = ticket.CurrentStepName,
                Actor = user.UserName, ActorName = user.DisplayName, Outcome = command.Action, Comment = command.Comment,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        return (await engine.StatusAsync(command.Id))?.ToString() ?? "";
    }

    private static void Require(bool condition, WorkflowStatus status, string why)
    {
        if (!condition)
            throw new ConflictException($"The instance is {status}: {why}.");
    }

    private static async Task Do(Task<bool> command)
    {
        if (!await command)
            throw new ConflictException("The engine is busy with this instance (a step is running); try again in a moment.");
    }

    private static string Kind(string action) => action switch
    {
        "retry" => TicketEventKinds.Retried,
        "suspend" => TicketEventKinds.Suspended,
        "resume" => TicketEventKinds.Resumed,
        _ => TicketEventKinds.Terminated,
    };
}

public sealed class ControlInstanceValidator : AbstractValidator<ControlInstance>
{
    private static readonly string[] Actions = ["retry", "suspend", "resume", "terminate"];

    public ControlInstanceValidator()
    {
        RuleFor(c => c.Id).NotEmpty().MaximumLength(36);
        RuleFor(c => c.Action).Must(Actions.Contains).WithMessage($"Action must be one of {string.Join(", ", Actions)}.");
        RuleFor(c => c.Comment).MaximumLength(1000);
    }
}
