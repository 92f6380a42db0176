using Cmdb.Domain.Persistence;
using Cmdb.Domain.Tickets;
using FluentValidation;
using FluentValidation.Results;

namespace Cmdb.Api.Tickets.Rules;

/// <summary>
/// The rules of a form that need the database or another system (a unique name, a lookup in
/// Rancher, capacity). They run when a ticket is submitted and when its form is edited.
/// </summary>
public interface IFormRules
{
    string Form { get; }

    /// <summary>Checks the form and completes it (looked-up values); throws a 400/404/409 problem. Nothing is written.</summary>
    Task<object> PrepareAsync(CmdbDbContext db, object form, Ticket? ticket, CancellationToken cancellationToken);

    /// <summary>
    /// Inside the transaction that saves the ticket: takes what the ticket holds (capacity) and
    /// sets what depends on the database (the env). A lost race surfaces as a concurrency failure
    /// of the save, which the caller retries.
    /// </summary>
    Task HoldAsync(CmdbDbContext db, Ticket ticket, object form, CancellationToken cancellationToken);

    /// <summary>Why the open task may not be settled through the generic ticket actions (a dedicated endpoint settles it), or null.</summary>
    string? WhyNotSettledByHand(Ticket ticket) => null;

    /// <summary>Refuses (409) a cancel the form's state does not allow. Nothing is written.</summary>
    Task EnsureCancellableAsync(CmdbDbContext db, Ticket ticket, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>After a cancel is saved: undo what the ticket made outside the database. Must not throw.</summary>
    Task AfterCancelAsync(Ticket ticket, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The rules of every form, by form name; a form without any gets none.</summary>
public sealed class FormRulesCatalog(IEnumerable<IFormRules> rules)
{
    private readonly Dictionary<string, IFormRules> _byForm = rules.ToDictionary(r => r.Form, StringComparer.Ordinal);

    public Task<object> PrepareAsync(CmdbDbContext db, string formName, object form, Ticket? ticket, CancellationToken cancellationToken) =>
        _byForm.TryGetValue(formName, out var rules) ? rules.PrepareAsync(db, form, ticket, cancellationToken) : Task.FromResult(form);

    public Task HoldAsync(CmdbDbContext db, string formName, Ticket ticket, object form, CancellationToken cancellationToken) =>
        _byForm.TryGetValue(formName, out var rules) ? rules.HoldAsync(db, ticket, form, cancellationToken) : Task.CompletedTask;

    public string? WhyNotSettledByHand(Ticket ticket) => _byForm.TryGetValue(ticket.FormType, out var rules) ? rules.WhyNotSettledByHand(ticket) : null;

    public Task EnsureCancellableAsync(CmdbDbContext db, Ticket ticket, CancellationToken cancellationToken) =>
        _byForm.TryGetValue(ticket.FormType, out var rules) ? rules.EnsureCancellableAsync(db, ticket, cancellationToken) : Task.CompletedTask;

    public Task AfterCancelAsync(Ticket ticket, CancellationToken cancellationToken) =>
        _byForm.TryGetValue(ticket.FormType, out var rules) ? rules.AfterCancelAsync(ticket, cancellationToken) : Task.CompletedTask;
}

internal static class FormProblem
{
    /// <summary>A 400 naming the form field.</summary>
    public static ValidationException Field(string field, string message) => new([new ValidationFailure($"Form.{field}", message)]);
}
