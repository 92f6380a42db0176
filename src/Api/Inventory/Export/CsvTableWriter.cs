using System.Text;

namespace Cmdb.Api.Inventory.Export;

/// <summary>RFC 4180 CSV in UTF-8 with a BOM (so Excel reads Chinese), CRLF line ends, written asynchronously.</summary>
public sealed class CsvTableWriter(Stream output, string placeholder = TableWriters.Placeholder) : ITableWriter
{
    private const int FlushEvery = 500;
    private readonly StreamWriter _writer = new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
    private int _rows;

    public string ContentType => "text/csv; charset=utf-8";
    public string FileExtension => "csv";

    public Task WriteHeaderAsync(IReadOnlyList<string> headers, CancellationToken cancellationToken) => WriteLineAsync(headers, cancellationToken);

    public Task WriteRowAsync(IReadOnlyList<string?> cells, CancellationToken cancellationToken) =>
        WriteLineAsync(cells.Select(c => TableWriters.Cell(c, placeholder)).ToList(), cancellationToken);

    private async Task WriteLineAsync(IReadOnlyList<string> cells, CancellationToken cancellationToken)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0)
                line.Append(',');
            var cell = cells[i];
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0)
                line.Append('"').Append(cell.Replace("\"", "\"\"")).Append('"');
            else
                line.Append(cell);
        }
        line.Append("\r\n");
        await _writer.WriteAsync(line, cancellationToken);
        if (++_rows % FlushEvery == 0)
            await _writer.FlushAsync(cancellationToken);
    }

    public Task CompleteAsync(CancellationToken cancellationToken) => _writer.FlushAsync(cancellationToken);

    public ValueTask DisposeAsync() => _writer.DisposeAsync();
}
