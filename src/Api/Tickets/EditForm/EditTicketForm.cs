using System.Text.Json;
using Cmdb.Api.Auth;
using Cmdb.Api.Tickets.Rules;
using Cmdb.Domain.Common;
using Cmdb.Domain.Flows;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Tickets;
using Cmdb.Domain.Tickets.Forms;
using Cmdb.Workflows.Engine;
using Cmdb.Workflows.Steps;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tickets.EditForm;

public sealed record EditTicketForm(long Id, JsonElement Form, string? Comment) : ICommand<TicketDetail>;

/// <summary>
/// Changes a ticket's form: by its requester at an edit step (which also completes that step), or
/// by an approver at the approval step. The claims follow the new form.
/// </summary>
public sealed class EditTicketFormHandler(CmdbDbContext db, CurrentUser user, EngineOutbox engine, FormRulesCatalog rules) : ICommandHandler<EditTicketForm, TicketDetail>
{
    public async ValueTask<TicketDetail> Handle(EditTicketForm command, CancellationToken cancellationToken)
    {
        var ticket = await db.LoadVisibleAsync(command.Id, user, cancellationToken);
        var task = ticket.Task;
        if (task is null || task.Kind is not (HumanTaskKinds.Approve or HumanTaskKinds.Edit))
            throw new ConflictException($"The ticket is {ticket.Status}: its form can be changed at an edit step, or by an approver at the approval step.");
        if (!user.CanAct(ticket))
            throw new ForbiddenException(task.Kind == HumanTaskKinds.Approve ? Permissions.CanApprove : "task actor", $"You may not change the form: {user.WhyNot(ticket)}.");

        if (!FormCatalog.TryGet(ticket.FormType, out var formType))
            throw new InvalidOperationException($"Ticket {ticket.Id} has the unknown form type {ticket.FormType}.");
        var form = await FormReader.ReadAsync(formType, command.Form, cancellationToken);
        var claims = formType.Claims(form).ToList();
        await Claims.EnsureFreeAsync(db, claims, ticket.Id, cancellationToken);
        form = await rules.PrepareAsync(db, formType.Name, form, ticket, cancellationToken);

        var now = DateTime.UtcNow;
        var held = await db.ResourceClaims.Where(c => c.TicketId == ticket.Id).ToListAsync(cancellationToken);
        db.ResourceClaims.RemoveRange(held.Where(c => !claims.Contains(new ClaimKey(c.ResourceType, c.ResourceKey))));
        Claims.Add(db, ticket.Id, claims.Where(k => !held.Any(c => c.ResourceType == k.ResourceType && c.ResourceKey == k.ResourceKey)), now);
        ticket.FormJson = FormCatalog.Write(form);
        ticket.Env = formType.Env(form);
        await rules.HoldAsync(db, formType.Name, ticket, form, cancellationToken);
        db.TicketEvents.Add(new TicketEvent
        {
            TicketId = ticket.Id, Time = now, Kind = TicketEventKinds.FormEdited, StepId = task.StepId, StepName = task.Name,
            Actor = user.UserName, ActorName = user.DisplayName, Comment = command.Comment,
        });

        var signals = new List<string>();
        if (task.Kind == HumanTaskKinds.Edit && rules.WhyNotSettledByHand(ticket) is { } why)
            throw new ConflictException(why);
        if (task.Kind == HumanTaskKinds.Edit)
        {
            ticket.Fire(TicketTrigger.SubmitInput, now);
            ticket.ResolvedTaskKey = task.Key;
            ticket.ResolvedTaskAction = "submit";
            ticket.Task = null;
            signals.Add(await engine.SettleTaskAsync(db, HumanTaskSignal.EventName, task.Key, new HumanTaskSignal { Action = "submit" }, cancellationToken));
        }
        ticket.Touch(now);
        await db.SaveDecisionAsync(cancellationToken);
        await engine.Nudge([], signals);
        return await db.DetailAsync(ticket.Id, user, cancellationToken);
    }
}

public sealed class EditTicketFormValidator : AbstractValidator<EditTicketForm>
{
    public EditTicketFormValidator()
    {
        RuleFor(c => c.Form.ValueKind).Equal(JsonValueKind.Object).OverridePropertyName("form").WithMessage("The form is a JSON object.");
        RuleFor(c => c.Comment).MaximumLength(1000);
    }
}
