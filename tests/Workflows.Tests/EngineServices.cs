using Cmdb.Domain;
using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cmdb.Workflows.Tests;

/// <summary>Builds the real Domain + Workflows composition on a given database, migrated, without starting hosted services.</summary>
internal static class EngineServices
{
    public static async Task<ServiceProvider> BuildMigratedAsync(IDictionary<string, string?> configuration, Action<IServiceCollection>? extra = null)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(configuration).Build();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(config);
        services.AddDomain(config).AddWorkflows(config);
        extra?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await using var db = await provider.GetRequiredService<IDbContextFactory<CmdbDbContext>>().CreateDbContextAsync();
        await db.Database.MigrateAsync();
        return provider;
    }

    public static Dictionary<string, string?> SqliteFile(string path) => new()
    {
        ["Database:Provider"] = "Sqlite",
        ["ConnectionStrings:Cmdb"] = $"Data Source={path}",
    };
}
