using System.Text;
using Cmdb.Api.Inventory.Export;

namespace Cmdb.Api.Tests.Inventory.Export;

public sealed class CsvTableWriterTests
{
    private static readonly string[] Headers = ["名称", "私网IP", "状态"];

    private static async Task<AsyncOnlyStream> WriteAsync(IEnumerable<string?[]> rows, string placeholder = TableCells.Placeholder)
    {
        var output = new AsyncOnlyStream();
        await using var writer = new CsvTableWriter(output, placeholder);
        await writer.WriteHeaderAsync(Headers, default);
        foreach (var row in rows)
            await writer.WriteRowAsync(row, default);
        await writer.CompleteAsync(default);
        return output;
    }

    private static string Text(AsyncOnlyStream output)
    {
        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return new UTF8Encoding(false).GetString(bytes[3..]);
    }

    [Fact]
    public async Task Starts_with_a_UTF8_BOM_writes_Chinese_headers_and_ends_every_line_with_CRLF()
    {
        var output = await WriteAsync([["vm-01", "10.0.0.1", "运行中"]]);

        Assert.Equal("名称,私网IP,状态\r\nvm-01,10.0.0.1,运行中\r\n", Text(output));
    }

    [Fact]
    public async Task Quotes_cells_with_commas_quotes_and_line_breaks_as_RFC_4180_says()
    {
        var output = await WriteAsync([["a,b", "say \"hi\"", "two\r\nlines"], ["lf\nonly", "cr\ronly", "plain"]]);

        Assert.Equal("名称,私网IP,状态\r\n\"a,b\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n\"lf\nonly\",\"cr\ronly\",plain\r\n", Text(output));
    }

    [Fact]
    public async Task Round_trip_returns_every_cell_as_written()
    {
        string?[][] rows =
        [
            ["web,db", "10.0.0.1, 10.0.0.2", "已关机"],
            ["\"quoted\"", "x\"y", "多行\r\n文本\n"],
            [" leading and trailing ", "tab\tinside", "末尾,"],
        ];

        var records = CsvText.Parse(Text(await WriteAsync(rows)));

        Assert.Equal([Headers, .. rows], records.Select(r => (string?[])[.. r]).ToArray());
    }

    [Fact]
    public async Task Null_empty_and_blank_cells_show_the_placeholder()
    {
        var records = CsvText.Parse(Text(await WriteAsync([[null, "", "  "]])));

        Assert.Equal(["/", "/", "/"], records[1]);
    }

    [Fact]
    public async Task The_placeholder_is_a_constructor_option()
    {
        var records = CsvText.Parse(Text(await WriteAsync([[null, "", "ok"]], placeholder: "-")));

        Assert.Equal(["-", "-", "ok"], records[1]);
    }

    [Theory]
    [InlineData("=SUM(A1:A9)")]
    [InlineData("+cmd|' /C calc'!A0")]
    [InlineData("-2+3+cmd|' /C calc'!A0")]
    [InlineData("@SUM(1,2)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public async Task Cells_a_spreadsheet_would_run_as_a_formula_are_prefixed_with_an_apostrophe(string value)
    {
        var records = CsvText.Parse(Text(await WriteAsync([[value, "ok", "ok"]])));

        Assert.Equal("'" + value, records[1][0]);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("+86")]
    [InlineData("-0.5")]
    public async Task Plain_signed_numbers_cannot_hold_a_formula_and_stay_as_they_are(string value)
    {
        var records = CsvText.Parse(Text(await WriteAsync([[value, "ok", "ok"]])));

        Assert.Equal(value, records[1][0]);
    }

    [Fact]
    public async Task Writes_only_asynchronously_to_a_forward_only_stream_and_sends_rows_before_the_end()
    {
        var output = new AsyncOnlyStream();
        await using var writer = new CsvTableWriter(output);
        await writer.WriteHeaderAsync(Headers, default);
        for (var i = 0; i < 20_000; i++)
            await writer.WriteRowAsync([$"vm-{i:D5}", $"10.1.{i / 256 % 256}.{i % 256}", i % 2 == 0 ? "运行中" : null], default);

        Assert.True(output.Written > 500_000, $"only {output.Written} bytes reached the output before the end");
        Assert.True(output.Flushes >= 19, $"flushed {output.Flushes} times");

        await writer.CompleteAsync(default);
        var records = CsvText.Parse(Text(output));
        Assert.Equal(20_001, records.Count);
        Assert.Equal(["vm-19999", "10.1.78.31", "/"], records[^1]);
    }

    [Fact]
    public async Task An_export_without_rows_is_the_BOM_and_the_header()
    {
        var output = await WriteAsync([]);

        Assert.Equal("名称,私网IP,状态\r\n", Text(output));
    }

    [Fact]
    public async Task A_writer_disposed_without_completing_writes_nothing_more()
    {
        var output = new AsyncOnlyStream();
        await using (var writer = new CsvTableWriter(output))
        {
            await writer.WriteHeaderAsync(Headers, default);
            await writer.WriteRowAsync(["vm-01", null, null], default);
        }

        Assert.Equal(0, output.Written);
    }

    [Fact]
    public async Task A_cancelled_export_stops()
    {
        var output = new AsyncOnlyStream();
        await using var writer = new CsvTableWriter(output);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => writer.WriteRowAsync(["x"], new CancellationToken(canceled: true)));
    }
}
