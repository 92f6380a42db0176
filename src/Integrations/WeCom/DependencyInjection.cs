using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Refit;

namespace Cmdb.Integrations.WeCom;

internal static class DependencyInjection
{
    public static IServiceCollection AddWeCom(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WeComOptions>().Bind(configuration.GetSection(WeComOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        var retries = configuration.GetSection(WeComOptions.SectionName).GetValue(nameof(WeComOptions.Retries), 2);
        var attemptTimeout = configuration.GetSection(WeComOptions.SectionName).GetValue(nameof(WeComOptions.AttemptTimeout), TimeSpan.FromSeconds(10));

        services.AddRefitGeneratedClient<IWeComRobotApi>()
            .ConfigureHttpClient((sp, client) => client.BaseAddress = new Uri(sp.GetRequiredService<IOptions<WeComOptions>>().Value.BaseUrl))
            // The robot key travels in the URL: no request URL of this client may reach the logs.
            .RemoveAllLoggers()
            .AddResilienceHandler("wecom", pipeline =>
            {
                if (retries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = retries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(200),
                    });
                }
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.9,
                    MinimumThroughput = 10,
                    SamplingDuration = TimeSpan.FromSeconds(60),
                    BreakDuration = TimeSpan.FromSeconds(30),
                });
                pipeline.AddTimeout(attemptTimeout);
            });
        services.AddSingleton<IRobotNotifier, WeComRobotNotifier>();
        return services;
    }
}
