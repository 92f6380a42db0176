namespace Cmdb.Domain.Notifications;

/// <summary>
/// One notification in the outbox: stored with the change that caused it, sent to a WeCom group
/// robot by a background job, and shown in the app to its recipients.
/// </summary>
public sealed class NotificationRecord
{
    public long Id { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string Event { get; set; }

    /// <summary>Which robot receives it: approvers, requesters, releases or alerts.</summary>
    public required string Purpose { get; set; }

    /// <summary>In the app, the one user it is for, or everyone with <see cref="RecipientRole"/>.</summary>
    public string? RecipientUser { get; set; }
    public string? RecipientRole { get; set; }
    public string? TicketId { get; set; }

    /// <summary>Set by senders that may run twice (workflow steps): the same key never adds a second message.</summary>
    public string? DedupKey { get; set; }
    public required string Title { get; set; }
    public required string Content { get; set; }
    public NotificationStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }

    /// <summary>The node sending it now; another node may take it over once <see cref="LeaseUntil"/> has passed.</summary>
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? LastError { get; set; }
    public DateTime? SentAt { get; set; }
}

public enum NotificationStatus
{
    Pending = 0,
    Sent = 1,

    /// <summary>Gave up after the last attempt; shown, with its error, for someone to act on.</summary>
    Failed = 2,

    /// <summary>No robot is configured for its purpose: kept for the app only.</summary>
    NotSent = 3,
}

/// <summary>That a user has read a notification.</summary>
public sealed class NotificationRead
{
    public long NotificationId { get; set; }
    public required string UserName { get; set; }
    public DateTime ReadAt { get; set; }
}

public static class NotificationPurposes
{
    public const string Approvers = "approvers";
    public const string Requesters = "requesters";
    public const string Releases = "releases";
    public const string Alerts = "alerts";

    public static readonly IReadOnlyList<string> All = [Approvers, Requesters, Releases, Alerts];
}
