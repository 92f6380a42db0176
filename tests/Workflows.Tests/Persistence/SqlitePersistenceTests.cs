using Microsoft.Data.Sqlite;

namespace Cmdb.Workflows.Tests.Persistence;

public sealed class SqlitePersistenceTests : PersistenceContract
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"cmdb-store-{Guid.NewGuid():N}.db");

    protected override Task<IDictionary<string, string?>> CreateDatabaseAsync() =>
        Task.FromResult<IDictionary<string, string?>>(EngineServices.SqliteFile(_file));

    protected override Task DropDatabaseAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
            File.Delete(file);
        return Task.CompletedTask;
    }
}
