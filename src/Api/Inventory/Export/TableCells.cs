using System.Text.RegularExpressions;

namespace Cmdb.Api.Inventory.Export;

/// <summary>What a data cell shows, the same for CSV and XLSX.</summary>
public static partial class TableCells
{
    /// <summary>DOMAIN.md: an empty value shows as <c>/</c> (e.g. a VM with no IP).</summary>
    public const string Placeholder = "/";

    /// <summary>
    /// The placeholder for a null, empty or blank value; text a spreadsheet would run as a
    /// formula or DDE command (first character <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or CR) is
    /// prefixed with an apostrophe (OWASP's CSV injection advice). A plain number such as
    /// <c>-1</c> (the U position DOMAIN.md stores for <c>0</c>) cannot carry a formula and is
    /// left readable.
    /// </summary>
    public static string Text(string? value, string placeholder = Placeholder)
    {
        if (string.IsNullOrWhiteSpace(value))
            return placeholder;
        return IsFormulaLike(value) ? "'" + value : value;
    }

    public static bool IsFormulaLike(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !PlainNumber().IsMatch(value);

    [GeneratedRegex(@"^[+-]?[0-9]+(\.[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumber();
}
