using Refit;

namespace Cmdb.Integrations.WeCom;

/// <summary>
/// WeCom (企业微信) group robot webhook. The key in the query string is the robot's secret: the
/// client that calls this never logs request URLs.
/// </summary>
public interface IWeComRobotApi
{
    /// <summary>Sends one message to the robot's group. WeCom answers 200 with <c>errcode</c> 0 on success, another code on failure.</summary>
    [Post("/cgi-bin/webhook/send")]
    Task<WeComSendResult> SendAsync([Query] string key, [Body] WeComMessage message, CancellationToken cancellationToken);
}
