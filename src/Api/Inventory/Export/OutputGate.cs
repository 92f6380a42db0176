namespace Cmdb.Api.Inventory.Export;

/// <summary>
/// The writers' view of the output (an ASP.NET response refuses synchronous writes):
/// <list type="bullet">
/// <item>forward-only, so ZIP entries are streamed with data descriptors instead of seeking back;</item>
/// <item>asynchronous writes go straight through; the few synchronous ones .NET 10.0's ZIP code
/// still makes when it closes an entry (the last deflate block, the data descriptor) are held
/// and sent asynchronously before the next write or flush, bounded by <see cref="MaxHeldBytes"/>;</item>
/// <item>once abandoned it drops whatever is still written, so disposing after a failure neither
/// finishes a half file nor throws from a broken response;</item>
/// <item>it never closes the output.</item>
/// </list>
/// </summary>
internal sealed class OutputGate(Stream output) : Stream
{
    /// <summary>Far above what closing an entry writes; reaching it means bulk data took a synchronous path.</summary>
    public const int MaxHeldBytes = 1 << 20;

    private readonly MemoryStream _held = new();
    private bool _abandoned;

    public void Abandon() => _abandoned = true;

    /// <summary>The most bytes ever held at once (tests check that bulk data never takes the synchronous path).</summary>
    public long MostHeld { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_abandoned)
            return;
        await SendHeldAsync(cancellationToken);
        await output.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_abandoned)
            return;
        await SendHeldAsync(cancellationToken);
        await output.FlushAsync(cancellationToken);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_abandoned)
            return;
        if (_held.Length + buffer.Length > MaxHeldBytes)
            throw new InvalidOperationException($"More than {MaxHeldBytes:N0} bytes were written synchronously; the export writes asynchronously only.");
        _held.Write(buffer);
        MostHeld = Math.Max(MostHeld, _held.Length);
    }

    /// <summary>Held bytes go out with the next asynchronous write or flush.</summary>
    public override void Flush()
    {
    }

    private async ValueTask SendHeldAsync(CancellationToken cancellationToken)
    {
        if (_held.Length == 0)
            return;
        await output.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), cancellationToken);
        _held.SetLength(0);
    }

    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
