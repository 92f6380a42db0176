using System.ComponentModel;
using FluentValidation;

namespace Cmdb.Domain.Tickets.Forms;

/// <summary>Puppet证书删除流程: the servers whose Puppet certificates are revoked and deleted.</summary>
public sealed class PuppetCertDeleteForm
{
    public const string Name = "puppet-cert-delete";
    public const int MaxServers = 100;

    [Description("要删除证书的服务器 servers whose certificates are deleted")]
    public List<ServerEntry> Servers { get; set; } = [];

    public static FormDefinition Definition { get; } = new()
    {
        Name = Name,
        Type = typeof(PuppetCertDeleteForm),
        Validator = new Validator(),
        Claims = form => ((PuppetCertDeleteForm)form).Servers.Select(s => new ClaimKey("server", s.Hostname.ToLowerInvariant())),
        Env = form => FormEnv.Of(((PuppetCertDeleteForm)form).Servers),
    };

    private sealed class Validator : AbstractValidator<PuppetCertDeleteForm>
    {
        public Validator()
        {
            RuleFor(f => f.Servers).NotEmpty().Must(s => s.Count <= MaxServers).WithMessage($"At most {MaxServers} servers per ticket.");
            RuleForEach(f => f.Servers).SetValidator(new ServerEntryValidator<ServerEntry>());
            RuleFor(f => f.Servers).Must(FormEnv.UniqueHostnames).WithMessage("A server is listed twice.");
        }
    }
}
