using Cmdb.Domain.Notifications;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Tickets;
using Cmdb.Workflows.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cmdb.Workflows.Tickets;

/// <summary>
/// What workflow steps write to their ticket: status, current step, open task, incident,
/// timeline and notifications. Steps may run twice after a crash, so every change is keyed: a
/// timeline line with the same key means the change is already there.
/// </summary>
public sealed partial class TicketProgress(IDbContextFactory<CmdbDbContext> contexts, IOptions<NotificationOptions> notifications)
{
    private const int ConflictRetries = 5;

    private string Language => notifications.Value.Language;

    public async Task<TicketSnapshot> LoadAsync(long ticketId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Tickets.AsNoTracking().Where(t => t.Id == ticketId)
            .Select(t => new TicketSnapshot(t.Id, t.FlowId, t.FlowName, t.Title, t.Requester, t.RequesterName, t.Env, t.FormJson, t.Status,
                t.ResolvedTaskKey, t.ResolvedTaskAction))
            .SingleAsync(cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the ticket and saves it with its timeline line, unless a
    /// line with <paramref name="dedupKey"/> exists. A concurrent change (an approver, another step)
    /// makes it start again from a fresh read.
    /// </summary>
    private async Task MutateAsync(long ticketId, string dedupKey, Func<CmdbDbContext, Ticket, DateTime, Task<TicketEvent?>> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            if (await db.TicketEvents.AnyAsync(e => e.DedupKey == dedupKey, cancellationToken))
                return;
            var ticket = await db.Tickets.SingleAsync(t => t.Id == ticketId, cancellationToken);
            var now = DateTime.UtcNow;
            var line = await change(db, ticket, now);
            ticket.Touch(now);
            if (line is not null)
            {
                line.TicketId = ticketId;
                line.Time = now;
                line.DedupKey = dedupKey;
                db.TicketEvents.Add(line);
            }
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < ConflictRetries)
            {
            }
        }
    }

    /// <summary>Releases the ticket's claims and reservations in the same save as the change that ends it.</summary>
    private static Task ReleaseClaimsAsync(CmdbDbContext db, long ticketId) => TicketResources.ReleaseAsync(db, ticketId, CancellationToken.None);

    private void Notify(CmdbDbContext db, Ticket ticket, NotificationEvent kind, string purpose, string? user, string? role,
        string? actor, IReadOnlyDictionary<string, string>? details = null)
    {
        NotificationOutbox.Add(db, new NotificationFacts
        {
            Event = kind,
            Flow = ticket.FlowName,
            Env = ticket.Env,
            TicketId = ticket.Id.ToString(),
            Description = ticket.Title,
            Operator = actor,
            Details = details ?? new Dictionary<string, string>(),
        }, purpose, recipientUser: user, recipientRole: role, language: Language);
    }
}
