using Cmdb.TestSupport.Servers;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Api.Tests.Tickets;

/// <summary>
/// The two Puppet flows against the real servers ./test.sh starts: Puppet Server's CA (client
/// certificate auth) and OpenLDAP, checked with their own command-line tools.
/// </summary>
public sealed class RealServerFlowTests(RealServerFlowTests.Service service) : IClassFixture<RealServerFlowTests.Service>
{
    public sealed class Service : TicketService
    {
        public PuppetServerFixture Puppet { get; } = new();
        public TestLdapServer Ldap { get; } = TestLdapServer.FromEnvironment();

        protected override void Configure(Dictionary<string, string?> settings, IServiceCollection services)
        {
            // The Puppet Server comes up before the service (see InitializeAsync).
            settings["Integrations:PuppetCa:BaseUrl"] = Puppet.Url;
            settings["Integrations:PuppetCa:ClientCertificatePath"] = Puppet.ClientCertificatePath;
            settings["Integrations:PuppetCa:ClientKeyPath"] = Puppet.ClientKeyPath;
            settings["Integrations:PuppetCa:CaCertificatePath"] = Puppet.CaCertificatePath;
            settings["Integrations:Ldap:Url"] = Ldap.Url;
            settings["Integrations:Ldap:BindDn"] = Ldap.BindDn;
            settings["Integrations:Ldap:BindPassword"] = Ldap.Password;
            settings["Integrations:Ldap:GroupAttribute"] = "ou";
        }

        public override async Task InitializeAsync()
        {
            await Puppet.InitializeAsync();
            await base.InitializeAsync();
        }

        public override async Task DisposeAsync()
        {
            await base.DisposeAsync();
            await Puppet.DisposeAsync();
        }
    }

    private static ServerFixture Server(string hostname, string dn = "", string group = "store-pos") => new("S9001", hostname, "192.0.2.10", dn, group);

    [Fact]
    public async Task Certificates_deleted_through_the_flow_are_gone_from_the_Puppet_CA()
    {
        var names = new[] { $"store-9001-pos-{Guid.NewGuid():N}"[..24], $"store-9001-pos-{Guid.NewGuid():N}"[..24] };
        await service.Puppet.Cli.GenerateAsync(names);
        var before = await service.Puppet.Cli.ListAllAsync();
        Assert.All(names, n => Assert.Contains(n, before.Signed));

        var id = await service.SubmitOkAsync(TestAuth.Requester, "puppet-cert-delete", TicketService.CertForm(names.Select(n => Server(n)).ToArray()));
        await service.WaitForStatusAsync(id, "WaitingForApproval");
        await service.ActAsync(TestAuth.Approver, id, "approve");
        await service.WaitForStatusAsync(id, "Completed", TimeSpan.FromSeconds(60));

        var listing = await service.Puppet.Cli.ListAllAsync();
        Assert.All(names, n => Assert.False(listing.Holds(n), $"{n} is still on the CA"));
    }

    [Fact]
    public async Task Groups_changed_through_the_flow_are_what_ldapsearch_reads()
    {
        var hosts = new[] { TestLdapServer.UniqueHostName(), TestLdapServer.UniqueHostName() };
        var servers = new List<ServerFixture>();
        foreach (var host in hosts)
            servers.Add(Server(host, await service.Ldap.AddHostAsync(host, "192.0.2.20", ("ou", "store-pos"))));

        var id = await service.SubmitOkAsync(TestAuth.Requester, "puppet-group-change", TicketService.GroupForm("store-pos-canary", servers.ToArray()));
        await service.WaitForStatusAsync(id, "WaitingForApproval");
        await service.ActAsync(TestAuth.Approver, id, "approve");
        await service.WaitForStatusAsync(id, "Completed", TimeSpan.FromSeconds(60));

        foreach (var server in servers)
        {
            var entry = await service.Ldap.SearchAsync(server.Dn, "ou");
            Assert.Equal(["store-pos-canary"], entry!["ou"]);
        }
    }
}
