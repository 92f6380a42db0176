using MySqlConnector;

namespace Cmdb.Bench;

internal sealed class Arguments(Dictionary<string, string> values)
{
    public static Arguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
            values[args[i].TrimStart('-')] = args[i + 1];
        return new Arguments(values);
    }

    public string? Get(string name) => values.GetValueOrDefault(name);
}

internal static class Sql
{
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<string> VersionTextAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT VERSION()", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The <c>Database:ServerVersion</c> form of the server's version.</summary>
    public static async Task<string> ServerVersionAsync(string connectionString)
    {
        var text = await VersionTextAsync(connectionString);
        return text.Split('-')[0] + (text.Contains("MariaDB", StringComparison.OrdinalIgnoreCase) ? "-mariadb" : "-mysql");
    }
}
