namespace Cmdb.Workflows.Engine;

/// <summary>Whether this node's engine is taking work; read by the readiness check.</summary>
public sealed class EngineState
{
    private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _stopped;

    public bool IsRunning => _running.Task.IsCompleted && !_stopped;

    public Task WaitUntilRunningAsync(CancellationToken cancellationToken) => _running.Task.WaitAsync(cancellationToken);

    internal void MarkRunning() => _running.TrySetResult();

    internal void MarkStopped() => _stopped = true;
}
