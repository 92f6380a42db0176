using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using MySqlConnector;
using WorkflowCore.Interface;

namespace Cmdb.Workflows.Locking;

/// <summary>
/// Engine locks as MySQL named locks. Each held lock keeps its own connection open: the server
/// frees the lock when that connection ends, so a node that dies (even by SIGKILL) never leaves a
/// workflow locked. A lock that cannot be taken at once is reported as not acquired, as the
/// engine expects; so is a database that cannot be reached.
/// </summary>
internal sealed class MySqlDistributedLockProvider(string connectionString, ILogger<MySqlDistributedLockProvider> logger)
    : IDistributedLockProvider, IAsyncDisposable
{
    private const int MaxLockNameLength = 64;
    private readonly ConcurrentDictionary<string, MySqlConnection> _held = new();
    private readonly string _connectionString = new MySqlConnectionStringBuilder(connectionString)
    {
        // Lock connections get a pool of their own. Every lock is released explicitly (or its
        // connection discarded), so the session needs no reset round trip when reused.
        ApplicationName = "cmdb-engine-locks",
        ConnectionReset = false,
    }.ConnectionString;

    public async Task<bool> AcquireLock(string Id, CancellationToken cancellationToken)
    {
        var connection = new MySqlConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new MySqlCommand("SELECT GET_LOCK(@name, 0)", connection);
            command.Parameters.AddWithValue("@name", LockName(Id));
            var acquired = await command.ExecuteScalarAsync(cancellationToken) is (long)1 or (int)1;
            if (acquired && _held.TryAdd(Id, connection))
                return true;

            if (acquired)
                await ReleaseOn(connection, Id);
            await connection.DisposeAsync();
            return false;
        }
        catch (Exception ex) when (ex is MySqlException or InvalidOperationException or TimeoutException)
        {
            logger.LogWarning("Could not take engine lock {Lock}: {Reason}", Id, ex.Message);
            await connection.DisposeAsync();
            return false;
        }
    }

    public async Task ReleaseLock(string Id)
    {
        if (!_held.TryRemove(Id, out var connection))
            return;
        try
        {
            await ReleaseOn(connection, Id);
        }
        catch (Exception ex) when (ex is MySqlException or InvalidOperationException)
        {
            // The connection is gone, and with it the lock.
            logger.LogWarning("Releasing engine lock {Lock} failed: {Reason}", Id, ex.Message);
            MySqlConnection.ClearPool(connection);
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    public Task Start() => Task.CompletedTask;

    public async Task Stop()
    {
        foreach (var id in _held.Keys.ToList())
            await ReleaseLock(id);
    }

    public async ValueTask DisposeAsync() => await Stop();

    private static async Task ReleaseOn(MySqlConnection connection, string id)
    {
        await using var command = new MySqlCommand("SELECT RELEASE_LOCK(@name)", connection);
        command.Parameters.AddWithValue("@name", LockName(id));
        await command.ExecuteScalarAsync();
    }

    /// <summary>MySQL lock names are at most 64 characters; longer ids are hashed.</summary>
    internal static string LockName(string id)
    {
        var name = "cmdb:" + id;
        if (name.Length <= MaxLockNameLength)
            return name;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id)));
        return "cmdb#" + hash[..(MaxLockNameLength - 5)];
    }
}
