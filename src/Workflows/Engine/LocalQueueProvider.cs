using System.Collections.Concurrent;
using WorkflowCore.Interface;

namespace Cmdb.Workflows.Engine;

/// <summary>
/// The in-process work queue. Every node has its own; work reaches other nodes through the
/// database (the poller and scheduled commands). Index work is dropped: Cmdb keeps no separate
/// search index, and WorkflowCore would otherwise queue an item per step that nobody takes.
/// </summary>
internal sealed class LocalQueueProvider : IQueueProvider
{
    private static readonly TimeSpan DequeueWait = TimeSpan.FromMilliseconds(100);

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
            return Task.FromResult(id);
        return Task.FromResult<string>(null!);
    }

    public Task Start() => Task.CompletedTask;

    public Task Stop() => Task.CompletedTask;

    public void Dispose()
    {
        _workflows.Dispose();
        _events.Dispose();
    }
}
