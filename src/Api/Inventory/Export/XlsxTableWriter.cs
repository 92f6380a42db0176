using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Cmdb.Api.Inventory.Export;

/// <summary>
/// A real .xlsx (one sheet of inline strings, bold frozen header row) written row by row
/// straight into the response, with no temporary file. Why this works on .NET 10: the sheet is
/// written by an asynchronous <see cref="XmlWriter"/> into an entry opened with
/// <see cref="ZipArchiveEntry.OpenAsync"/> of an archive made by <see cref="ZipArchive.CreateAsync"/>,
/// so the bulk of the bytes (the deflated rows) reach the response through asynchronous writes.
/// Only closing an entry is still synchronous in 10.0's ZIP code (the last deflate block and the
/// data descriptor, a few hundred bytes, see <see cref="OutputGate"/>): those are held and sent
/// asynchronously right after. On a forward-only stream each entry's sizes follow it in a data
/// descriptor, as java.util.zip (so Apache POI) has always written them and Excel reads them.
/// Memory holds the deflater's and the XML writer's buffers only, and bytes leave from the first
/// row on, so a long export never looks idle to a proxy. (The alternative, a
/// <see cref="FileOptions.DeleteOnClose"/> temporary file copied at the end, costs disk, a second
/// pass and a silent response until the last row.) Same placeholder and formula guard as CSV;
/// characters XML cannot carry are dropped; Excel's limits hold: more than <see cref="MaxRows"/>
/// rows throws, a cell is cut at <see cref="MaxCellLength"/> characters.
/// </summary>
public sealed class XlsxTableWriter : ITableWriter
{
    /// <summary>Rows in an Excel sheet, the header included.</summary>
    public const int MaxRows = 1_048_576;

    /// <summary>Characters in an Excel cell.</summary>
    public const int MaxCellLength = 32_767;

    private static readonly XmlWriterSettings Settings = new()
    {
        Async = true,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        CloseOutput = false,
        // A CR in a value is kept as &#xD; instead of being read back as LF.
        NewLineHandling = NewLineHandling.Entitize,
    };

    private readonly OutputGate _output;
    private readonly string _placeholder;
    private ZipArchive? _zip;
    private Stream? _sheetStream;
    private XmlWriter? _sheet;
    private int _rows;
    private bool _completed;

    public XlsxTableWriter(Stream output, string placeholder = TableCells.Placeholder, string? sheetName = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(placeholder);
        _output = new OutputGate(output);
        _placeholder = placeholder;
        SheetName = XlsxParts.SafeSheetName(sheetName);
    }

    public string SheetName { get; }

    /// <summary>The most bytes the ZIP code wrote synchronously between two asynchronous writes.</summary>
    internal long MostHeldBytes => _output.MostHeld;
    public string ContentType => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public string FileExtension => "xlsx";

