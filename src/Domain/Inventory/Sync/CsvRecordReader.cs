using System.Text;

namespace Cmdb.Domain.Inventory.Sync;

/// <summary>
/// A strict, streaming RFC 4180 reader (comma, double quotes doubled inside quoted cells, CRLF or
/// LF). Own code rather than a library so that an error names the physical line even after cells
/// spanning lines, and so that a stray quote is refused instead of shifting cells into wrong columns.
/// Empty lines are skipped. Errors are <see cref="InventorySourceException"/>s naming file and line.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, string file, int maxCellLength = CsvRecordReader.DefaultMaxCellLength)
{
    /// <summary>A cell longer than this is refused: usually a quote never closed, which would otherwise swallow the file.</summary>
    public const int DefaultMaxCellLength = 1 << 20;

    private readonly char[] _buffer = new char[16 * 1024];
    private readonly StringBuilder _cell = new();
    private int _position;
    private int _length;
    private int _line = 1;

    /// <summary>The line (1-based) the record last read starts on.</summary>
    public int Line { get; private set; }

    public string File => file;

    public InventorySourceException Error(int line, string message) => new($"{file}, line {line}: {message}");

    /// <summary>The next record's cells, or null at the end of the file.</summary>
    public async ValueTask<List<string>?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Line = _line;
            var cells = new List<string>();
            var anything = false; // any character in this record
            var quoted = false; // inside a quoted cell
            var closed = false; // a quoted cell ended: only a comma or the line end may follow
            var quotes = false; // the record used quotes (so a lone "" is a cell, not an empty line)
            var quoteLine = 0;
            _cell.Clear();
            while (true)
            {
                if (_position == _length && !await FillAsync(cancellationToken))
                {
                    if (quoted)
                        throw Error(quoteLine, "a quoted cell starts here and is never closed.");
                    if (!anything)
                        return null;
                    cells.Add(_cell.ToString());
                    return cells;
                }
                var c = _buffer[_position++];
                anything = true;
                if (quoted)
                {
                    if (c == '"')
                    {
                        if ((_position < _length || await FillAsync(cancellationToken)) && _buffer[_position] == '"')
                        {
                            _position++;
                            Append('"', quoteLine);
                        }
                        else
                        {
                            quoted = false;
                            closed = true;
                        }
                        continue;
                    }
                    if (c == '\n')
                        _line++;
                    Append(c, quoteLine);
                    continue;
                }
                switch (c)
                {
                    case ',':
                        cells.Add(_cell.ToString());
                        _cell.Clear();
                        closed = false;
                        break;
                    case '\r' or '\n':
                        if (c == '\r' && (_position < _length || await FillAsync(cancellationToken)) && _buffer[_position] == '\n')
                            _position++;
                        _line++;
                        cells.Add(_cell.ToString());
                        if (cells.Count == 1 && cells[0].Length == 0 && !quotes)
                            goto nextRecord;
                        return cells;
                    case '"' when _cell.Length == 0 && !closed:
                        quoted = quotes = true;
                        quoteLine = _line;
                        break;
                    case '"':
                        throw Error(_line, "a quote inside a cell that does not start with one (quote the whole cell and double the quotes in it).");
                    default:
                        if (closed)
                            throw Error(_line, $"'{c}' after the closing quote of a cell (only a comma or the line end may follow).");
                        Append(c, _line);
                        break;
                }
            }
        nextRecord:;
        }
    }

    private void Append(char c, int cellLine)
    {
        if (_cell.Length >= maxCellLength)
            throw Error(cellLine, $"a cell longer than {maxCellLength} characters (a quote never closed?).");
        _cell.Append(c);
    }

    private async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        _position = 0;
        _length = await reader.ReadAsync(_buffer.AsMemory(), cancellationToken);
        return _length > 0;
    }
}
