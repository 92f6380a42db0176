using Cmdb.Integrations.Ldap;
using Cmdb.TestSupport.Servers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cmdb.Integrations.Tests.Ldap;

/// <summary>Composes the LDAP integration from configuration as the service does, start-up validation included.</summary>
internal static class LdapServices
{
    public static ServiceProvider Build(IDictionary<string, string?> settings, Action<IServiceCollection, IConfiguration>? extra = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging();
        extra?.Invoke(services, configuration);
        services.AddLdap(configuration);
        var provider = services.BuildServiceProvider();
        provider.GetService<IStartupValidator>()?.Validate();
        return provider;
    }

    /// <summary>Settings for the real directory at <paramref name="url"/>; pass <c>(key, value)</c> pairs to change any.</summary>
    public static Dictionary<string, string?> Settings(string url, string bindDn, string password, params (string Key, string? Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Integrations:Ldap:Url"] = url,
            ["Integrations:Ldap:BindDn"] = bindDn,
            ["Integrations:Ldap:BindPassword"] = password,
        };
        foreach (var (key, value) in overrides)
            settings[$"Integrations:Ldap:{key}"] = value;
        return settings;
    }

    public static Dictionary<string, string?> Settings(TestLdapServer server, params (string Key, string? Value)[] overrides) =>
        Settings(server.Url, server.BindDn, server.Password, overrides);
}
