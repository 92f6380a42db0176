namespace Cmdb.Api.Inventory.Export;

/// <summary>Writes a table row by row to a stream (CSV or XLSX), holding at most a buffer in memory.</summary>
public interface ITableWriter : IAsyncDisposable
{
    string ContentType { get; }
    string FileExtension { get; }
    Task WriteHeaderAsync(IReadOnlyList<string> headers, CancellationToken cancellationToken);
    Task WriteRowAsync(IReadOnlyList<string?> cells, CancellationToken cancellationToken);
    Task CompleteAsync(CancellationToken cancellationToken);
}

public static class TableWriters
{
    /// <summary>DOMAIN.md: an empty value shows as <c>/</c> (e.g. a VM with no IP).</summary>
    public const string Placeholder = "/";

    public static ITableWriter Create(string format, Stream output) => format switch
    {
        "csv" => new CsvTableWriter(output),
        "xlsx" => new XlsxTableWriter(output),
        _ => throw new ArgumentException($"The format is csv or xlsx, not '{format}'.", nameof(format)),
    };

    /// <summary>
    /// What a cell shows: the placeholder for nothing, and text a spreadsheet would run as a
    /// formula (=, +, -, @, tab, CR first) prefixed with an apostrophe.
    /// </summary>
    public static string Cell(string? value, string placeholder = Placeholder)
    {
        if (string.IsNullOrEmpty(value))
            return placeholder;
        return value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
    }
}