    public async Task WriteHeaderAsync(IReadOnlyList<string> headers, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_sheet is not null)
            throw new InvalidOperationException("The header is the first row: write it before any other.");
        var titles = headers.Select(h => XlsxParts.Truncate(XlsxParts.XmlSafe(h ?? ""), MaxCellLength)).ToList();
        var sheet = await StartAsync(titles, cancellationToken);
        await WriteSheetRowAsync(sheet, titles, XlsxParts.HeaderStyle);
    }

    public async Task WriteRowAsync(IReadOnlyList<string?> cells, CancellationToken cancellationToken)
    {
        // The XML writer takes no token, so a cancelled export stops here, between rows.
        cancellationToken.ThrowIfCancellationRequested();
        var sheet = _sheet ?? await StartAsync(null, cancellationToken);
        var texts = new string[cells.Count];
        for (var i = 0; i < texts.Length; i++)
            texts[i] = XlsxParts.Truncate(TableCells.Text(cells[i] is { } value ? XlsxParts.XmlSafe(value) : null, _placeholder), MaxCellLength);
        await WriteSheetRowAsync(sheet, texts, style: null);
    }

    private async Task WriteSheetRowAsync(XmlWriter sheet, IReadOnlyList<string> texts, string? style)
    {
        if (_completed)
            throw new InvalidOperationException("The workbook is complete; no more rows can be written.");
        if (_rows >= MaxRows)
            throw new InvalidOperationException($"An Excel sheet holds at most {MaxRows:N0} rows (the header included); narrow the export or use CSV.");
        _rows++;
        await sheet.WriteStartElementAsync(null, "row", null);
        await sheet.WriteAttributeStringAsync(null, "r", null, _rows.ToString(CultureInfo.InvariantCulture));
        foreach (var text in texts)
        {
            await sheet.WriteStartElementAsync(null, "c", null);
            if (style is not null)
                await sheet.WriteAttributeStringAsync(null, "s", null, style);
            await sheet.WriteAttributeStringAsync(null, "t", null, "inlineStr");
            await sheet.WriteStartElementAsync(null, "is", null);
            await sheet.WriteStartElementAsync(null, "t", null);
            if (text.Length > 0 && (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])))
                await sheet.WriteAttributeStringAsync("xml", "space", null, "preserve");
            await sheet.WriteStringAsync(text);
            await sheet.WriteEndElementAsync();
            await sheet.WriteEndElementAsync();
            await sheet.WriteEndElementAsync();
        }
        await sheet.WriteEndElementAsync();
    }

    /// <summary>Writes the fixed parts and opens the sheet: with a header, columns get widths from it and the first row is frozen.</summary>
    private async Task<XmlWriter> StartAsync(IReadOnlyList<string>? headers, CancellationToken cancellationToken)
    {
        if (_completed)
            throw new InvalidOperationException("The workbook is complete; no more rows can be written.");
        _zip = await ZipArchive.CreateAsync(_output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        await PartAsync("[Content_Types].xml", XlsxParts.ContentTypes, cancellationToken);
        await PartAsync("_rels/.rels", XlsxParts.PackageRelationships, cancellationToken);
        await PartAsync("xl/workbook.xml", XlsxParts.Workbook(SheetName), cancellationToken);
        await PartAsync("xl/_rels/workbook.xml.rels", XlsxParts.WorkbookRelationships, cancellationToken);
        await PartAsync("xl/styles.xml", XlsxParts.Styles, cancellationToken);
        _sheetStream = await _zip.CreateEntry(XlsxParts.SheetPath, CompressionLevel.Fastest).OpenAsync(cancellationToken);
        var sheet = _sheet = XmlWriter.Create(_sheetStream, Settings);
        await sheet.WriteStartDocumentAsync(standalone: true);
        await sheet.WriteStartElementAsync(null, "worksheet", XlsxParts.Main);
        if (headers is { Count: > 0 })
        {
            await sheet.WriteRawAsync("""<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>""");
            await sheet.WriteStartElementAsync(null, "cols", null);
            for (var i = 0; i < headers.Count; i++)
            {
                var column = (i + 1).ToString(CultureInfo.InvariantCulture);
                await sheet.WriteRawAsync($"""<col min="{column}" max="{column}" width="{ColumnWidth(headers[i])}" customWidth="1"/>""");
            }
            await sheet.WriteEndElementAsync();
        }
        await sheet.WriteStartElementAsync(null, "sheetData", null);
        return sheet;
    }

    /// <summary>Wide enough for the header (a CJK character takes two widths), between 10 and 50.</summary>
    private static int ColumnWidth(string header) =>
        Math.Clamp(header.Sum(c => c > 0x2E80 ? 2 : 1) + 4, 10, 50);

    private async Task PartAsync(string name, string xml, CancellationToken cancellationToken)
    {
        await using var stream = await _zip!.CreateEntry(name, CompressionLevel.Fastest).OpenAsync(cancellationToken);
        await stream.WriteAsync(Encoding.UTF8.GetBytes(xml), cancellationToken);
    }

    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        var sheet = _sheet ?? await StartAsync(null, cancellationToken);
        await sheet.WriteEndElementAsync(); // sheetData
        await sheet.WriteEndElementAsync(); // worksheet
        await sheet.WriteEndDocumentAsync();
        await sheet.FlushAsync();
        await CloseAsync();
        await _output.FlushAsync(cancellationToken);
        _completed = true;
    }

    private async Task CloseAsync()
    {
        if (_sheet is not null)
            await _sheet.DisposeAsync();
        if (_sheetStream is not null)
            await _sheetStream.DisposeAsync();
        if (_zip is not null)
            await _zip.DisposeAsync();
        _sheet = null;
        _sheetStream = null;
        _zip = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_completed)
            return;
        // Abandoned (an error or a cancellation on the way): release the buffers, write nothing
        // more, and let the first error be the one that is reported.
        _output.Abandon();
        try
        {
            await CloseAsync();
        }
        catch (Exception)
        {
        }
    }
}
