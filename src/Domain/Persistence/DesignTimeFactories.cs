using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Cmdb.Domain.Persistence;

/// <summary>Used by <c>dotnet ef migrations add</c> only; no database is contacted.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteCmdbDbContext>
{
    public SqliteCmdbDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteCmdbDbContext>();
        ProviderConfiguration.UseSqlite(builder, new DatabaseOptions());
        return new SqliteCmdbDbContext(builder.Options);
    }
}

internal sealed class MySqlDesignTimeFactory : IDesignTimeDbContextFactory<MySqlCmdbDbContext>
{
    public MySqlCmdbDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<MySqlCmdbDbContext>();
        ProviderConfiguration.UseMySql(builder, new DatabaseOptions
        {
            Provider = DatabaseProvider.MySql,
            ConnectionString = "Server=localhost;Database=cmdb",
        });
        return new MySqlCmdbDbContext(builder.Options);
    }
}
