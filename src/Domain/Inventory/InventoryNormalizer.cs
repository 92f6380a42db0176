using System.Net;
using System.Text.RegularExpressions;

namespace Cmdb.Domain.Inventory;

/// <summary>Tags a resource carries, parsed into the fields lists filter on.</summary>
public sealed record ParsedTags(string? Owner, string? System, string? Module, string? Product);

/// <summary>The normalisation rules of DOMAIN.md, applied to everything a sync or an import brings in.</summary>
public static partial class InventoryNormalizer
{
    public const string UnknownCloud = "未知";

    private static readonly Dictionary<string, string> Clouds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["qcloud"] = "Tencent Cloud",
        ["tencent"] = "Tencent Cloud",
        ["tencent cloud"] = "Tencent Cloud",
        ["aws"] = "AWS",
        ["aliyun"] = "Alibaba Cloud",
        ["alibaba cloud"] = "Alibaba Cloud",
    };

    private static readonly Dictionary<string, string> Statuses = new(StringComparer.OrdinalIgnoreCase)
    {
        ["running"] = "运行中",
        ["stopped"] = "已关机",
        ["stopping"] = "关机中",
        ["starting"] = "开机中",
        ["pending"] = "创建中",
        ["deleted"] = "已删除",
        ["error"] = "异常",
    };

    /// <summary><c>Qcloud</c> → <c>Tencent Cloud</c>, <c>Aws</c> → <c>AWS</c>, the <c>office-vc</c> account → <c>office</c>, nothing → <c>未知</c>.</summary>
    public static string Cloud(string? cloud, string? account)
    {
        if (string.Equals(account?.Trim(), "office-vc", StringComparison.OrdinalIgnoreCase))
            return "office";
        if (string.IsNullOrWhiteSpace(cloud))
            return UnknownCloud;
        var trimmed = cloud.Trim();
        return Clouds.TryGetValue(trimmed, out var name) ? name : trimmed;
    }

    /// <summary>A platform status in Chinese (e.g. <c>stopped</c> → <c>已关机</c>); one already in Chinese or unknown is kept.</summary>
    public static string? Status(string? status) =>
        string.IsNullOrWhiteSpace(status) ? null : Statuses.TryGetValue(status.Trim(), out var zh) ? zh : status.Trim();

    /// <summary><c>owner:alice,system:pos</c> or <c>owner=alice;system=pos</c> → owner, system, module, product (keys in any case).</summary>
    public static ParsedTags Tags(string? tags)
    {
        string? owner = null, system = null, module = null, product = null;
        foreach (var pair in (tags ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var separator = pair.IndexOfAny([':', '=']);
            if (separator <= 0)
                continue;
            var value = pair[(separator + 1)..].Trim();
            if (value.Length == 0)
                continue;
            switch (pair[..separator].Trim().ToLowerInvariant())
            {
                case "owner": owner = value; break;
                case "system": system = value; break;
                case "module": module = value; break;
                case "product": product = value; break;
            }
        }
        return new ParsedTags(owner, system, module, product);
    }

    /// <summary>A rack U position: <c>0</c> (not racked) is stored as <c>-1</c>.</summary>
    public static int? UPosition(int? position) => position == 0 ? -1 : position;

    /// <summary>
    /// An ACL address with a wildcard mask (<c>10.1.0.0 0.0.255.255</c>) as a CIDR with a netmask
    /// (<c>10.1.0.0/16</c>); <c>any</c> and CIDRs are kept; a wildcard that is not contiguous is kept as written.
    /// </summary>
    public static string AclAddress(string text)
    {
        var match = WildcardAddress().Match(text.Trim());
        if (!match.Success || !IPAddress.TryParse(match.Groups[1].Value, out var address) || !IPAddress.TryParse(match.Groups[2].Value, out var wildcard))
            return text.Trim();
        var bits = BitConverter.ToUInt32(wildcard.GetAddressBytes().Reverse().ToArray());
        var mask = ~bits;
        // Contiguous: the mask is ones then zeros.
        if ((mask | (mask - 1)) != uint.MaxValue && mask != 0)
            return text.Trim();
        var prefix = System.Numerics.BitOperations.PopCount(mask);
        return $"{address}/{prefix}";
    }

    [GeneratedRegex(@"^(\d{1,3}(?:\.\d{1,3}){3})\s+(\d{1,3}(?:\.\d{1,3}){3})$")]
    private static partial Regex WildcardAddress();
}
