using Cmdb.TestSupport;

namespace Cmdb.Workflows.Tests.Persistence;

public sealed class MariaDbPersistenceTests : PersistenceContract
{
    private TestDatabase? _database;

    protected override async Task<IDictionary<string, string?>> CreateDatabaseAsync()
    {
        _database = await TestMariaDb.CreateDatabaseAsync("store");
        return _database.Configuration();
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
