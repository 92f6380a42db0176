using Cmdb.TestSupport;
using Cmdb.Workflows.Locking;
using Microsoft.Extensions.Logging.Abstractions;
using MySqlConnector;

namespace Cmdb.Workflows.Tests.Locking;

public sealed class MySqlDistributedLockProviderTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private MySqlDistributedLockProvider _nodeA = null!;
    private MySqlDistributedLockProvider _nodeB = null!;

    public async Task InitializeAsync()
    {
        _database = await TestMariaDb.CreateDatabaseAsync("locks");
        _nodeA = new MySqlDistributedLockProvider(_database.ConnectionString, NullLogger<MySqlDistributedLockProvider>.Instance);
        _nodeB = new MySqlDistributedLockProvider(_database.ConnectionString, NullLogger<MySqlDistributedLockProvider>.Instance);
    }

    public async Task DisposeAsync()
    {
        await _nodeA.DisposeAsync();
        await _nodeB.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static string NewId() => Guid.NewGuid().ToString();

    [Fact]
    public async Task A_held_lock_is_refused_to_another_node_until_released()
    {
        var id = NewId();
        Assert.True(await _nodeA.AcquireLock(id, default));
        Assert.False(await _nodeB.AcquireLock(id, default));

        await _nodeA.ReleaseLock(id);

        Assert.True(await _nodeB.AcquireLock(id, default));
    }

    [Fact]
    public async Task A_lock_is_not_taken_twice_within_one_node()
    {
        var id = NewId();
        Assert.True(await _nodeA.AcquireLock(id, default));
        Assert.False(await _nodeA.AcquireLock(id, default));
    }

    [Fact]
    public async Task Different_ids_do_not_block_each_other()
    {
        Assert.True(await _nodeA.AcquireLock(NewId(), default));
        Assert.True(await _nodeB.AcquireLock(NewId(), default));
    }

    [Fact]
    public async Task A_lock_dies_with_its_connection()
    {
        var id = NewId();
        Assert.True(await _nodeA.AcquireLock(id, default));
        var holder = await _database.ScalarAsync($"SELECT IS_USED_LOCK('{MySqlDistributedLockProvider.LockName(id)}')");
        Assert.True(holder > 0);

        // As when the node holding it is killed: the server ends the session.
        await _database.ExecuteAsync($"KILL CONNECTION {holder}");

        await Eventually.Until(() => _nodeB.AcquireLock(id, default), TimeSpan.FromSeconds(10), "the lock is free after its connection ended");
    }

    [Fact]
    public async Task Releasing_a_lock_whose_connection_died_does_not_throw()
    {
        var id = NewId();
        Assert.True(await _nodeA.AcquireLock(id, default));
        var holder = await _database.ScalarAsync($"SELECT IS_USED_LOCK('{MySqlDistributedLockProvider.LockName(id)}')");
        await _database.ExecuteAsync($"KILL CONNECTION {holder}");

        await _nodeA.ReleaseLock(id);

        Assert.True(await _nodeA.AcquireLock(id, default));
    }

    [Fact]
    public async Task An_unreachable_database_means_not_acquired_rather_than_an_error()
    {
        var unreachable = new MySqlConnectionStringBuilder(_database.ConnectionString) { Port = (uint)FreePort.Next(), ConnectionTimeout = 2 };
        await using var provider = new MySqlDistributedLockProvider(unreachable.ConnectionString, NullLogger<MySqlDistributedLockProvider>.Instance);

        Assert.False(await provider.AcquireLock(NewId(), default));
    }

    [Fact]
    public void Long_ids_are_hashed_to_a_valid_lock_name()
    {
        var name = MySqlDistributedLockProvider.LockName(new string('x', 200));
        Assert.True(name.Length <= 64);
        Assert.NotEqual(name, MySqlDistributedLockProvider.LockName(new string('x', 199)));
        Assert.Equal("cmdb:evt:abc", MySqlDistributedLockProvider.LockName("evt:abc"));
    }
}
