using System.Globalization;

namespace Cmdb.Domain.Pricing.Catalog;

/// <summary>One vendor's catalogue as checked in (<c>Catalog/{vendor}.json</c>); an item without <c>regions</c> is sold in every region of the vendor.</summary>
public sealed record VendorCatalog(
    string Vendor,
    IReadOnlyList<string> Regions,
    IReadOnlyList<ServerSpec> ServerSpecs,
    IReadOnlyList<ImageOption> Images,
    IReadOnlyList<DiskType> DiskTypes,
    SizeRange SystemDisk,
    int MaxDataDisks,
    IReadOnlyList<RdsEngine> RdsEngines,
    RedisCatalog Redis,
    IReadOnlyList<LbSpec> LbSpecs);

/// <param name="Family">The instance family as the vendor names it (<c>g7</c>, <c>S6</c>); disk type support is per family.</param>
/// <param name="Generation">Higher is newer; equal cpu and memory sort newest first.</param>
public sealed record ServerSpec(string Id, string Family, int Generation, int Cpu, decimal Memory, IReadOnlyList<string>? Regions = null)
{
    /// <summary><c>4C8G (S5.LARGE8)</c>.</summary>
    public string Display => $"{Cpu}C{Memory.ToString("0.##", CultureInfo.InvariantCulture)}G ({Id.ToUpperInvariant()})";
}

public sealed record ImageOption(string Id, string Name, string Os, IReadOnlyList<string>? Regions = null)
{
    public bool Windows => string.Equals(Os, "windows", StringComparison.OrdinalIgnoreCase);
}

/// <param name="Families">The spec families that can attach this disk type.</param>
public sealed record DiskType(string Id, string Name, SizeRange Data, IReadOnlyList<string> Families);

/// <summary>Allowed sizes: <c>Min</c>, <c>Min + Step</c>, … up to <c>Max</c> (GB).</summary>
public sealed record SizeRange(int Min, int Max, int Step = 1)
{
    public bool Allows(long size) => size >= Min && size <= Max && (size - Min) % Step == 0;

    public string Describe() => Step == 1 ? $"{Min}–{Max} GB" : $"{Min}–{Max} GB in steps of {Step} from {Min}";

    /// <summary>The nearest allowed size at or above <paramref name="size"/> (clamped into the range).</summary>
    public int Fit(long size)
    {
        if (size <= Min)
            return Min;
        if (size >= Max)
            return Max - (Max - Min) % Step;
        var steps = (size - Min + Step - 1) / Step;
        return (int)Math.Min(Min + steps * Step, Max - (Max - Min) % Step);
    }
}

/// <param name="PriceByVersion">True where the version changes the price (SQL Server editions): the price key then holds the version.</param>
public sealed record RdsEngine(
    string Id, string Name, IReadOnlyList<string> Versions, IReadOnlyList<string> Series, IReadOnlyList<string> InstanceTypes,
    SizeRange Storage, IReadOnlyList<RdsClass> Classes, bool PriceByVersion = false);

/// <param name="Versions">Only for these versions (null: every version of the engine).</param>
public sealed record RdsClass(string Id, int Cpu, decimal Memory, string Series, string InstanceType = "primary", IReadOnlyList<string>? Versions = null)
{
    public string Display => $"{Cpu}C{Memory.ToString("0.##", CultureInfo.InvariantCulture)}G ({Id})";
}

public sealed record RedisCatalog(IReadOnlyList<string> Versions, IReadOnlyList<RedisSpec> Specs);

/// <summary>Parameters (architecture, capacity, shards) that map to one vendor spec id.</summary>
public sealed record RedisSpec(string Id, string Architecture, int CapacityGb, int Shards = 1);

/// <param name="MaxConnections">The spec's capacity, used to pick the nearest spec of the other vendor.</param>
public sealed record LbSpec(string Id, string Name, int MaxConnections);
