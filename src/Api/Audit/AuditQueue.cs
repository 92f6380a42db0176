using System.Threading.Channels;
using Cmdb.Domain.Audit;

namespace Cmdb.Api.Audit;

/// <summary>
/// Records on their way to the database. A request only ever tries to add (never waits); when
/// the queue is full the record is counted as dropped and a warning logged at most every 10 s.
/// </summary>
public sealed class AuditQueue(AuditOptions options, ILogger<AuditQueue> logger)
{
    private static readonly TimeSpan WarningInterval = TimeSpan.FromSeconds(10);
    private readonly Channel<AuditRecord> _channel = Channel.CreateBounded<AuditRecord>(new BoundedChannelOptions(options.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });
    private long _dropped;
    private long _lastWarningTicks;

    public long Dropped => Interlocked.Read(ref _dropped);

    public int Pending => _channel.Reader.Count;

    public ChannelReader<AuditRecord> Reader => _channel.Reader;

    public void Enqueue(AuditRecord record)
    {
        if (_channel.Writer.TryWrite(record))
            return;
        var dropped = Interlocked.Increment(ref _dropped);
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarningTicks);
        if (now - last >= WarningInterval.TotalMilliseconds && Interlocked.CompareExchange(ref _lastWarningTicks, now, last) == last)
            logger.LogWarning("Audit queue full ({Capacity}): {Dropped} records dropped so far", options.QueueCapacity, dropped);
    }

    /// <summary>No more records are accepted; the writer drains what is queued.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
