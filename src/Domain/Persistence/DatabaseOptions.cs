namespace Cmdb.Domain.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    MySql,
}

/// <summary>
/// <c>Database:*</c> plus <c>ConnectionStrings:Cmdb</c>. The provider is chosen here and nowhere else.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string ConnectionStringName = "Cmdb";
    public const string DefaultSqliteConnectionString = "Data Source=data/cmdb.db";

    /// <summary>Used when <c>Database:ServerVersion</c> is not set: the production target is MySQL 8.</summary>
    public const string DefaultMySqlServerVersion = "8.0.36-mysql";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;

    /// <summary>MySQL only, e.g. <c>8.0.36-mysql</c> or <c>10.11.6-mariadb</c>; read from configuration so that start-up never needs the server.</summary>
    public string ServerVersion { get; set; } = DefaultMySqlServerVersion;

    public int CommandTimeoutSeconds { get; set; } = 30;
}
