using System.Text.Json.Nodes;
using Cmdb.Domain.Notifications;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Activities.Notify;

/// <summary>
/// Puts a message for a WeCom group (and the app) into the outbox; the outbox sends it. Keyed by
/// the step's idempotency key, so a repeated run adds no second message.
/// </summary>
public sealed class NotifyWeCom(IDbContextFactory<CmdbDbContext> contexts) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "notify.wecom",
        "Send a message to a WeCom group robot and to the app (企业微信通知).",
        [
            new ActivityInput("purpose", "string", true, "Which robot: approvers, requesters, releases or alerts."),
            new ActivityInput("text", "string", true, "What happened, in one line."),
            new ActivityInput("details", "object", false, "Label → value lines to list."),
            new ActivityInput("recipientRole", "string", false, "In the app: everyone with this role."),
            new ActivityInput("toRequester", "boolean", false, "In the app: the ticket's requester."),
        ],
        [new ActivityOutput("notificationId", "number", "The outbox entry.")],
        [ActivityDescriptor.Done]);

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var purpose = context.RequiredString("purpose");
        if (!NotificationPurposes.All.Contains(purpose))
            throw new ActivityInputException("purpose", $"must be one of {string.Join(", ", NotificationPurposes.All)}");

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var existing = await db.Notifications.Where(n => n.DedupKey == context.IdempotencyKey).Select(n => (long?)n.Id).FirstOrDefaultAsync(cancellationToken);
        if (existing is { } id)
            return ActivityResult.Done(new JsonObject { ["notificationId"] = id });

        var details = context.Inputs.GetValueOrDefault("details") as JsonObject;
        var record = NotificationOutbox.Add(db, new NotificationFacts
        {
            Event = NotificationEvent.TicketDone,
            Flow = context.Ticket.FlowName,
            Env = context.Ticket.Env,
            TicketId = context.Ticket.Id.ToString(),
            Description = context.RequiredString("text"),
            Operator = "Cmdb",
            Details = details?.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "") ?? [],
        }, purpose,
            recipientUser: context.Inputs.GetValueOrDefault("toRequester")?.GetValue<bool>() == true ? context.Ticket.Requester : null,
            recipientRole: context.OptionalString("recipientRole"));
        record.DedupKey = context.IdempotencyKey;
        await db.SaveChangesAsync(cancellationToken);
        return ActivityResult.Done(new JsonObject { ["notificationId"] = record.Id });
    }
}
