using Microsoft.Extensions.Configuration;

namespace Cmdb.Domain.Persistence;

internal static class DatabaseOptionsReader
{
    /// <summary>Reads and checks the database settings; a wrong setting stops start-up with a message naming the key.</summary>
    public static DatabaseOptions Read(IConfiguration configuration)
    {
        var providerText = configuration[$"{DatabaseOptions.SectionName}:Provider"];
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse<DatabaseProvider>(providerText, ignoreCase: true, out _))
            throw new InvalidOperationException($"Database:Provider '{providerText}' is not supported: use Sqlite or MySql.");

        var options = new DatabaseOptions();
        configuration.GetSection(DatabaseOptions.SectionName).Bind(options);

        var connectionString = configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (options.Provider == DatabaseProvider.MySql)
                throw new InvalidOperationException("ConnectionStrings:Cmdb is required when Database:Provider is MySql.");
            connectionString = DatabaseOptions.DefaultSqliteConnectionString;
        }
        options.ConnectionString = connectionString;

        if (options.Provider == DatabaseProvider.MySql)
            _ = ParseServerVersion(options.ServerVersion);
        return options;
    }

    public static Microsoft.EntityFrameworkCore.ServerVersion ParseServerVersion(string text)
    {
        if (Microsoft.EntityFrameworkCore.ServerVersion.TryParse(text, out var version) && version is not null)
            return version;
        throw new InvalidOperationException($"Database:ServerVersion '{text}' is not a MySQL or MariaDB version such as 8.0.36-mysql or 10.11.6-mariadb.");
    }
}
