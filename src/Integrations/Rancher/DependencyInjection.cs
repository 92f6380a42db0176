using System.Net.Http.Headers;
using Cmdb.Integrations.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace Cmdb.Integrations.Rancher;

internal static class DependencyInjection
{
    /// <summary>The Rancher v3 API when <c>Integrations:Rancher:BaseUrl</c> is set, else the local table.</summary>
    internal static IServiceCollection AddRancher(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RancherOptions.SectionName);
        var settings = section.Get<RancherOptions>() ?? new RancherOptions();
        if (!settings.UsesRancher)
        {
            services.AddSingleton<IRancherClusters, LocalRancherClusters>();
            return services;
        }

        services.AddOptions<RancherOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRefitGeneratedClient<IRancherApi>()
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<RancherOptions>>().Value;
                client.BaseAddress = new Uri(options.BaseUrl!);
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
            })
            .RemoveAllLoggers()
            .AddExternalResilience("rancher", settings.Retries, settings.AttemptTimeout);
        services.AddTransient<IRancherClusters, RancherClusters>();
        return services;
    }
}
