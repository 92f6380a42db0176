using Microsoft.EntityFrameworkCore;

namespace Cmdb.Domain.Persistence;

internal static class ProviderConfiguration
{
    public static void UseSqlite(DbContextOptionsBuilder builder, DatabaseOptions options) =>
        builder.UseSqlite(options.ConnectionString, sqlite => sqlite.CommandTimeout(options.CommandTimeoutSeconds));

    public static void UseMySql(DbContextOptionsBuilder builder, DatabaseOptions options) =>
        builder.UseMySql(
            options.ConnectionString,
            DatabaseOptionsReader.ParseServerVersion(options.ServerVersion),
            mysql => mysql.CommandTimeout(options.CommandTimeoutSeconds));
}
