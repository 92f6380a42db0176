using System.Net;
using System.Security.Authentication;
using Cmdb.Domain.Common;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace Cmdb.Integrations.PuppetCa;

/// <summary>
/// Turns every way a CA call can fail into <see cref="ExternalSystemException"/> naming "Puppet CA",
/// with the HTTP status and the CA's own text, which says why (e.g. which auth.conf rule denied).
/// </summary>
internal static class PuppetCaFailures
{
    public const string SystemName = "Puppet CA";
    private const int MaxBodyLength = 500;

    /// <summary>Sends one call; a call that got no answer (after the resilience pipeline gave up) throws.</summary>
    public static async Task<T> SendAsync<T>(Func<Task<T>> call, string action, string certname, CancellationToken cancellationToken)
        where T : IApiResponse
    {
        T response;
        try
        {
            response = await call();
        }
        catch (Exception ex) when (ex is ApiRequestException or HttpRequestException or TimeoutRejectedException or BrokenCircuitException
            || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw NoAnswer(action, certname, ex);
        }
        if (response.HasRequestError(out var requestError))
        {
            response.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw NoAnswer(action, certname, requestError);
        }
        return response;
    }

    public static void ThrowUnlessSuccess(IApiResponse response, string action, string certname)
    {
        if (response.IsSuccessStatusCode)
            return;
        var status = (int?)response.StatusCode ?? 0;
        var body = (response.Error as ApiException)?.Content?.Trim();
        if (body is { Length: > MaxBodyLength })
            body = body[..MaxBodyLength] + "…";
        var unavailable = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
        throw new ExternalSystemException(SystemName,
            $"could not {action} the certificate of '{certname}': HTTP {status} {response.ReasonPhrase}"
            + (string.IsNullOrEmpty(body) ? "" : $": {body}"),
            unavailable, response.Error);
    }

    public static ExternalSystemException Unexpected(string action, string certname, string what) =>
        new(SystemName, $"could not {action} the certificate of '{certname}': the CA answered with {what}");

    private static ExternalSystemException NoAnswer(string action, string certname, Exception ex)
    {
        var cause = ex is ApiRequestException { InnerException: { } inner } ? inner : ex;
        return cause switch
        {
            // A TLS failure is a configuration fault (wrong CA bundle, host name not in the server
            // certificate, unreadable client key), not an outage: waiting will not fix it.
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } or AuthenticationException =>
                new ExternalSystemException(SystemName,
                    $"could not {action} the certificate of '{certname}': TLS handshake failed ({Innermost(cause).Message})", unavailable: false, ex),
            TimeoutRejectedException or OperationCanceledException =>
                new ExternalSystemException(SystemName, $"could not {action} the certificate of '{certname}': no answer in time", unavailable: true, ex),
            BrokenCircuitException =>
                new ExternalSystemException(SystemName,
                    $"could not {action} the certificate of '{certname}': not called after repeated failures (circuit open)", unavailable: true, ex),
            _ => new ExternalSystemException(SystemName,
                $"could not {action} the certificate of '{certname}': unreachable ({cause.Message})", unavailable: true, ex),
        };
    }

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
            ex = ex.InnerException;
        return ex;
    }
}
