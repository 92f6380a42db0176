using System.ComponentModel.DataAnnotations;
using System.Net.Http.Headers;
using Cmdb.Integrations.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace Cmdb.Integrations.Cmp;

internal static class DependencyInjection
{
    /// <summary>
    /// The CMP connector when <c>Integrations:Cmp:BaseUrl</c> is set. Nothing calls the CMP at start,
    /// and settings that are not valid fail each CMP sync run naming the key (the options are not
    /// validated on start): the CMP is one source of the inventory, not a reason for the whole service to stay down.
    /// </summary>
    internal static IServiceCollection AddCmp(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(CmpOptions.SectionName);
        if (string.IsNullOrWhiteSpace(section[nameof(CmpOptions.BaseUrl)]))
            return services;
        services.AddOptions<CmpOptions>().Bind(section).ValidateDataAnnotations();
        var resilience = Resilience(section);
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
            .AddExternalResilience("cmp", resilience.Retries, resilience.AttemptTimeout);
        services.AddTransient(sp => new CmpInventoryConnector(sp.GetRequiredService<IOptions<CmpOptions>>(), sp.GetRequiredService<ICmpApi>));
        return services;
    }

    /// <summary>The retry and timeout settings, or the defaults while the section is not valid (its runs fail on the options anyway).</summary>
    private static (int Retries, TimeSpan AttemptTimeout) Resilience(IConfigurationSection section)
    {
        var defaults = new CmpOptions();
        try
        {
            var settings = section.Get<CmpOptions>() ?? defaults;
            if (Validator.TryValidateObject(settings, new ValidationContext(settings), null, validateAllProperties: true))
                return (settings.Retries, settings.AttemptTimeout);
        }
        catch (InvalidOperationException)
        {
        }
        return (defaults.Retries, defaults.AttemptTimeout);
    }
}
