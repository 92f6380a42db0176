using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace Cmdb.Integrations.Pricing;

public static class DependencyInjection
{
    /// <summary>
    /// <see cref="IAlibabaPriceClient"/> and <see cref="ITencentPriceClient"/> from <c>Pricing:Alibaba</c> and
    /// <c>Pricing:Tencent</c>. Both are always registered; each says <c>IsConfigured</c> only when its keys are set.
    /// Nothing is called at start. The HTTP clients log nothing themselves (the request URL carries Alibaba's
    /// signature and key id); the price clients log method, status and time at Debug.
    /// </summary>
    public static IServiceCollection AddVendorPriceClients(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<AlibabaPricingOptions>().Bind(configuration.GetSection(AlibabaPricingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TencentPricingOptions>().Bind(configuration.GetSection(TencentPricingOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();

        services.AddTransient<AlibabaSigningHandler>();
        services.AddTransient<TencentSigningHandler>();
        Client<AlibabaPricingOptions, AlibabaSigningHandler>(services, AlibabaPriceClient.HttpClientName, AlibabaPriceClient.IsThrottling);
        Client<TencentPricingOptions, TencentSigningHandler>(services, TencentPriceClient.HttpClientName, TencentPriceClient.IsThrottling);

        services.AddSingleton<IAlibabaPriceClient, AlibabaPriceClient>();
        services.AddSingleton<ITencentPriceClient, TencentPriceClient>();
        // Replaces the domain's "not configured" default whichever was registered first.
        services.Replace(ServiceDescriptor.Singleton<Cmdb.Domain.Pricing.ILivePriceProvider, VendorLivePriceProvider>());
        return services;
    }

    private static void Client<TOptions, TSigner>(IServiceCollection services, string name, Func<JsonElement, bool> isThrottling)
        where TOptions : VendorPricingOptions
        where TSigner : DelegatingHandler
    {
        // One limiter per vendor for the whole process, disposed with the container.
        services.AddKeyedSingleton<RateLimiter>(name, (sp, _) => VendorResilience.Limiter(sp.GetRequiredService<IOptions<TOptions>>().Value.RequestsPerSecond));
        services.AddHttpClient(name, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .AddVendorResilience(name, sp => sp.GetRequiredService<IOptions<TOptions>>().Value, sp => sp.GetRequiredKeyedService<RateLimiter>(name), isThrottling)
            .AddHttpMessageHandler<TSigner>();
    }
}
