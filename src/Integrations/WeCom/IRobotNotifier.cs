namespace Cmdb.Integrations.WeCom;

/// <summary>Sends a markdown message to the group robot of a purpose.</summary>
public interface IRobotNotifier
{
    Task<RobotSendOutcome> SendAsync(string purpose, string markdown, CancellationToken cancellationToken);
}

public enum RobotSendResult
{
    Sent,
    NotConfigured,
    Failed,
}

public sealed record RobotSendOutcome(RobotSendResult Result, string? Error = null)
{
    public static readonly RobotSendOutcome Sent = new(RobotSendResult.Sent);
    public static readonly RobotSendOutcome NotConfigured = new(RobotSendResult.NotConfigured, "not sent: no robot configured");
}
