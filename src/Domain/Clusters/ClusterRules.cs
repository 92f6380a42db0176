using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Cmdb.Domain.Clusters;

/// <summary>The rules of DOMAIN.md for cluster attributes: locations, sizes per env, IP lists, prod names.</summary>
public static partial class ClusterRules
{
    public static readonly IReadOnlyList<string> OwnDataCentres = ["Putuo", "Hedan"];
    public static readonly IReadOnlyList<string> Clouds = ["Ali", "AWS"];
    public static readonly IReadOnlyList<string> Locations = [.. OwnDataCentres, .. Clouds];
    public static readonly IReadOnlyList<string> ProdSizes = ["3+3", "5+3", "9+6"];
    public static readonly IReadOnlyList<string> OtherSizes = ["3+3", "5+3"];

    /// <summary>Envs a cluster may move between (a prod cluster stays prod).</summary>
    public static readonly IReadOnlyList<string> MovableEnvs = ["dev", "uat"];

    /// <summary>Store nodes a cluster holds at 100% utilisation, whatever its size, unless configured otherwise.</summary>
    public const int DefaultCapacity = 512;

    /// <summary>Above this utilisation after a move, a capacity alert goes out.</summary>
    public const double AlertThreshold = 0.8;

    public static bool IsCloud(string location) => Clouds.Contains(location);

    /// <summary>The sizes a cluster in this env may have; a cluster that already has <c>9+6</c> may keep it.</summary>
    public static IReadOnlyList<string> SizesFor(string env, string? currentSize = null) =>
        env == "prod" ? ProdSizes
        : currentSize == "9+6" ? [.. OtherSizes, "9+6"]
        : OtherSizes;

    /// <summary>Why an env change is not allowed, or null when it is.</summary>
    public static string? EnvChangeProblem(string from, string to) =>
        from == to ? null
        : from == "prod" ? "A prod cluster stays prod."
        : to == "prod" ? "A cluster cannot become prod; create a prod cluster instead."
        : MovableEnvs.Contains(from) && MovableEnvs.Contains(to) ? null
        : $"Only dev and uat clusters may move between each other (not {from} → {to}).";

    /// <summary>
    /// Prod cluster names follow the numbering convention <c>&lt;prefix&gt;-NN</c>: lower-case words
    /// joined by '-', ending in a two-digit number from 01 (e.g. <c>casea-prod-sh-03</c>).
    /// </summary>
    public static bool IsProdName(string name) => ProdName().IsMatch(name) && !name.EndsWith("-00", StringComparison.Ordinal);

    /// <summary>The prefix and number of a prod name.</summary>
    public static (string Prefix, int Number) SplitProdName(string name) =>
        (name[..name.LastIndexOf('-')], int.Parse(name[(name.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^[a-z][a-z0-9]*(-[a-z0-9]+)*-[0-9]{2}$")]
    private static partial Regex ProdName();

    /// <summary>Any cluster name: lower-case letters, digits and '-', 3 to 63 characters.</summary>
    public static bool IsName(string name) => AnyName().IsMatch(name);

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$")]
    private static partial Regex AnyName();

    public static bool IsIpv4(string text) =>
        IPAddress.TryParse(text, out var ip) && ip.AddressFamily == AddressFamily.InterNetwork && ip.ToString() == text;
}

/// <summary>
/// A comma-separated IPv4 list as people type it: spaces around items and one trailing comma are
/// fine; an empty item in the middle or an item that is not an IPv4 address is not.
/// </summary>
public static class IpList
{
    public static (IReadOnlyList<string> Addresses, IReadOnlyList<string> Problems) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return ([], []);
        var items = text.Trim().TrimEnd(',').Split(',').Select(i => i.Trim()).ToList();
        var problems = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Length == 0)
                problems.Add($"item {i + 1} is empty");
            else if (!ClusterRules.IsIpv4(items[i]))
                problems.Add($"'{items[i]}' (item {i + 1}) is not an IPv4 address");
        }
        return (items, problems);
    }

    /// <summary>The normalised text: items joined by ',' with no spaces.</summary>
    public static string? Normalize(string? text)
    {
        var (addresses, problems) = Parse(text);
        return problems.Count > 0 || addresses.Count == 0 ? text?.Trim() : string.Join(',', addresses);
    }
}
