using Cmdb.Activities.Clusters;
using Cmdb.Activities.Dns;
using Cmdb.Activities.Ldap;
using Cmdb.Activities.Notify;
using Cmdb.Activities.Puppet;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Activities;

public static class DependencyInjection
{
    /// <summary>Every activity, by name in the <see cref="ActivityCatalog"/>. Needs <c>AddIntegrations</c> and <c>AddDomain</c>.</summary>
    public static IServiceCollection AddActivities(this IServiceCollection services)
    {
        services.AddSingleton<IActivity, DeletePuppetCertificate>();
        services.AddSingleton<IActivity, ChangeLdapGroup>();
        services.AddSingleton<IActivity, NotifyWeCom>();
        services.AddSingleton<IActivity, SetDnsRecord>();
        services.AddSingleton<IActivity, WaitForDns>();
        services.AddSingleton<IActivity, CreateCluster>();
        services.AddSingleton<IActivity, ChangeCluster>();
        services.AddSingleton<IActivity, MoveStores>();
        services.AddSingleton<IActivity, Releases.PrepareRelease>();
        services.AddSingleton<ActivityCatalog>();
        return services;
    }
}
