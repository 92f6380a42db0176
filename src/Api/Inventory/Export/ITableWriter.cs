namespace Cmdb.Api.Inventory.Export;

/// <summary>
/// Writes one table row by row to a stream (CSV or XLSX), asynchronously and holding no more
/// than a fixed buffer, so an export of any size runs in constant memory. Call
/// <see cref="CompleteAsync"/> to finish the file; disposing a writer that was not completed
/// abandons it: nothing more reaches the output, so a failed export never ends in a file that
/// looks whole.
/// </summary>
public interface ITableWriter : IAsyncDisposable
{
    /// <summary>The media type of the response, e.g. <c>text/csv; charset=utf-8</c>.</summary>
    string ContentType { get; }

    /// <summary>The file name extension without the dot: <c>csv</c> or <c>xlsx</c>.</summary>
    string FileExtension { get; }

    /// <summary>The column titles, written as given (no placeholder, no formula guard).</summary>
    Task WriteHeaderAsync(IReadOnlyList<string> headers, CancellationToken cancellationToken);

    /// <summary>One row; a null or blank cell shows the placeholder, formula-like text is guarded. The list is not kept.</summary>
    Task WriteRowAsync(IReadOnlyList<string?> cells, CancellationToken cancellationToken);

    /// <summary>Ends the file and flushes everything to the output.</summary>
    Task CompleteAsync(CancellationToken cancellationToken);
}

public static class TableWriters
{
    public static readonly IReadOnlyList<string> Formats = ["csv", "xlsx"];

    /// <summary>A writer for <paramref name="format"/> (<c>csv</c> or <c>xlsx</c>, any case) over the output, which is left open.</summary>
    /// <param name="placeholder">What an empty cell shows; DOMAIN.md: <c>/</c>.</param>
    /// <param name="sheetName">XLSX only: the sheet's name, made safe for Excel.</param>
    public static ITableWriter Create(string format, Stream output, string placeholder = TableCells.Placeholder, string? sheetName = null) =>
        format?.Trim().ToLowerInvariant() switch
        {
            "csv" => new CsvTableWriter(output, placeholder),
            "xlsx" => new XlsxTableWriter(output, placeholder, sheetName),
            _ => throw new ArgumentException($"Unknown export format '{format}'; the format is one of: {string.Join(", ", Formats)}.", nameof(format)),
        };
}
