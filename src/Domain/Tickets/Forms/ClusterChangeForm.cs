using System.ComponentModel;
using Cmdb.Domain.Clusters;
using FluentValidation;

namespace Cmdb.Domain.Tickets.Forms;

/// <summary>CASE_A集群修改流程: attribute and tag changes to one cluster. Fields left out stay as they are.</summary>
public sealed class ClusterChangeForm
{
    public const string Name = "cluster-change";

    [Description("集群 the cluster to change (its id)")]
    public long ClusterId { get; set; }

    [Description("环境 env: prod stays prod; dev and uat may move between each other")]
    public string? Env { get; set; }

    [Description("规格 size: prod 3+3, 5+3, 9+6; other envs 3+3, 5+3 (9+6 may be kept)")]
    public string? Size { get; set; }

    [Description("域名 domain")]
    public string? Domain { get; set; }

    [Description("Ingress IP")]
    public string? IngressIp { get; set; }

    [Description("K8s IP (own DC only; for Ali/AWS it follows the K8s ID)")]
    public string? K8sIp { get; set; }

    [Description("OB IP")]
    public string? ObIp { get; set; }

    [Description("OB VIP")]
    public string? ObVip { get; set; }

    [Description("OB 用户名 OB user name")]
    public string? ObUser { get; set; }

    [Description("Rancher 集群 ID")]
    public string? RancherClusterId { get; set; }

    [Description("LB ID")]
    public string? LbId { get; set; }

    [Description("K8s ID (a new one: the k8s IP is looked up again)")]
    public string? K8sId { get; set; }

    [Description("添加标签 tags to add")]
    public List<string> AddTags { get; set; } = [];

    [Description("删除标签 tags to remove")]
    public List<string> RemoveTags { get; set; } = [];

    public bool ChangesSomething =>
        Env is not null || Size is not null || Domain is not null || IngressIp is not null || K8sIp is not null || ObIp is not null
        || ObVip is not null || ObUser is not null || RancherClusterId is not null || LbId is not null || K8sId is not null
        || AddTags.Count > 0 || RemoveTags.Count > 0;

    public static FormDefinition Definition { get; } = new()
    {
        Name = Name,
        Type = typeof(ClusterChangeForm),
        Validator = new Validator(),
        Claims = form => [new ClaimKey("cluster", ((ClusterChangeForm)form).ClusterId.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        Env = form => ((ClusterChangeForm)form).Env,
    };

    private sealed class Validator : AbstractValidator<ClusterChangeForm>
    {
        public Validator()
        {
            RuleFor(f => f.ClusterId).GreaterThan(0);
            RuleFor(f => f).Must(f => f.ChangesSomething).OverridePropertyName("form").WithMessage("The form changes nothing.");
            RuleFor(f => f.Env).Must(Environments.All.Contains!).When(f => f.Env is not null)
                .WithMessage($"Env must be one of {string.Join(", ", Environments.All)}.");
            RuleFor(f => f.Domain).Matches(@"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$")
                .When(f => f.Domain is not null).WithMessage("'{PropertyValue}' is not a lower-case domain name.");
            RuleFor(f => f.IngressIp).NotEmpty().IpList().When(f => f.IngressIp is not null);
            RuleFor(f => f.K8sIp).IpList();
            RuleFor(f => f.ObIp).IpList();
            RuleFor(f => f.ObVip).Must(ClusterRules.IsIpv4!).When(f => !string.IsNullOrWhiteSpace(f.ObVip)).WithMessage("'{PropertyValue}' is not an IPv4 address.");
            RuleForEach(f => f.AddTags).NotEmpty().MaximumLength(50);
            RuleForEach(f => f.RemoveTags).NotEmpty().MaximumLength(50);
            RuleFor(f => f).Must(f => !f.AddTags.Intersect(f.RemoveTags, StringComparer.OrdinalIgnoreCase).Any())
                .OverridePropertyName("addTags").WithMessage("A tag cannot be added and removed at once.");
        }
    }
}
