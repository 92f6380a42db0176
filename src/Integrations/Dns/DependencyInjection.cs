using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Integrations.Dns;

internal static class DependencyInjection
{
    /// <summary>PowerDNS and a resolver on its name server when <c>Integrations:Dns:PowerDns:ApiUrl</c> is set, else the local table.</summary>
    internal static IServiceCollection AddDns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<LocalDns>();
        services.AddSingleton<IDnsRecords>(sp => sp.GetRequiredService<LocalDns>());
        services.AddSingleton<IDnsResolver>(sp => sp.GetRequiredService<LocalDns>());
        return services;
    }
}
