using System.Text;
using Cmdb.Api.Inventory.Export;

namespace Cmdb.Api.Tests.Inventory.Export;

/// <summary>The writers alone: quoting, the formula guard, XML-unsafe characters, and a response stream that refuses synchronous writes.</summary>
public sealed class TableWriterTests
{
    /// <summary>Like Kestrel's response body: synchronous writes throw.</summary>
    private sealed class AsyncOnlyStream : Stream
    {
        private readonly MemoryStream _written = new();

        public byte[] ToArray() => _written.ToArray();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");
        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _written.WriteAsync(buffer, offset, count, cancellationToken);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _written.WriteAsync(buffer, cancellationToken);
        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static async Task<AsyncOnlyStream> WriteAsync(string format, params string?[][] rows)
    {
        var output = new AsyncOnlyStream();
        await using (var writer = TableWriters.Create(format, output))
        {
            await writer.WriteHeaderAsync(["名称", "说明"], default);
            foreach (var row in rows)
                await writer.WriteRowAsync(row, default);
            await writer.CompleteAsync(default);
        }
        return output;
    }

    [Fact]
    public async Task CSV_quotes_commas_quotes_and_line_breaks_and_guards_formulas()
    {
        var output = await WriteAsync("csv", ["a,b", "say \"hi\""], ["two\nlines", "=SUM(A1)"], [null, "-1"]);

        var text = Encoding.UTF8.GetString(output.ToArray()[3..]);
        Assert.Equal("名称,说明\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",'=SUM(A1)\r\n/,'-1\r\n", text);
    }

    [Fact]
    public async Task XLSX_is_written_without_synchronous_writes_to_the_response_and_drops_control_characters()
    {
        var output = await WriteAsync("xlsx", ["bell\u0007", "@cmd"]);

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(output.ToArray()), false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Select(c => c.InnerText).ToList();
        Assert.Equal(["名称", "说明", "bell", "'@cmd"], cells);
    }

    [Fact]
    public void An_unknown_format_is_refused()
    {
        Assert.Throws<ArgumentException>(() => TableWriters.Create("pdf", Stream.Null));
    }
}
