namespace Cmdb.Domain.Persistence;

/// <summary>
/// Whether the schema has been brought up to date since start. The service starts without a
/// database; API calls and the engine wait for this instead of failing start-up.
/// </summary>
public sealed class DatabaseReadiness
{
    private readonly TaskCompletionSource _migrated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsMigrated => _migrated.Task.IsCompleted;

    /// <summary>Why the last migration attempt failed, for the readiness check; null once migrated.</summary>
    public string? LastError { get; private set; } = "database migration has not run yet";

    public Task WaitUntilMigratedAsync(CancellationToken cancellationToken) => _migrated.Task.WaitAsync(cancellationToken);

    internal void MarkMigrated()
    {
        LastError = null;
        _migrated.TrySetResult();
    }

    internal void MarkFailed(string reason) => LastError = reason;
}
