using System.ComponentModel;
using System.Net;
using FluentValidation;

namespace Cmdb.Domain.Tickets.Forms;

/// <summary>A store server as forms name it (from the server list, <c>GET /api/servers</c>).</summary>
public class ServerEntry
{
    [Description("门店编号 store id")]
    public string StoreId { get; set; } = "";

    [Description("门店名称 store name")]
    public string? StoreName { get; set; }

    [Description("主机名 hostname")]
    public string Hostname { get; set; } = "";

    [Description("IP")]
    public string Ip { get; set; } = "";

    [Description("角色 role")]
    public string Role { get; set; } = "";

    [Description("环境 env: dev, sit, uat, pt, prod")]
    public string Env { get; set; } = "";
}

public sealed class ServerEntryValidator<T> : AbstractValidator<T>
    where T : ServerEntry
{
    private const string HostnamePattern = @"^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$";

    public ServerEntryValidator()
    {
        RuleFor(s => s.StoreId).NotEmpty().MaximumLength(32);
        RuleFor(s => s.StoreName).MaximumLength(100);
        RuleFor(s => s.Hostname).NotEmpty().Matches(HostnamePattern).WithMessage("'{PropertyValue}' is not a lower-case host name.");
        RuleFor(s => s.Ip).NotEmpty().Must(ip => IPAddress.TryParse(ip, out _)).WithMessage("'{PropertyValue}' is not an IP address.");
        RuleFor(s => s.Role).NotEmpty().MaximumLength(32);
        RuleFor(s => s.Env).Must(Environments.All.Contains).WithMessage($"Env must be one of {string.Join(", ", Environments.All)}.");
    }
}
