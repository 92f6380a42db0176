namespace Cmdb.Api.Inventory.Export;

/// <summary>
/// The writers' view of the output: forward-only (so ZIP entries are streamed with data
/// descriptors instead of seeking back), never closes the output, and once abandoned drops
/// whatever is still written, so disposing after a failure neither finishes a half file nor
/// throws from a broken response.
/// </summary>
internal sealed class OutputGate(Stream output) : Stream
{
    private bool _abandoned;

    public long BytesWritten { get; private set; }

    public void Abandon() => _abandoned = true;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_abandoned)
            return;
        await output.WriteAsync(buffer, cancellationToken);
        BytesWritten += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => _abandoned ? Task.CompletedTask : output.FlushAsync(cancellationToken);

    // Synchronous calls are passed on as they are: an ASP.NET response refuses them, which the tests use to prove there are none.
    public override void Write(byte[] buffer, int offset, int count)
    {
        if (_abandoned)
            return;
        output.Write(buffer, offset, count);
        BytesWritten += count;
    }

    public override void Flush()
    {
        if (!_abandoned)
            output.Flush();
    }

    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
