using Cmdb.Integrations.WeCom;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Integrations;

public static class DependencyInjection
{
    /// <summary>Clients of the external systems, each switched and tuned by its own <c>Integrations:{System}</c> section.</summary>
    public static IServiceCollection AddIntegrations(this IServiceCollection services, IConfiguration configuration) =>
        services.AddWeCom(configuration);
}
