using Cmdb.Integrations.Cmp;
using Cmdb.Integrations.Dns;
using Cmdb.Integrations.Git;
using Cmdb.Integrations.Ldap;
using Cmdb.Integrations.PuppetCa;
using Cmdb.Integrations.Rancher;
using Cmdb.Integrations.WeCom;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using Cmdb.Integrations.Pricing;

namespace Cmdb.Integrations;

public static class DependencyInjection
{
    /// <summary>
    /// Clients of the external systems, each switched and tuned by its own <c>Integrations:{System}</c>
    /// section; a system that is not configured gets its local stand-in (the embedded default).
    /// </summary>
    public static IServiceCollection AddIntegrations(this IServiceCollection services, IConfiguration configuration) =>
        services
            .AddWeCom(configuration)
            .AddPuppetCa(configuration)
            .AddLdap(configuration)
            .AddDns(configuration)
            .AddRancher(configuration)
            .AddGitHost(configuration)
            .AddCmp(configuration)
            .AddVendorPriceClients(configuration);
}
