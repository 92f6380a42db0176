using Cmdb.Domain.Pricing.Catalog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cmdb.Domain.Pricing;

public static class PricingServices
{
    /// <summary>The catalogue, the price book (seeded with sample prices), Tencent's rules, the estimator; live prices "not configured" unless another <see cref="ILivePriceProvider"/> is registered first.</summary>
    public static IServiceCollection AddPricing(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PricingOptions>(configuration.GetSection(PricingOptions.SectionName));
        services.AddSingleton(PricingCatalog.Embedded);
        services.AddSingleton(TencentPriceRules.Published);
        services.AddSingleton<ItemResolver>();
        services.AddSingleton<VendorMapper>();
        services.AddSingleton<InventoryPricing>();
        services.AddSingleton<PriceEstimator>();
        services.TryAddSingleton<ILivePriceProvider, NotConfiguredLivePriceProvider>();
        services.AddSingleton<IPriceBookProvider, DatabasePriceBookProvider>();
        services.AddSingleton<IPriceBookRefresher, LivePriceBookRefresher>();
        services.AddHostedService<SamplePriceBookSeeder>();
        return services;
    }
}
