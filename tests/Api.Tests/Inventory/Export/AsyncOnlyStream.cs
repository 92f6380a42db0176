namespace Cmdb.Api.Tests.Inventory.Export;

/// <summary>
/// Like Kestrel's response body: forward-only, and synchronous writes or flushes throw. Keeps
/// what was written, counts asynchronous flushes.
/// </summary>
internal sealed class AsyncOnlyStream : Stream
{
    private readonly MemoryStream _written = new();

    public int Flushes { get; private set; }
    public long Written => _written.Length;
    public byte[] ToArray() => _written.ToArray();
    public MemoryStream Reopen() => new(_written.ToArray(), writable: false);

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");
    public override void Write(ReadOnlySpan<byte> buffer) => throw new InvalidOperationException("Synchronous operations are disallowed.");
    public override void WriteByte(byte value) => throw new InvalidOperationException("Synchronous operations are disallowed.");
    public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");

    public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        await Task.Yield();
        _written.Write(buffer, offset, count);
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        _written.Write(buffer.Span);
    }

    public override Task FlushAsync(CancellationToken cancellationToken)
    {
        Flushes++;
        return Task.CompletedTask;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
