using System.DirectoryServices.Protocols;

namespace Cmdb.Integrations.Ldap;

/// <summary>Task-based bind and requests over System.DirectoryServices.Protocols, with deadlines and cancellation.</summary>
internal static class LdapConnectionExtensions
{
    /// <summary>
    /// The library has no asynchronous bind, and on Linux a bind to a server that accepts the
    /// connection but never answers blocks without end (the connection timeout does not apply to
    /// it). So the bind runs on a thread of its own and the caller stops waiting at the deadline or
    /// on cancellation; the stuck thread ends when the server answers or drops the connection.
    /// </summary>
    public static async Task BindAsync(this LdapConnection connection, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var bind = Task.Factory.StartNew(connection.Bind, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await bind.WaitAsync(timeout, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            Observe(bind);
            throw;
        }
    }

    /// <summary>One request through Begin/EndSendRequest, which poll for the answer without holding a thread.</summary>
    public static async Task<TResponse> SendAsync<TResponse>(this LdapConnection connection, DirectoryRequest request, TimeSpan timeout,
        CancellationToken cancellationToken)
        where TResponse : DirectoryResponse
    {
        cancellationToken.ThrowIfCancellationRequested();
        IAsyncResult? pending = null;
        var response = Task.Factory.FromAsync(
            (callback, state) => pending = connection.BeginSendRequest(request, timeout, PartialResultProcessing.NoPartialResultSupport, callback, state),
            connection.EndSendRequest,
            state: null);
        try
        {
            return (TResponse)await response.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Abandon the request on the server too; the connection is thrown away right after.
            if (pending is not null)
            {
                try
                {
                    connection.Abort(pending);
                }
                catch (Exception abortFailure) when (abortFailure is ArgumentException or ObjectDisposedException)
                {
                    // It completed in the meantime: nothing left to abandon.
                }
            }
            Observe(response);
            throw;
        }
    }

    /// <summary>A task nobody awaits any more must not surface later as an unobserved exception.</summary>
    private static void Observe(Task task) =>
        task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
