using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Cmdb.Integrations.PuppetCa;

/// <summary>
/// Replaces the HTTP client factory's Information-level request logs for the CA client with one
/// Debug line per attempt: method, path, status and time only, never headers or bodies.
/// </summary>
internal sealed class PuppetCaRequestLogger(ILogger<PuppetCaRequestLogger> logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        logger.LogDebug("Puppet CA {Method} {Path} answered {StatusCode} in {ElapsedMs:0} ms",
            request.Method, request.RequestUri?.AbsolutePath, (int)response.StatusCode, elapsed.TotalMilliseconds);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        logger.LogDebug("Puppet CA {Method} {Path} failed after {ElapsedMs:0} ms: {Error}",
            request.Method, request.RequestUri?.AbsolutePath, elapsed.TotalMilliseconds, exception.Message);
}
