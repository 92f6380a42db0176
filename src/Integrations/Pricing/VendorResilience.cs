using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Cmdb.Integrations.Pricing;

/// <summary>
/// The price clients' pipeline, per attempt from the outside in: retry (timeouts, 5xx, 408/429 and
/// the vendor's own throttling error, which Tencent sends with HTTP 200 and Alibaba with 400), circuit
/// breaker, the client-side rate limiter (so retries wait their turn too), then the attempt timeout.
/// </summary>
internal static class VendorResilience
{
    public static IHttpClientBuilder AddVendorResilience(this IHttpClientBuilder builder, string name, Func<IServiceProvider, VendorPricingOptions> settings,
        Func<IServiceProvider, RateLimiter> rateLimiter, Func<JsonElement, bool> isThrottling)
    {
        builder.AddResilienceHandler(name, (pipeline, context) =>
        {
            var options = settings(context.ServiceProvider);
            var limiter = rateLimiter(context.ServiceProvider);
            if (options.Retries > 0)
            {
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.Retries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.RetryDelay,
                    ShouldHandle = async args =>
                        HttpClientResiliencePredicates.IsTransient(args.Outcome)
                        || args.Outcome.Result is { } response && await IsThrottledAsync(response, isThrottling, args.Context.CancellationToken),
                });
            }
            pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = 0.9, MinimumThroughput = 10, SamplingDuration = TimeSpan.FromSeconds(60), BreakDuration = TimeSpan.FromSeconds(30),
            });
            pipeline.AddRateLimiter(limiter);
            pipeline.AddTimeout(options.Timeout);
        });
        return builder;
    }

    /// <summary>One token at a time, refilled every 1/N s: requests leave at least 1/N s apart and wait in line.</summary>
    public static RateLimiter Limiter(int requestsPerSecond) => new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
    {
        TokenLimit = 1,
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / requestsPerSecond),
        QueueLimit = 10_000,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });

    private static async Task<bool> IsThrottledAsync(HttpResponseMessage response, Func<JsonElement, bool> isThrottling, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is > 64 * 1024)
            return false;
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return document.RootElement.ValueKind == JsonValueKind.Object && isThrottling(document.RootElement);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
