using Microsoft.Extensions.Options;
using Refit;

namespace Cmdb.Integrations.WeCom;

/// <summary>The WeCom implementation: a failure comes back as a result with a readable reason, never with the robot key in it.</summary>
internal sealed class WeComRobotNotifier(IWeComRobotApi api, IOptions<WeComOptions> options) : IRobotNotifier
{
    public async Task<RobotSendOutcome> SendAsync(string purpose, string markdown, CancellationToken cancellationToken)
    {
        var key = options.Value.RobotKey(purpose);
        if (key is null)
            return RobotSendOutcome.NotConfigured;
        try
        {
            var result = await api.SendAsync(key, WeComMessage.FromMarkdown(markdown), cancellationToken);
            return result.ErrorCode == 0
                ? RobotSendOutcome.Sent
                : new RobotSendOutcome(RobotSendResult.Failed, $"WeCom errcode {result.ErrorCode}: {result.ErrorMessage}");
        }
        catch (ApiException ex)
        {
            return new RobotSendOutcome(RobotSendResult.Failed, $"WeCom answered HTTP {(int)ex.StatusCode}");
        }
        catch (ApiRequestException ex)
        {
            // Refit's wrapper for a request that got no answer; its message names the host, never the key.
            return new RobotSendOutcome(RobotSendResult.Failed, $"WeCom unreachable: {ex.InnerException?.GetType().Name ?? ex.GetType().Name}");
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException or Polly.Timeout.TimeoutRejectedException
            or Polly.CircuitBreaker.BrokenCircuitException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new RobotSendOutcome(RobotSendResult.Failed, $"WeCom unreachable: {ex.GetType().Name}");
        }
    }
}
