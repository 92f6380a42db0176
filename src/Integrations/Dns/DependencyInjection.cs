using Cmdb.Integrations.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Refit;

namespace Cmdb.Integrations.Dns;

internal static class DependencyInjection
{
    /// <summary>PowerDNS and a resolver on its name server when <c>Integrations:Dns:PowerDns:ApiUrl</c> is set, else the local table.</summary>
    internal static IServiceCollection AddDns(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(DnsOptions.SectionName);
        var settings = section.Get<DnsOptions>() ?? new DnsOptions();
        if (!settings.UsesPowerDns)
        {
            services.AddSingleton<LocalDns>();
            services.AddSingleton<IDnsRecords>(sp => sp.GetRequiredService<LocalDns>());
            services.AddSingleton<IDnsResolver>(sp => sp.GetRequiredService<LocalDns>());
            return services;
        }

        services.AddOptions<DnsOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRefitGeneratedClient<IPowerDnsApi>()
            .ConfigureHttpClient((sp, client) =>
            {
                var powerDns = sp.GetRequiredService<IOptions<DnsOptions>>().Value.PowerDns;
                client.BaseAddress = new Uri(powerDns.ApiUrl!);
                client.DefaultRequestHeaders.Add("X-API-Key", powerDns.ApiKey);
            })
            // Request logging would carry the key header: none for this client.
            .RemoveAllLoggers()
            .AddExternalResilience("powerdns", settings.PowerDns.Retries, settings.PowerDns.AttemptTimeout);
        services.AddTransient<IDnsRecords, PowerDnsRecords>();
        services.AddSingleton<IDnsResolver, NameServerResolver>();
        return services;
    }
}
