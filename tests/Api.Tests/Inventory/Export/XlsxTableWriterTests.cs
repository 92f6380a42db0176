using System.IO.Compression;
using Cmdb.Api.Inventory.Export;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace Cmdb.Api.Tests.Inventory.Export;

public sealed class XlsxTableWriterTests
{
    private static readonly string[] Headers = ["名称", "私网IP", "状态"];

    private static async Task<AsyncOnlyStream> WriteAsync(IEnumerable<string?[]> rows, string? sheetName = null, string placeholder = TableCells.Placeholder)
    {
        var output = new AsyncOnlyStream();
        await using var writer = new XlsxTableWriter(output, placeholder, sheetName);
        await writer.WriteHeaderAsync(Headers, default);
        foreach (var row in rows)
            await writer.WriteRowAsync(row, default);
        await writer.CompleteAsync(default);
        return output;
    }

    /// <summary>The sheet's name and its cells' text, row by row, as the Open XML SDK reads them.</summary>
    private static (string Sheet, List<List<string>> Rows, SpreadsheetDocument Document) Read(AsyncOnlyStream output)
    {
        var document = SpreadsheetDocument.Open(output.Reopen(), false);
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single();
        var part = (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!);
        var rows = part.Worksheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c =>
        {
            Assert.Equal(CellValues.InlineString, c.DataType!.Value);
            return c.InlineString!.Text!.Text;
        }).ToList()).ToList();
        return (sheet.Name!, rows, document);
    }

    [Fact]
    public async Task Opens_in_the_Open_XML_SDK_with_the_sheet_name_Chinese_headers_and_values()
    {
        var (sheet, rows, document) = Read(await WriteAsync([["vm-01", "10.0.0.1", "已关机"], ["a,b \"c\"", "2001:db8::1", "运行中"]], sheetName: "虚拟机"));
        using var _ = document;

        Assert.Equal("虚拟机", sheet);
        Assert.Equal([[.. Headers], ["vm-01", "10.0.0.1", "已关机"], ["a,b \"c\"", "2001:db8::1", "运行中"]], rows);
    }

    [Fact]
    public async Task Passes_the_Open_XML_SDK_schema_validation()
    {
        var (_, _, document) = Read(await WriteAsync([["vm-01", null, "=1+1"]], sheetName: "虚拟机"));
        using var _ = document;

        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public async Task Holds_the_six_parts_of_a_workbook_and_writes_cells_as_inline_strings()
    {
        var output = await WriteAsync([["vm-01", "10.0.0.1", "运行中"]]);

        using var zip = new ZipArchive(output.Reopen(), ZipArchiveMode.Read);
        Assert.Equal(["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"],
            zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await sheet.ReadToEndAsync();
        Assert.Contains("t=\"inlineStr\"", xml);
        Assert.DoesNotContain("<f>", xml);
    }

    [Fact]
    public async Task The_header_row_is_bold_and_frozen()
    {
        var (_, _, document) = Read(await WriteAsync([["vm-01", "10.0.0.1", "运行中"]]));
        using var _ = document;
        var worksheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        var fonts = document.WorkbookPart.WorkbookStylesPart!.Stylesheet.Fonts!.Elements<Font>().ToList();
        var formats = document.WorkbookPart.WorkbookStylesPart.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        bool Bold(Cell c) => fonts[(int)formats[(int)(c.StyleIndex?.Value ?? 0)].FontId!.Value].Bold is not null;

        var rows = worksheet.Descendants<Row>().ToList();
        Assert.All(rows[0].Elements<Cell>(), c => Assert.True(Bold(c)));
        Assert.All(rows[1].Elements<Cell>(), c => Assert.False(Bold(c)));
        var pane = worksheet.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);
        Assert.Equal("A2", pane.TopLeftCell!.Value);
    }

    [Fact]
    public async Task Null_empty_and_blank_cells_show_the_placeholder_which_is_a_constructor_option()
    {
        var (_, rows, document) = Read(await WriteAsync([[null, "", " "]]));
        var (_, dashed, other) = Read(await WriteAsync([[null, "", "ok"]], placeholder: "-"));
        document.Dispose();
        other.Dispose();

        Assert.Equal(["/", "/", "/"], rows[1]);
        Assert.Equal(["-", "-", "ok"], dashed[1]);
    }

    [Fact]
    public async Task Formula_like_cells_get_the_same_apostrophe_as_in_CSV_and_plain_numbers_stay()
    {
        var (_, rows, document) = Read(await WriteAsync([["=HYPERLINK(\"http://x\")", "@cmd", "+1+1"], ["-1", "\t=1", "-x"]]));
        using var _ = document;

        Assert.Equal(["'=HYPERLINK(\"http://x\")", "'@cmd", "'+1+1"], rows[1]);
        Assert.Equal(["-1", "'\t=1", "'-x"], rows[2]);
    }

    [Fact]
    public async Task Characters_XML_cannot_carry_are_dropped_and_line_breaks_and_emoji_kept()
    {
        var (_, rows, document) = Read(await WriteAsync([["bell\u0007\u0000end", "\uFFFEx\uD800y", "two\r\nlines 🙂"], ["\u0001=cmd", "\u0002", " padded "]]));
        using var _ = document;

        Assert.Equal(["bellend", "xy", "two\r\nlines 🙂"], rows[1]);
        Assert.Equal(["'=cmd", "/", " padded "], rows[2]);
    }

    [Fact]
    public async Task A_cell_longer_than_Excel_allows_is_cut_at_32767_characters_without_splitting_a_surrogate_pair()
    {
        var plain = new string('x', 40_000);
        var emoji = new string('x', XlsxTableWriter.MaxCellLength - 1) + "🙂🙂";

        var (_, rows, document) = Read(await WriteAsync([[plain, emoji, "ok"]]));
        using var _ = document;

        Assert.Equal(32_767, rows[1][0].Length);
        Assert.Equal(new string('x', XlsxTableWriter.MaxCellLength - 1), rows[1][1]);
    }

    [Fact]
    public async Task Ten_thousand_rows_are_all_there_in_order()
    {
        var source = Enumerable.Range(0, 10_000).Select(i => new[] { $"vm-{i:D5}", $"10.2.{i / 256}.{i % 256}", i % 3 == 0 ? null : "运行中" });

        var (_, rows, document) = Read(await WriteAsync(source));
        using var _ = document;

        Assert.Equal(10_001, rows.Count);
        Assert.Equal(["vm-00000", "10.2.0.0", "/"], rows[1]);
        Assert.Equal(["vm-05000", "10.2.19.136", "运行中"], rows[5_001]);
        Assert.Equal(["vm-09999", "10.2.39.15", "/"], rows[^1]);
    }

    [Fact]
    public async Task Writes_only_asynchronously_to_a_forward_only_stream_and_sends_bytes_before_the_end()
    {
        var output = new AsyncOnlyStream();
        await using var writer = new XlsxTableWriter(output);
        await writer.WriteHeaderAsync(Headers, default);
        for (var i = 0; i < 50_000; i++)
            await writer.WriteRowAsync([$"vm-{i}", Guid.NewGuid().ToString(), "运行中"], default);

        Assert.True(output.Written > 100_000, $"only {output.Written} bytes reached the output before the end");

        await writer.CompleteAsync(default);
        Assert.InRange(writer.MostHeldBytes, 0, 16 * 1024);
        var (_, rows, document) = Read(output);
        using var _ = document;
        Assert.Equal(50_001, rows.Count);
    }

    [Fact]
    public async Task More_rows_than_an_Excel_sheet_holds_are_refused_with_a_clear_message()
    {
        var output = new AsyncOnlyStream();
        await using var writer = new XlsxTableWriter(Stream.Null);
        await writer.WriteHeaderAsync(["名称"], default);
        for (var i = 1; i < XlsxTableWriter.MaxRows; i++)
            await writer.WriteRowAsync([], default);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteRowAsync(["one too many"], default));

        Assert.Equal(1_048_576, XlsxTableWriter.MaxRows);
        Assert.Contains("1,048,576 rows", error.Message);
    }

    [Fact]
    public async Task A_writer_disposed_without_completing_leaves_no_file_that_looks_whole()
    {
        var output = new AsyncOnlyStream();
        await using (var writer = new XlsxTableWriter(output))
        {
            await writer.WriteHeaderAsync(Headers, default);
            await writer.WriteRowAsync(["vm-01", null, null], default);
        }

        var bytes = output.ToArray();
        Assert.Equal(-1, bytes.AsSpan().IndexOf("PK\u0005\u0006"u8)); // no end of central directory
        Assert.ThrowsAny<Exception>(() => SpreadsheetDocument.Open(output.Reopen(), false).Dispose());
    }

    [Fact]
    public async Task The_header_must_come_first()
    {
        await using var writer = new XlsxTableWriter(new AsyncOnlyStream());
        await writer.WriteRowAsync(["vm-01"], default);

        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.WriteHeaderAsync(Headers, default));
    }

    [Fact]
    public async Task A_cancelled_export_stops()
    {
        await using var writer = new XlsxTableWriter(new AsyncOnlyStream());

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.WriteRowAsync(["x"], new CancellationToken(canceled: true)));
    }
}
