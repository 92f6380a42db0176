namespace Cmdb.Api.Audit;

/// <summary>
/// Passes the response through untouched and keeps a copy of its first bytes (up to a limit),
/// counting the rest, so the audit log sees the body without holding a large one in memory.
/// </summary>
internal sealed class ResponseCapture(Stream inner, int limit) : Stream
{
    private readonly MemoryStream _copy = new();

    public Stream Inner { get; } = inner;

    public long TotalBytes { get; private set; }

    public bool Overflowed => TotalBytes > limit;

    public ReadOnlySpan<byte> Captured => _copy.GetBuffer().AsSpan(0, (int)_copy.Length);

    public override void Write(byte[] buffer, int offset, int count)
    {
        Keep(buffer.AsSpan(offset, count));
        Inner.Write(buffer, offset, count);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Keep(buffer);
        Inner.Write(buffer);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Keep(buffer.AsSpan(offset, count));
        return Inner.WriteAsync(buffer, offset, count, cancellationToken);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Keep(buffer.Span);
        return Inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => Inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => Inner.FlushAsync(cancellationToken);

    private void Keep(ReadOnlySpan<byte> bytes)
    {
        var room = limit - (int)_copy.Length;
        if (room > 0)
            _copy.Write(bytes[..Math.Min(room, bytes.Length)]);
        TotalBytes += bytes.Length;
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _copy.Dispose();
        base.Dispose(disposing);
    }
}
