namespace Cmdb.Domain.Pricing;

/// <summary>The vendors, kinds, regions, price sources and units of DOMAIN.md "Pricing", as the API spells them.</summary>
public static class PricingNames
{
    public const string Alibaba = "alibaba";
    public const string Tencent = "tencent";
    public const string Idc = "idc";

    public static readonly IReadOnlyList<string> Vendors = [Alibaba, Tencent, Idc];
    public static readonly IReadOnlyList<string> CloudVendors = [Alibaba, Tencent];

    public const string Server = "server";
    public const string Disk = "disk";
    public const string Rds = "rds";
    public const string Redis = "redis";
    public const string Lb = "lb";

    public static readonly IReadOnlyList<string> Kinds = [Server, Disk, Rds, Redis, Lb];

    /// <summary>What an IDC item may be: priced from the pricing strategies.</summary>
    public static readonly IReadOnlyList<string> IdcKinds = [Server, Disk];

    /// <summary>The same city at the other vendor, for side-by-side comparison.</summary>
    public static readonly IReadOnlyDictionary<string, string> PeerRegion = new Dictionary<string, string>
    {
        ["cn-shanghai"] = "ap-shanghai", ["ap-shanghai"] = "cn-shanghai",
        ["cn-hongkong"] = "ap-hongkong", ["ap-hongkong"] = "cn-hongkong",
    };

    public static string OtherVendor(string vendor) => vendor == Alibaba ? Tencent : Alibaba;
}

/// <summary>Where a price came from.</summary>
public static class PriceSources
{
    /// <summary>Stored in the price book as synthetic sample data (never a quote).</summary>
    public const string Sample = "sample";

    /// <summary>Stored in the price book from a vendor's price API.</summary>
    public const string Live = "live";

    /// <summary>Computed from a vendor's published rule (Tencent disks, Tencent MariaDB).</summary>
    public const string Rule = "rule";

    public static readonly IReadOnlyList<string> All = [Sample, Live, Rule];
}

/// <summary>Where an estimate line's price came from, as the estimate reports it.</summary>
public static class LineSources
{
    public const string Live = "live";
    public const string PriceBook = "price-book";
    public const string Rule = "rule";
    public const string IdcStrategy = "idc-strategy";
}

public static class PriceUnits
{
    public const string Month = "MONTH";
    public const string GbMonth = "GB-MONTH";
    public const string MbpsMonth = "MBPS-MONTH";
}

/// <summary>The components an estimate breaks an item into.</summary>
public static class Components
{
    public const string Instance = "instance";
    public const string Image = "image";
    public const string SystemDisk = "systemDisk";
    public const string DataDisk = "dataDisk";
    public const string Disk = "disk";
    public const string Bandwidth = "bandwidth";
    public const string Storage = "storage";
    public const string Spec = "spec";
    public const string Cpu = "cpu";
    public const string Memory = "memory";
}
