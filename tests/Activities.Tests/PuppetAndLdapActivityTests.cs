using Cmdb.Activities.Ldap;
using Cmdb.Activities.Puppet;
using Cmdb.Integrations.Ldap;
using Cmdb.Integrations.PuppetCa;
using Moq;

namespace Cmdb.Activities.Tests;

public sealed class PuppetAndLdapActivityTests
{
    [Theory]
    [InlineData(CertificateRemoval.Deleted, "deleted")]
    [InlineData(CertificateRemoval.NotFound, "notFound")]
    public async Task Deleting_a_certificate_reports_whether_there_was_one(CertificateRemoval removal, string result)
    {
        var ca = new Mock<IPuppetCertificateAuthority>();
        ca.Setup(c => c.RemoveCertificateAsync("s0001-pos-01.stores.example.test", It.IsAny<CancellationToken>())).ReturnsAsync(removal);

        var outcome = await new DeletePuppetCertificate(ca.Object).ExecuteAsync(
            ActivityTestContext.With(("certname", "s0001-pos-01.stores.example.test")), default);

        Assert.Equal(("done", result), (outcome.Outcome, outcome.Outputs["result"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_missing_certname_is_an_input_problem_and_the_CA_is_not_called()
    {
        var ca = new Mock<IPuppetCertificateAuthority>(MockBehavior.Strict);
        var error = await Assert.ThrowsAsync<ActivityInputException>(() =>
            new DeletePuppetCertificate(ca.Object).ExecuteAsync(ActivityTestContext.With(("certname", null)), default));
        Assert.Contains("certname", error.Message);
    }

    [Fact]
    public async Task Changing_a_group_passes_dn_and_group_and_reports_the_change()
    {
        var directory = new Mock<ILdapDirectory>();
        directory.Setup(d => d.ChangeGroupAsync("cn=h,ou=hosts,dc=example,dc=test", "canary", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new GroupChange("cn=h,ou=hosts,dc=example,dc=test", "stable", "canary", Changed: true));

        var outcome = await new ChangeLdapGroup(directory.Object).ExecuteAsync(
            ActivityTestContext.With(("dn", "cn=h,ou=hosts,dc=example,dc=test"), ("group", "canary")), default);

        Assert.Equal(("stable", true), (outcome.Outputs["previousGroup"]!.GetValue<string>(), outcome.Outputs["changed"]!.GetValue<bool>()));
    }

    [Fact]
    public void Every_activity_declares_its_inputs_outputs_and_outcomes()
    {
        var catalog = new ActivityCatalog([
            new DeletePuppetCertificate(Mock.Of<IPuppetCertificateAuthority>()),
            new ChangeLdapGroup(Mock.Of<ILdapDirectory>()),
        ]);
        Assert.All(catalog.Descriptors, d =>
        {
            Assert.Matches("^[a-z]+\\.[a-zA-Z]+$", d.Name);
            Assert.NotEmpty(d.Description);
            Assert.NotEmpty(d.Inputs);
            Assert.NotEmpty(d.Outcomes);
        });
        Assert.Throws<InvalidOperationException>(() => catalog.Get("no.such"));
    }
}
