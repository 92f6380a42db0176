using Cmdb.Domain;
using Cmdb.Integrations.Ldap;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cmdb.Integrations.Tests.Ldap;

/// <summary>Which directory the configuration selects, and that the real one's settings are checked at start.</summary>
public sealed class LdapDependencyInjectionTests
{
    private const string Password = "not-a-real-secret-91c2";

    [Fact]
    public void Without_a_Url_the_local_stand_in_is_used_and_nothing_is_required()
    {
        using var services = LdapServices.Build(new Dictionary<string, string?>
        {
            ["Integrations:Ldap:GroupAttribute"] = "description",
        }, (collection, configuration) => collection.AddDomain(configuration));

        Assert.IsType<LocalLdapDirectory>(services.GetRequiredService<ILdapDirectory>());
    }

    [Fact]
    public void With_a_Url_the_real_directory_is_used_with_the_configured_settings()
    {
        using var services = LdapServices.Build(LdapServices.Settings("ldap://127.0.0.1:3389", "cn=admin,dc=cmdb,dc=test", Password,
            ("GroupAttribute", "description"), ("Timeout", "00:00:03"), ("Retries", "1")));

        Assert.IsType<LdapDirectory>(services.GetRequiredService<ILdapDirectory>());
        var options = services.GetRequiredService<IOptions<LdapOptions>>().Value;
        Assert.Equal(("description", TimeSpan.FromSeconds(3), 1), (options.GroupAttribute, options.Timeout, options.Retries));
    }

    [Fact]
    public void A_Url_without_a_bind_DN_fails_at_start_naming_the_setting_but_never_the_password()
    {
        var error = Assert.Throws<OptionsValidationException>(() => LdapServices.Build(
            LdapServices.Settings("ldap://127.0.0.1:3389", "", Password)));

        Assert.Contains("Integrations:Ldap:BindDn", error.Message);
        Assert.DoesNotContain(Password, error.ToString());
    }

    [Theory]
    [InlineData("http://ldap.example.internal", "Integrations:Ldap:Url")]
    [InlineData("ldap://127.0.0.1:3389", "GroupAttribute")]
    public void Malformed_settings_fail_at_start(string url, string named)
    {
        var error = Assert.Throws<OptionsValidationException>(() => LdapServices.Build(
            LdapServices.Settings(url, "cn=admin,dc=cmdb,dc=test", Password, ("GroupAttribute", url.StartsWith("http") ? "ou" : "ou; rm"))));

        Assert.Contains(named, error.Message);
    }
}
