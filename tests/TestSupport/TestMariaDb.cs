using MySqlConnector;

namespace Cmdb.TestSupport;

/// <summary>
/// The MariaDB server tests share: the one <c>./test.sh</c> started (<c>CMDB_TEST_MYSQL</c>), or
/// else a private one started for this test process. Each test gets databases of its own.
/// </summary>
public static class TestMariaDb
{
    public const string EnvironmentVariable = "CMDB_TEST_MYSQL";

    private static readonly Lazy<Task<string>> Server = new(ConnectAsync);
    private static PrivateMariaDb? _privateServer;

    public static Task<string> ServerConnectionStringAsync() => Server.Value;

    /// <summary>The <c>Database:ServerVersion</c> value for the running server, e.g. <c>10.11.6-mariadb</c>.</summary>
    public static string ServerVersion { get; private set; } = "10.11.0-mariadb";

    /// <summary>Creates an empty database; it is dropped when the returned handle is disposed.</summary>
    public static async Task<TestDatabase> CreateDatabaseAsync(string purpose)
    {
        var server = await ServerConnectionStringAsync();
        var name = $"cmdb_{purpose}_{Guid.NewGuid():N}"[..Math.Min(60, purpose.Length + 38)].ToLowerInvariant();
        await using var connection = new MySqlConnection(server);
        await connection.OpenAsync();
        await using var command = new MySqlCommand($"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", connection);
        await command.ExecuteNonQueryAsync();
        return new TestDatabase(server, name);
    }

    private static async Task<string> ConnectAsync()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        string connectionString;
        if (!string.IsNullOrWhiteSpace(given))
        {
            connectionString = given;
        }
        else
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException($"{EnvironmentVariable} is not set under CI=true: ./test.sh must start MariaDB before the tests.");
            _privateServer = await PrivateMariaDb.StartNewAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => _privateServer.StopAsync().GetAwaiter().GetResult();
            connectionString = _privateServer.ConnectionString;
        }

        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT VERSION()", connection);
        var version = (string)(await command.ExecuteScalarAsync())!;
        ServerVersion = version.Contains("MariaDB", StringComparison.OrdinalIgnoreCase)
            ? version.Split('-')[0] + "-mariadb"
            : version.Split('-')[0] + "-mysql";
        return connectionString;
    }
}

public sealed class TestDatabase(string serverConnectionString, string name) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = new MySqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString;

    /// <summary>Configuration that points Cmdb at this database.</summary>
    public Dictionary<string, string?> Configuration() => new()
    {
        ["Database:Provider"] = "MySql",
        ["Database:ServerVersion"] = TestMariaDb.ServerVersion,
        ["ConnectionStrings:Cmdb"] = ConnectionString,
    };

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new MySqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var connection = new MySqlConnection(serverConnectionString);
            await connection.OpenAsync();
            await using var command = new MySqlCommand($"DROP DATABASE IF EXISTS `{Name}`", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (MySqlException)
        {
            // Best effort: the private server is thrown away with its data folder anyway.
        }
    }
}
