using System.Text.Json;
using Cmdb.Api.Auth;
using Cmdb.Api.Tickets.Rules;
using Cmdb.Domain.Common;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Tickets;
using Cmdb.Domain.Tickets.Forms;
using Cmdb.Workflows.Definitions;
using Cmdb.Workflows.Engine;
using Cmdb.Workflows.Steps;
using FluentValidation;
using FluentValidation.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tickets.Submit;

public sealed record SubmitTicket(string FlowId, string Title, JsonElement Form, string? IdempotencyKey) : ICommand<SubmitResult>;

public sealed record SubmitResult(TicketDetail Ticket, bool Replayed);

/// <summary>
/// A new ticket on the latest version of its flow. The ticket, its claims, its first timeline
/// line and its workflow instance are saved in one transaction: there is never a ticket without
/// a workflow, nor a workflow without a ticket. The same Idempotency-Key returns the same ticket.
/// </summary>
public sealed class SubmitTicketHandler(CmdbDbContext db, CurrentUser user, DefinitionStore definitions, EngineOutbox engine, FormRulesCatalog rules)
    : ICommandHandler<SubmitTicket, SubmitResult>
{
    public async ValueTask<SubmitResult> Handle(SubmitTicket command, CancellationToken cancellationToken)
    {
        if (await ExistingAsync(command.IdempotencyKey, cancellationToken) is { } replay)
            return new SubmitResult(await DetailAsync(replay, cancellationToken), Replayed: true);

        var (document, definition) = await LatestOrInvalidAsync(command.FlowId, cancellationToken);
        if (!FormCatalog.TryGet(document.Form, out var formType))
            throw new InvalidOperationException($"Flow {document.Id} names the unknown form {document.Form}.");
        var form = await FormReader.ReadAsync(formType, command.Form, cancellationToken);
        var claims = formType.Claims(form).ToList();
        await Claims.EnsureFreeAsync(db, claims, null, cancellationToken);
        form = await rules.PrepareAsync(db, formType.Name, form, null, cancellationToken);

        for (var attempt = 1; ; attempt++)
        {
            var now = DateTime.UtcNow;
            var ticket = new Ticket
            {
                FlowId = document.Id, FlowVersion = document.Version, FlowName = document.Name.Zh, Title = command.Title.Trim(),
                Requester = user.UserName, RequesterName = user.DisplayName, FormType = formType.Name, FormJson = FormCatalog.Write(form),
                Env = formType.Env(form), IdempotencyKey = command.IdempotencyKey, CreatedAt = now, UpdatedAt = now,
            };
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            try
            {
                db.Tickets.Add(ticket);
                await db.SaveChangesAsync(cancellationToken);
                Claims.Add(db, ticket.Id, claims, now);
                await rules.HoldAsync(db, formType.Name, ticket, form, cancellationToken);
                db.TicketEvents.Add(new TicketEvent { TicketId = ticket.Id, Time = now, Kind = TicketEventKinds.Submitted, Actor = user.UserName, ActorName = user.DisplayName });
                ticket.WorkflowInstanceId = engine.AddWorkflow(db, definition, new FlowData { TicketId = ticket.Id }, ticket.Id.ToString());
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // Another ticket took capacity of the same cluster at the same moment: check again on fresh numbers.
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                continue;
            }
            catch (DbUpdateException ex)
            {
                // A concurrent submit won a race: the same Idempotency-Key, or a claim on one of the resources.
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                if (await ExistingAsync(command.IdempotencyKey, cancellationToken) is { } winner)
                    return new SubmitResult(await DetailAsync(winner, cancellationToken), Replayed: true);
                await Claims.EnsureFreeAsync(db, claims, null, cancellationToken);
                if (ex is DbUpdateConcurrencyException)
                    throw new ConflictException("Other tickets kept changing the target cluster's capacity at the same moment; submit again.");
                throw;
            }
            await transaction.CommitAsync(cancellationToken);
            await engine.Nudge([ticket.WorkflowInstanceId], []);
            return new SubmitResult(await DetailAsync(ticket.Id, cancellationToken), Replayed: false);
        }
    }

    private const int MaxAttempts = 5;

    private async Task<long?> ExistingAsync(string? key, CancellationToken cancellationToken) =>
        key is null ? null : await db.Tickets.Where(t => t.Requester == user.UserName && t.IdempotencyKey == key)
            .Select(t => (long?)t.Id).FirstOrDefaultAsync(cancellationToken);

    private async Task<(Domain.Flows.FlowDefinitionDocument, WorkflowCore.Models.WorkflowDefinition)> LatestOrInvalidAsync(string flowId, CancellationToken cancellationToken)
    {
        try
        {
            return await definitions.LatestAsync(flowId, cancellationToken);
        }
        catch (NotFoundException)
        {
            throw new ValidationException([new ValidationFailure(nameof(SubmitTicket.FlowId), $"No flow '{flowId}' can be requested.")]);
        }
    }

    private async Task<TicketDetail> DetailAsync(long id, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Id == id, cancellationToken);
        var timeline = await db.TicketEvents.AsNoTracking().Where(e => e.TicketId == id).ToListAsync(cancellationToken);
        return TicketViews.Detail(ticket, timeline, user);
    }
}

public sealed class SubmitTicketValidator : AbstractValidator<SubmitTicket>
{
    public SubmitTicketValidator()
    {
        RuleFor(c => c.FlowId).NotEmpty().MaximumLength(100);
        RuleFor(c => c.Title).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Form.ValueKind).Equal(JsonValueKind.Object).OverridePropertyName("form").WithMessage("The form is a JSON object.");
        RuleFor(c => c.IdempotencyKey).MaximumLength(100).Matches("^[A-Za-z0-9._:-]+$").When(c => c.IdempotencyKey is not null)
            .OverridePropertyName("Idempotency-Key").WithMessage("Idempotency-Key: up to 100 of letters, digits, '.', '_', ':', '-'.");
    }
}
