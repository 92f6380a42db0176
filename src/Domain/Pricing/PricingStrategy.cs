namespace Cmdb.Domain.Pricing;

/// <summary>
/// An IDC pricing strategy (定价策略, table <c>pricing_strategies</c>): the unit price of a resource
/// type for one env, host env and cloud (or <c>idc</c>). One per combination; field values are
/// stored trimmed and lower case, the unit trimmed and upper case.
/// </summary>
public sealed class PricingStrategy
{
    /// <summary>A field value matching every env or host env when no exact strategy exists.</summary>
    public const string Any = "*";

    public long Id { get; set; }

    /// <summary><c>cpu</c>, <c>memory</c>, <c>disk</c>, <c>server</c> are used by estimates and the report; others may be stored.</summary>
    public required string ResourceType { get; set; }

    public required string Env { get; set; }
    public required string HostEnv { get; set; }

    /// <summary><c>idc</c>, or the name of the private cloud or platform the resource runs on (e.g. <c>vmware</c>, <c>office</c>).</summary>
    public required string Cloud { get; set; }

    /// <summary>CORE, GB, TB or UNIT (per resource).</summary>
    public required string Unit { get; set; }

    /// <summary>CNY per unit per month.</summary>
    public decimal UnitPrice { get; set; }

    public string? Note { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }

    public static string Value(string value) => value.Trim().ToLowerInvariant();

    public static string UnitOf(string unit) => unit.Trim().ToUpperInvariant();

    /// <summary>Applies the storage rules: values trimmed and lower case, the unit upper case, the note trimmed (empty: none).</summary>
    public void Normalise()
    {
        ResourceType = Value(ResourceType);
        Env = Value(Env);
        HostEnv = Value(HostEnv);
        Cloud = Value(Cloud);
        Unit = UnitOf(Unit);
        Note = string.IsNullOrWhiteSpace(Note) ? null : Note.Trim();
    }
}

/// <summary>The units a strategy may be in, and how many of them a resource holds.</summary>
public static class StrategyUnits
{
    public const string Core = "CORE";
    public const string Gb = "GB";
    public const string Tb = "TB";
    public const string Unit = "UNIT";

    public static readonly IReadOnlyList<string> All = [Core, Gb, Tb, Unit];
}
