using System.Net;
using Cmdb.Domain.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Refit;

namespace Cmdb.Integrations.Common;

/// <summary>
/// How the HTTP clients of external systems fail and retry: every failure becomes an
/// <see cref="ExternalSystemException"/> naming the system, what was being done, the status and
/// the system's own words; transient failures are retried with jitter first.
/// </summary>
internal static class ExternalCalls
{
    private const int MaxBodyLength = 500;

    /// <summary>Retry (5xx, 408, 429, timeouts, refused connections), circuit breaker and a per-attempt timeout.</summary>
    public static IHttpClientBuilder AddExternalResilience(this IHttpClientBuilder builder, string name, int retries, TimeSpan attemptTimeout)
    {
        builder.AddResilienceHandler(name, pipeline =>
        {
            if (retries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = retries, BackoffType = DelayBackoffType.Exponential, UseJitter = true, Delay = TimeSpan.FromMilliseconds(200),
                });
            }
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.9, MinimumThroughput = 10, SamplingDuration = TimeSpan.FromSeconds(60), BreakDuration = TimeSpan.FromSeconds(30),
            });
            pipeline.AddTimeout(attemptTimeout);
        });
        return builder;
    }

    /// <summary>Sends one call; a call that got no answer (after the retries gave up) throws.</summary>
    public static async Task<T> SendAsync<T>(Func<Task<T>> call, string system, string what, CancellationToken cancellationToken)
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
            throw new ExternalSystemException(system, $"could not {what}: no answer ({ex.GetBaseException().Message})", unavailable: true, ex);
        }
        if (response.HasRequestError(out var requestError))
        {
            response.Dispose();
            cancellationToken.ThrowIfCancellationRequested();
            throw new ExternalSystemException(system, $"could not {what}: no answer ({requestError.GetBaseException().Message})", unavailable: true, requestError);
        }
        return response;
    }

    public static void ThrowUnlessSuccess(IApiResponse response, string system, string what)
    {
        if (response.IsSuccessStatusCode)
            return;
        var status = (int?)response.StatusCode ?? 0;
        var body = (response.Error as ApiException)?.Content?.Trim();
        if (body is { Length: > MaxBodyLength })
            body = body[..MaxBodyLength] + "…";
        var unavailable = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
        throw new ExternalSystemException(system, $"could not {what}: HTTP {status} {response.ReasonPhrase}" + (string.IsNullOrEmpty(body) ? "" : $": {body}"),
            unavailable, response.Error);
    }
}
