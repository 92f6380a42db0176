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
        services.AddSingleton<ActivityCatalog>();
        return services;
    }
}
