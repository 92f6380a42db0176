using Cmdb.Domain.Notifications;

namespace Cmdb.Api.Notifications;

internal static class NotificationDelivery
{
    /// <summary>How the robot delivery went, in words for the UI.</summary>
    public static string? Describe(NotificationRecord n) => n.Status switch
    {
        NotificationStatus.Sent => null,
        NotificationStatus.NotSent => n.LastError ?? "not sent: no robot configured",
        NotificationStatus.Failed => $"sending failed after {n.Attempts} attempts: {n.LastError}",
        _ => n.Attempts == 0 ? "sending" : $"retrying after {n.Attempts} failed attempts: {n.LastError}",
    };
}
