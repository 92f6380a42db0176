using Cmdb.Api.Inventory.Export;

namespace Cmdb.Api.Tests.Inventory.Export;

public sealed class TableWritersTests
{
    [Theory]
    [InlineData("csv", typeof(CsvTableWriter), "text/csv; charset=utf-8", "csv")]
    [InlineData("XLSX", typeof(XlsxTableWriter), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")]
    public async Task The_factory_makes_a_writer_for_each_format(string format, Type type, string contentType, string extension)
    {
        await using var writer = TableWriters.Create(format, new AsyncOnlyStream());

        Assert.IsType(type, writer);
        Assert.Equal(contentType, writer.ContentType);
        Assert.Equal(extension, writer.FileExtension);
    }

    [Fact]
    public void An_unknown_format_is_refused_naming_the_allowed_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => TableWriters.Create("pdf", Stream.Null));

        Assert.Equal("format", error.ParamName);
        Assert.Contains("'pdf'", error.Message);
        Assert.Contains("csv, xlsx", error.Message);
    }

    [Fact]
    public async Task The_factory_passes_the_placeholder_and_the_sheet_name_on()
    {
        var output = new AsyncOnlyStream();
        await using (var writer = TableWriters.Create("xlsx", output, placeholder: "无", sheetName: "主机"))
        {
            await writer.WriteRowAsync([null], default);
            await writer.CompleteAsync(default);
        }

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(output.Reopen(), false);
        Assert.Equal("主机", document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single().Name!.Value);
        Assert.Equal("无", document.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Single().InnerText);
    }

    [Theory]
    [InlineData(null, "Sheet1")]
    [InlineData("", "Sheet1")]
    [InlineData("vm/host: [a]*?\\", "vmhost a")]
    [InlineData("'quoted'", "quoted")]
    [InlineData("history", "history_")]
    [InlineData("一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一")]
    public void Sheet_names_are_made_to_fit_Excels_rules(string? name, string expected)
    {
        Assert.Equal(expected, new XlsxTableWriter(Stream.Null, sheetName: name).SheetName);
    }
}
