using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Integrations.Ldap;

internal static class DependencyInjection
{
    /// <summary>
    /// The real directory when <c>Integrations:Ldap:Url</c> is set (its settings checked at start),
    /// else the local stand-in, which needs the Domain's <c>IDbContextFactory&lt;CmdbDbContext&gt;</c>.
    /// </summary>
    internal static IServiceCollection AddLdap(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(LdapOptions.SectionName);
        var options = services.AddOptions<LdapOptions>().Bind(section);
        if (string.IsNullOrWhiteSpace(section[nameof(LdapOptions.Url)]))
        {
            services.AddSingleton<ILdapDirectory, LocalLdapDirectory>();
            return services;
        }

        options.ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ILdapDirectory, LdapDirectory>();
        return services;
    }
}
