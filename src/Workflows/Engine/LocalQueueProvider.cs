using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;

namespace Cmdb.Workflows.Engine;

/// <summary>
/// The in-process work queue. Every node has its own; work reaches other nodes through the
/// database (the poller and scheduled commands). Index work is dropped: Cmdb keeps no separate
/// search index, and WorkflowCore would otherwise queue an item per step that nobody takes.
/// </summary>
/// <remarks>
/// WorkflowCore leaves an event unprocessed when the workflow it resumes is locked at that moment
/// (its own step is still being saved, or a poll took it) and counts on the poll to offer it again.
/// So that an event never waits a whole poll interval for that, a taken event is looked at again
/// shortly after and queued once more while it is still unprocessed (a few times, backing off).
/// </remarks>
internal sealed class LocalQueueProvider(IServiceProvider services) : IQueueProvider
{
    private static readonly TimeSpan DequeueWait = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan[] EventRechecks = [TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)];

    private readonly ConcurrentDictionary<string, int> _rechecks = new();
    private CancellationTokenSource _stopping = new();

    private readonly BlockingCollection<string> _workflows = [];
    private readonly BlockingCollection<string> _events = [];

    public bool IsDequeueBlocking => true;

    public Task QueueWork(string id, QueueType queue)
    {
        switch (queue)
        {
            case QueueType.Workflow:
                _workflows.Add(id);
                break;
            case QueueType.Event:
                _events.Add(id);
                break;
        }
        return Task.CompletedTask;
    }

    public Task<string> DequeueWork(QueueType queue, CancellationToken cancellationToken)
    {
        var source = queue switch
        {
            QueueType.Workflow => _workflows,
            QueueType.Event => _events,
            _ => null,
        };
        if (source is not null && source.TryTake(out var id, (int)DequeueWait.TotalMilliseconds, cancellationToken))
        {
            if (queue == QueueType.Event)
                RecheckLater(id);
            return Task.FromResult(id);
        }
        return Task.FromResult<string>(null!);
    }

    private void RecheckLater(string eventId)
    {
        var attempt = _rechecks.AddOrUpdate(eventId, 0, (_, seen) => seen + 1);
        if (attempt >= EventRechecks.Length)
        {
            _rechecks.TryRemove(eventId, out _);
            return;
        }
        _ = RecheckAsync(eventId, EventRechecks[attempt]);
    }

    private async Task RecheckAsync(string eventId, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _stopping.Token);
            var evt = await services.GetRequiredService<IPersistenceProvider>().GetEvent(eventId, _stopping.Token);
            if (evt is null || evt.IsProcessed)
                _rechecks.TryRemove(eventId, out _);
            else if (!_stopping.IsCancellationRequested)
                _events.Add(eventId);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // Stopping, or the queue is gone: the poll offers the event again after a restart.
        }
        catch (Exception)
        {
            // The database did not answer: the poll offers the event again.
            _rechecks.TryRemove(eventId, out _);
        }
    }

    public Task Start()
    {
        // The engine can be stopped and started again in one process (an admin pause).
        if (_stopping.IsCancellationRequested)
            _stopping = new CancellationTokenSource();
        return Task.CompletedTask;
    }

    public Task Stop()
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        _workflows.Dispose();
        _events.Dispose();
    }
}
