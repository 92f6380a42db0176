using Microsoft.EntityFrameworkCore;
using MySqlConnector;

namespace Cmdb.Domain.Persistence;

internal static class ProviderConfiguration
{
    public static void UseSqlite(DbContextOptionsBuilder builder, DatabaseOptions options) =>
        builder.UseSqlite(options.ConnectionString, sqlite => sqlite.CommandTimeout(options.CommandTimeoutSeconds));

    public static void UseMySql(DbContextOptionsBuilder builder, DatabaseOptions options) =>
        builder.UseMySql(
            WithPoolDefaults(options.ConnectionString),
            DatabaseOptionsReader.ParseServerVersion(options.ServerVersion),
            mysql => mysql.CommandTimeout(options.CommandTimeoutSeconds));

    /// <summary>
    /// Cmdb's contexts keep no session state (no variables, temporary tables or open
    /// transactions outlive an operation), so unless the connection string says otherwise a
    /// pooled connection is reused without the reset round trip each open would cost.
    /// </summary>
    internal static string WithPoolDefaults(string connectionString)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Connection Reset") && !builder.ContainsKey("ConnectionReset"))
            builder.ConnectionReset = false;
        return builder.ConnectionString;
    }
}
