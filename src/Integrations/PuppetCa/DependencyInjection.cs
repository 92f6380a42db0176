using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Refit;

namespace Cmdb.Integrations.PuppetCa;

internal static class DependencyInjection
{
    /// <summary>The real Puppet Server CA when <c>Integrations:PuppetCa:BaseUrl</c> is set, else the local stand-in table.</summary>
    internal static IServiceCollection AddPuppetCa(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(PuppetCaOptions.SectionName);
        var settings = section.Get<PuppetCaOptions>() ?? new PuppetCaOptions();
        if (!settings.UsesRealCa)
        {
            services.AddSingleton<IPuppetCertificateAuthority, LocalPuppetCertificateAuthority>();
            return services;
        }

        services.AddOptions<PuppetCaOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRefitGeneratedClient<IPuppetCaApi>()
            .ConfigureHttpClient((sp, client) => client.BaseAddress = new Uri(Options(sp).BaseUrl!))
            .ConfigurePrimaryHttpMessageHandler(sp => PuppetCaTls.CreateHandler(Options(sp)))
            // Each new handler re-reads the certificate files, which picks up a renewed client certificate.
            .SetHandlerLifetime(TimeSpan.FromMinutes(15))
            .RemoveAllLoggers()
            .AddLogger(sp => ActivatorUtilities.CreateInstance<PuppetCaRequestLogger>(sp))
            .AddResilienceHandler("puppet-ca", pipeline =>
            {
                if (settings.Retries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = settings.Retries,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = TimeSpan.FromMilliseconds(300),
                        // 5xx, 408, 429, timeouts and refused connections, but not a failed TLS
                        // handshake: a wrong certificate or bundle fails the same way every time.
                        ShouldHandle = args => ValueTask.FromResult(HttpClientResiliencePredicates.IsTransient(args.Outcome)
                            && args.Outcome.Exception is not HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError }),
                    });
                }
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.9,
                    MinimumThroughput = 10,
                    SamplingDuration = TimeSpan.FromSeconds(60),
                    BreakDuration = TimeSpan.FromSeconds(30),
                });
                pipeline.AddTimeout(settings.AttemptTimeout);
            });
        // Transient, like the typed client it wraps: a singleton would pin one handler (and one
        // reading of the certificate files) for the life of the process.
        services.AddTransient<IPuppetCertificateAuthority, PuppetCaCertificateAuthority>();
        return services;
    }

    private static PuppetCaOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<PuppetCaOptions>>().Value;
}
