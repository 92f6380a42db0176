using System.Net.Http.Headers;
using Cmdb.Integrations.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace Cmdb.Integrations.Cmp;

internal static class DependencyInjection
{
    /// <summary>The CMP connector when <c>Integrations:Cmp:BaseUrl</c> is set. Nothing calls the CMP at start.</summary>
    internal static IServiceCollection AddCmp(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(CmpOptions.SectionName);
        var settings = section.Get<CmpOptions>() ?? new CmpOptions();
        if (!settings.UsesCmp)
            return services;
        services.AddOptions<CmpOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRefitGeneratedClient<ICmpApi>()
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<CmpOptions>>().Value;
                client.BaseAddress = new Uri(options.BaseUrl!);
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.Token);
                // The resilience pipeline times out each attempt; this only bounds a whole call.
                client.Timeout = TimeSpan.FromMinutes(10);
            })
            .RemoveAllLoggers()
            .AddExternalResilience("cmp", settings.Retries, settings.AttemptTimeout);
        services.AddTransient<CmpInventoryConnector>();
        return services;
    }
}
