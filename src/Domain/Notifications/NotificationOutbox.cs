using Cmdb.Domain.Persistence;

namespace Cmdb.Domain.Notifications;

/// <summary>
/// Puts a notification into the outbox on the caller's context, so it is saved in the same
/// transaction as the change that caused it; a background job sends it later.
/// </summary>
public static class NotificationOutbox
{
    public static NotificationRecord Add(CmdbDbContext db, NotificationFacts facts, string purpose,
        string? recipientUser = null, string? recipientRole = null, string language = "zh")
    {
        if (!NotificationPurposes.All.Contains(purpose))
            throw new ArgumentOutOfRangeException(nameof(purpose), purpose, $"Purpose must be one of {string.Join(", ", NotificationPurposes.All)}.");
        var (title, content) = NotificationTemplates.Render(facts, language);
        var now = DateTime.UtcNow;
        var record = new NotificationRecord
        {
            CreatedAt = now,
            Event = facts.Event.ToString(),
            Purpose = purpose,
            RecipientUser = recipientUser,
            RecipientRole = recipientRole,
            TicketId = facts.TicketId,
            Title = title,
            Content = content,
            Status = NotificationStatus.Pending,
            NextAttemptAt = now,
        };
        db.Notifications.Add(record);
        return record;
    }
}
