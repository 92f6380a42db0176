using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Cmdb.Api.Inventory.Export;

/// <summary>
/// A real .xlsx (one sheet, inline strings, bold frozen header) written row by row. ZIP writing
/// is synchronous and the HTTP response allows only asynchronous writes, so the workbook is
/// written to a temporary file that deletes itself and copied to the response at the end:
/// memory stays flat whatever the row count.
/// </summary>
public sealed class XlsxTableWriter : ITableWriter
{
    /// <summary>A sheet holds 1,048,576 rows; Excel cuts cells at 32,767 characters.</summary>
    public const int MaxRows = 1_048_576;
    public const int MaxCellLength = 32_767;
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private readonly Stream _output;
    private readonly string _placeholder;
    private readonly FileStream _file;
    private readonly ZipArchive _zip;
    private readonly Stream _sheetStream;
    private readonly XmlWriter _sheet;
    private int _row;
    private bool _completed;

    public XlsxTableWriter(Stream output, string placeholder = TableWriters.Placeholder)
    {
        _output = output;
        _placeholder = placeholder;
        _file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        _zip = new ZipArchive(_file, ZipArchiveMode.Create, leaveOpen: true);
        Part("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """);
        Part("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """);
        Part("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>
            """);
        Part("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
            """);
        Part("xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf fontId="0"/><xf fontId="1" applyFont="1"/></cellXfs></styleSheet>
            """);
        _sheetStream = _zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open();
        _sheet = XmlWriter.Create(_sheetStream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), CheckCharacters = false });
        _sheet.WriteStartDocument(true);
        _sheet.WriteStartElement("worksheet", Main);
        _sheet.WriteStartElement("sheetViews");
        _sheet.WriteStartElement("sheetView");
        _sheet.WriteAttributeString("workbookViewId", "0");
        _sheet.WriteStartElement("pane");
        _sheet.WriteAttributeString("ySplit", "1");
        _sheet.WriteAttributeString("topLeftCell", "A2");
        _sheet.WriteAttributeString("state", "frozen");
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteStartElement("sheetData");
    }

    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public string FileExtension => "xlsx";

    public Task WriteHeaderAsync(IReadOnlyList<string> headers, CancellationToken cancellationToken)
    {
        Row(headers, style: 1);
        return Task.CompletedTask;
    }

    public Task WriteRowAsync(IReadOnlyList<string?> cells, CancellationToken cancellationToken)
    {
        Row(cells.Select(c => TableWriters.Cell(c, _placeholder)).ToList(), style: 0);
        return Task.CompletedTask;
    }

    private void Row(IReadOnlyList<string> cells, int style)
    {
        if (_row >= MaxRows)
            throw new InvalidOperationException($"An Excel sheet holds at most {MaxRows:N0} rows.");
        _row++;
        _sheet.WriteStartElement("row");
        _sheet.WriteAttributeString("r", _row.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var cell in cells)
        {
            _sheet.WriteStartElement("c");
            _sheet.WriteAttributeString("t", "inlineStr");
            if (style != 0)
                _sheet.WriteAttributeString("s", style.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _sheet.WriteStartElement("is");
            _sheet.WriteStartElement("t");
            _sheet.WriteAttributeString("xml", "space", null, "preserve");
            _sheet.WriteString(Clean(cell));
            _sheet.WriteEndElement();
            _sheet.WriteEndElement();
            _sheet.WriteEndElement();
        }
        _sheet.WriteEndElement();
    }

    /// <summary>XML cannot carry most control characters; Excel cuts long cells.</summary>
    private static string Clean(string text)
    {
        if (text.Length > MaxCellLength)
            text = text[..MaxCellLength];
        return text.Any(c => c < 0x20 && c is not ('\t' or '\n' or '\r')) ? new string(text.Where(c => c >= 0x20 || c is '\t' or '\n' or '\r').ToArray()) : text;
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        _sheet.WriteEndElement();
        _sheet.WriteEndElement();
        _sheet.WriteEndDocument();
        _sheet.Dispose();
        _sheetStream.Dispose();
        _zip.Dispose();
        _completed = true;
        _file.Position = 0;
        await _file.CopyToAsync(_output, cancellationToken);
        await _output.FlushAsync(cancellationToken);
    }

    private void Part(string name, string xml)
    {
        using var stream = _zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(Encoding.UTF8.GetBytes(xml.Trim()));
    }

    public ValueTask DisposeAsync()
    {
        if (!_completed)
        {
            _sheet.Dispose();
            _sheetStream.Dispose();
            _zip.Dispose();
        }
        return _file.DisposeAsync();
    }
}
