using MySqlConnector;

namespace Cmdb.Domain.Persistence;

/// <summary>
/// Serialises migrations when several nodes start at once. The lock lives on its own
/// connection (without a default database, which may not exist yet) and dies with it.
/// </summary>
internal sealed class MySqlMigrationLock : IAsyncDisposable
{
    private const string LockName = "cmdb:schema-migration";
    private readonly MySqlConnection _connection;

    private MySqlMigrationLock(MySqlConnection connection) => _connection = connection;

    public static async Task<MySqlMigrationLock> AcquireAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new MySqlConnectionStringBuilder(connectionString) { Database = "", Pooling = false };
        var connection = new MySqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new MySqlCommand("SELECT GET_LOCK(@name, 120)", connection);
            command.Parameters.AddWithValue("@name", LockName);
            if (Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken)) != 1)
                throw new TimeoutException("Another node held the schema migration lock for 120 s.");
            return new MySqlMigrationLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new MySqlCommand("SELECT RELEASE_LOCK(@name)", _connection);
            command.Parameters.AddWithValue("@name", LockName);
            await command.ExecuteScalarAsync();
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
