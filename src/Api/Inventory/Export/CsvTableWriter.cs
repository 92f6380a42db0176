using System.Text;

namespace Cmdb.Api.Inventory.Export;

/// <summary>
/// RFC 4180 CSV: UTF-8 with a BOM (Excel then reads Chinese correctly), CRLF line ends, fields
/// with a comma, quote, CR or LF quoted. Rows go through one reused line buffer into a 64 KB
/// writer buffer that is written out asynchronously whenever it fills (the ASP.NET response
/// refuses synchronous writes) and flushed every <see cref="FlushEveryRows"/> rows, so memory is
/// the same for ten rows or ten million.
/// </summary>
public sealed class CsvTableWriter : ITableWriter
{
    public const int FlushEveryRows = 1_000;
    private const int BufferChars = 64 * 1024;

    private readonly OutputGate _output;
    private readonly StreamWriter _writer;
    private readonly string _placeholder;
    private readonly StringBuilder _line = new(1024);
    private int _rowsSinceFlush;
    private bool _completed;

    public CsvTableWriter(Stream output, string placeholder = TableCells.Placeholder)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(placeholder);
        _output = new OutputGate(output);
        _writer = new StreamWriter(_output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), BufferChars, leaveOpen: true);
        _placeholder = placeholder;
    }

    public string ContentType => "text/csv; charset=utf-8";
    public string FileExtension => "csv";

    public Task WriteHeaderAsync(IReadOnlyList<string> headers, CancellationToken cancellationToken)
    {
        _line.Clear();
        for (var i = 0; i < headers.Count; i++)
            AppendField(i, headers[i] ?? "");
        return WriteLineAsync(cancellationToken);
    }

    public Task WriteRowAsync(IReadOnlyList<string?> cells, CancellationToken cancellationToken)
    {
        _line.Clear();
        for (var i = 0; i < cells.Count; i++)
            AppendField(i, TableCells.Text(cells[i], _placeholder));
        return WriteLineAsync(cancellationToken);
    }

    private void AppendField(int index, string field)
    {
        if (index > 0)
            _line.Append(',');
        if (field.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _line.Append(field);
            return;
        }
        _line.Append('"');
        foreach (var c in field)
        {
            if (c == '"')
                _line.Append('"');
            _line.Append(c);
        }
        _line.Append('"');
    }

    private async Task WriteLineAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_completed)
            throw new InvalidOperationException("The CSV is complete; no more rows can be written.");
        _line.Append("\r\n");
        await _writer.WriteAsync(_line, cancellationToken);
        if (++_rowsSinceFlush >= FlushEveryRows)
        {
            _rowsSinceFlush = 0;
            await _writer.FlushAsync(cancellationToken);
        }
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await _writer.FlushAsync(cancellationToken);
        _completed = true;
    }

    public ValueTask DisposeAsync()
    {
        if (!_completed)
            _output.Abandon();
        return _writer.DisposeAsync();
    }
}
