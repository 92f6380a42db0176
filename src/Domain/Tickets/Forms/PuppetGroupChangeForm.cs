using System.ComponentModel;
using FluentValidation;

namespace Cmdb.Domain.Tickets.Forms;

/// <summary>Group修改流程: servers whose Puppet group (kept in their LDAP entry) changes.</summary>
public sealed class PuppetGroupChangeForm
{
    public const string Name = "puppet-group-change";

    [Description("要修改Group的服务器 servers whose group changes")]
    public List<GroupChangeEntry> Servers { get; set; } = [];

    public static FormDefinition Definition { get; } = new()
    {
        Name = Name,
        Type = typeof(PuppetGroupChangeForm),
        Validator = new Validator(),
        Claims = form => ((PuppetGroupChangeForm)form).Servers.Select(s => new ClaimKey("server", s.Hostname.ToLowerInvariant())),
        Env = form => FormEnv.Of(((PuppetGroupChangeForm)form).Servers),
    };

    private sealed class Validator : AbstractValidator<PuppetGroupChangeForm>
    {
        public Validator()
        {
            RuleFor(f => f.Servers).NotEmpty().Must(s => s.Count <= PuppetCertDeleteForm.MaxServers)
                .WithMessage($"At most {PuppetCertDeleteForm.MaxServers} servers per ticket.");
            RuleForEach(f => f.Servers).SetValidator(new GroupChangeEntryValidator());
            RuleFor(f => f.Servers).Must(FormEnv.UniqueHostnames).WithMessage("A server is listed twice.");
        }
    }
}

public sealed class GroupChangeEntry : ServerEntry
{
    [Description("LDAP DN of the node entry")]
    public string Dn { get; set; } = "";

    [Description("当前Group current group")]
    public string? Group { get; set; }

    [Description("新Group new group")]
    public string NewGroup { get; set; } = "";
}

public sealed class GroupChangeEntryValidator : AbstractValidator<GroupChangeEntry>
{
    public GroupChangeEntryValidator()
    {
        Include(new ServerEntryValidator<GroupChangeEntry>());
        RuleFor(s => s.Dn).NotEmpty().MaximumLength(500).Matches(@"^[A-Za-z][\w-]*=[^,]+(,[A-Za-z][\w-]*=[^,]+)+$")
            .WithMessage("'{PropertyValue}' is not a distinguished name such as cn=host,ou=hosts,dc=example,dc=test.");
        RuleFor(s => s.NewGroup).NotEmpty().Matches("^[A-Za-z0-9_.-]{1,64}$").WithMessage("A group is 1 to 64 of letters, digits, '_', '.', '-'.");
        RuleFor(s => s.NewGroup).NotEqual(s => s.Group).When(s => s.Group is not null).WithMessage("The new group is the current group.");
    }
}
