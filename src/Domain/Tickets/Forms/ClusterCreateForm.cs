using System.ComponentModel;
using Cmdb.Domain.Clusters;
using FluentValidation;

namespace Cmdb.Domain.Tickets.Forms;

/// <summary>创建集群流程: a new CASE A cluster, its DNS name and addresses.</summary>
public sealed class ClusterCreateForm
{
    public const string Name = "cluster-create";

    [Description("集群名称 cluster name (prod: <prefix>-NN)")]
    public string ClusterName { get; set; } = "";

    [Description("环境 env: dev, sit, uat, pt, prod")]
    public string Env { get; set; } = "";

    [Description("位置 location: Putuo, Hedan (own DC), Ali, AWS (cloud)")]
    public string Location { get; set; } = "";

    [Description("规格 size: prod 3+3, 5+3, 9+6; other envs 3+3, 5+3")]
    public string Size { get; set; } = "";

    [Description("域名 domain (the DNS A record points it at the ingress IP)")]
    public string Domain { get; set; } = "";

    [Description("Ingress IP (comma-separated IPv4)")]
    public string IngressIp { get; set; } = "";

    [Description("K8s IP (comma-separated IPv4; Putuo/Hedan only: for Ali/AWS it is looked up from the K8s ID)")]
    public string? K8sIp { get; set; }

    [Description("OB IP (comma-separated IPv4)")]
    public string? ObIp { get; set; }

    [Description("OB VIP")]
    public string? ObVip { get; set; }

    [Description("OB 用户名 OB user name")]
    public string? ObUser { get; set; }

    [Description("Rancher 集群 ID")]
    public string? RancherClusterId { get; set; }

    [Description("LB ID (required for Ali/AWS)")]
    public string? LbId { get; set; }

    [Description("K8s ID (required for Ali/AWS: the Rancher cluster the k8s IP is read from)")]
    public string? K8sId { get; set; }

    [Description("标签 tags")]
    public List<string> Tags { get; set; } = [];

    public static FormDefinition Definition { get; } = new()
    {
        Name = Name,
        Type = typeof(ClusterCreateForm),
        Validator = new Validator(),
        Claims = form => [new ClaimKey("cluster-name", ((ClusterCreateForm)form).ClusterName.Trim().ToLowerInvariant())],
        Env = form => ((ClusterCreateForm)form).Env,
    };

    private sealed class Validator : AbstractValidator<ClusterCreateForm>
    {
        public Validator()
        {
            RuleFor(f => f.ClusterName).NotEmpty().Must(ClusterRules.IsName)
                .WithMessage("'{PropertyValue}' is not a cluster name: lower-case letters, digits and '-', 3 to 63 characters.");
            RuleFor(f => f.ClusterName).Must(ClusterRules.IsProdName).When(f => f.Env == "prod" && ClusterRules.IsName(f.ClusterName))
                .WithMessage("A prod cluster name follows the numbering convention <prefix>-NN (e.g. casea-prod-sh-03).");
            RuleFor(f => f.Env).Must(Environments.All.Contains).WithMessage($"Env must be one of {string.Join(", ", Environments.All)}.");
            RuleFor(f => f.Location).Must(ClusterRules.Locations.Contains).WithMessage($"Location must be one of {string.Join(", ", ClusterRules.Locations)}.");
            RuleFor(f => f.Size).Must((f, size) => ClusterRules.SizesFor(f.Env).Contains(size))
                .When(f => Environments.All.Contains(f.Env))
                .WithMessage(f => $"Size must be one of {string.Join(", ", ClusterRules.SizesFor(f.Env))} in {f.Env}.");
            RuleFor(f => f.Domain).NotEmpty().Matches(@"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$")
                .WithMessage("'{PropertyValue}' is not a lower-case domain name.");
            RuleFor(f => f.IngressIp).NotEmpty().IpList();
            RuleFor(f => f.K8sIp).NotEmpty().When(f => ClusterRules.OwnDataCentres.Contains(f.Location))
                .WithMessage("K8s IP is required for Putuo and Hedan.");
            RuleFor(f => f.K8sIp).IpList().When(f => ClusterRules.OwnDataCentres.Contains(f.Location));
            RuleFor(f => f.LbId).NotEmpty().When(f => ClusterRules.IsCloud(f.Location)).WithMessage("LB ID is required for Ali and AWS.");
            RuleFor(f => f.K8sId).NotEmpty().When(f => ClusterRules.IsCloud(f.Location)).WithMessage("K8s ID is required for Ali and AWS.");
            RuleFor(f => f.ObIp).IpList();
            RuleFor(f => f.ObVip).Must(ClusterRules.IsIpv4!).When(f => !string.IsNullOrWhiteSpace(f.ObVip)).WithMessage("'{PropertyValue}' is not an IPv4 address.");
            RuleFor(f => f.ObUser).MaximumLength(100);
            RuleFor(f => f.RancherClusterId).MaximumLength(100);
            RuleFor(f => f.LbId).MaximumLength(100);
            RuleFor(f => f.K8sId).MaximumLength(100);
            RuleForEach(f => f.Tags).NotEmpty().MaximumLength(50);
            RuleFor(f => f.Tags).Must(t => t.Distinct(StringComparer.OrdinalIgnoreCase).Count() == t.Count).WithMessage("A tag is listed twice.");
        }
    }
}

public static class IpListRules
{
    /// <summary>A comma-separated IPv4 list (spaces and a trailing comma tolerated); each bad item is named.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> IpList<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((text, context) =>
        {
            foreach (var problem in Clusters.IpList.Parse(text).Problems)
                context.AddFailure(problem);
        });
}
