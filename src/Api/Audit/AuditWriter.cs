using Cmdb.Domain.Audit;

namespace Cmdb.Api.Audit;

/// <summary>
/// Drains the audit queue in batches into the store. It lingers briefly so one insert carries
/// many records; a failed write is retried (the batch is kept) with back-off; on shutdown the
/// queue is closed and drained for up to 10 s.
/// </summary>
internal sealed class AuditWriter(AuditQueue queue, IAuditStore store, AuditOptions options, ILogger<AuditWriter> logger) : BackgroundService
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];
    private readonly TaskCompletionSource _closing = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditRecord>(options.WriteBatchSize);
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            // One insert per request would cost the requests themselves CPU on a small machine
            // (docs/performance.md); at shutdown there is no waiting.
            if (queue.Pending < options.WriteBatchSize && !_closing.Task.IsCompleted)
                await Task.WhenAny(Task.Delay(options.FlushInterval, stoppingToken), _closing.Task);
            while (batch.Count < options.WriteBatchSize && queue.Reader.TryRead(out var record))
                batch.Add(record);
            await WriteWithRetryAsync(batch, stoppingToken);
            batch.Clear();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        _closing.TrySetResult();
        if (ExecuteTask is { } running)
            await Task.WhenAny(running, Task.Delay(DrainTimeout, cancellationToken));
        if (queue.Pending > 0)
            logger.LogWarning("{Count} audit records were not written before shutdown", queue.Pending);
        await base.StopAsync(cancellationToken);
    }

    private async Task WriteWithRetryAsync(List<AuditRecord> batch, CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await store.WriteAsync(batch, stoppingToken);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Writing {Count} audit records failed (attempt {Attempt}): {Reason}", batch.Count, attempt + 1, ex.GetBaseException().Message);
                await Task.Delay(Backoff[Math.Min(attempt, Backoff.Length - 1)], stoppingToken);
            }
        }
    }
}
