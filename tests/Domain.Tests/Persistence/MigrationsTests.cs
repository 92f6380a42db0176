using Cmdb.Domain.Persistence;
using Cmdb.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Domain.Tests.Persistence;

public sealed class MigrationsTests
{
    [Fact]
    public void Sqlite_model_has_no_changes_without_a_migration()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public void MySql_model_has_no_changes_without_a_migration()
    {
        using var db = new MySqlDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed: run scripts/add-migration.sh <Name>.");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var mysql = new MySqlDesignTimeFactory().CreateDbContext([]);
        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(id => id[15..]);
        Assert.Equal(Names(sqlite), Names(mysql));
        Assert.NotEmpty(Names(sqlite));
    }

    [Fact]
    public async Task Sqlite_migrations_apply_to_an_empty_file()
    {
        var file = Path.Combine(Path.GetTempPath(), $"cmdb-migrate-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SqliteCmdbDbContext>().UseSqlite($"Data Source={file}").Options;
            await using var db = new SqliteCmdbDbContext(options);
            await db.Database.MigrateAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(0, await db.Workflows.CountAsync());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    [Fact]
    public async Task MySql_migrations_apply_to_an_empty_MariaDB_database()
    {
        await using var database = await TestMariaDb.CreateDatabaseAsync("migrate");
        var options = new DbContextOptionsBuilder<MySqlCmdbDbContext>()
            .UseMySql(database.ConnectionString, ServerVersion.Parse(TestMariaDb.ServerVersion)).Options;
        await using var db = new MySqlCmdbDbContext(options);
        await db.Database.MigrateAsync();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.Workflows.CountAsync());
        Assert.Equal(1, await database.ScalarAsync(
            $"SELECT COUNT(*) FROM information_schema.statistics WHERE table_schema = '{database.Name}' AND table_name = 'wf_workflows' AND index_name = 'ix_wf_workflows_status_next_execution' AND seq_in_index = 1"));
    }
}
