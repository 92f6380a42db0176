using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Domain.Tests.Persistence;

public sealed class DatabaseOptionsReaderTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();

    [Fact]
    public void No_configuration_means_SQLite_under_data()
    {
        var options = DatabaseOptionsReader.Read(Config());
        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.Equal("Data Source=data/cmdb.db", options.ConnectionString);
    }

    [Fact]
    public void MySql_without_a_connection_string_is_refused_naming_the_key()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseOptionsReader.Read(Config(("Database:Provider", "MySql"))));
        Assert.Contains("ConnectionStrings:Cmdb", error.Message);
    }

    [Fact]
    public void An_unknown_provider_is_refused_naming_the_choices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseOptionsReader.Read(Config(("Database:Provider", "Oracle"))));
        Assert.Contains("Sqlite or MySql", error.Message);
    }

    [Fact]
    public void A_bad_server_version_is_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseOptionsReader.Read(Config(
            ("Database:Provider", "MySql"), ("ConnectionStrings:Cmdb", "Server=db;Database=cmdb"), ("Database:ServerVersion", "latest"))));
        Assert.Contains("Database:ServerVersion", error.Message);
    }

    [Theory]
    [InlineData("Sqlite", typeof(SqliteCmdbDbContext))]
    [InlineData("mysql", typeof(MySqlCmdbDbContext))]
    public void The_provider_is_chosen_by_configuration_only(string provider, Type expected)
    {
        var services = new ServiceCollection().AddLogging().AddDomain(Config(
            ("Database:Provider", provider), ("ConnectionStrings:Cmdb", provider == "mysql" ? "Server=db;Database=cmdb" : "Data Source=x.db")));
        using var root = services.BuildServiceProvider();
        using var db = root.GetRequiredService<IDbContextFactory<CmdbDbContext>>().CreateDbContext();
        Assert.IsType(expected, db);
    }
}
