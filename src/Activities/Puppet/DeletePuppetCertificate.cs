using System.Text.Json.Nodes;
using Cmdb.Integrations.PuppetCa;

namespace Cmdb.Activities.Puppet;

/// <summary>Revokes and deletes a node's certificate on the Puppet CA. A certificate already gone counts as deleted.</summary>
public sealed class DeletePuppetCertificate(IPuppetCertificateAuthority ca) : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new(
        "puppet.deleteCertificate",
        "Revoke and delete a node's certificate on the Puppet CA (吊销并删除证书).",
        [new ActivityInput("certname", "string", true, "The node's certificate name, usually its hostname.")],
        [
            new ActivityOutput("certname", "string", "The certificate name handled."),
            new ActivityOutput("result", "string", "deleted, or notFound when there was no certificate."),
        ],
        [ActivityDescriptor.Done]);

    public async Task<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken)
    {
        var certname = context.RequiredString("certname");
        var removal = await ca.RemoveCertificateAsync(certname, cancellationToken);
        return ActivityResult.Done(new JsonObject
        {
            ["certname"] = certname,
            ["result"] = removal == CertificateRemoval.Deleted ? "deleted" : "notFound",
        });
    }
}
