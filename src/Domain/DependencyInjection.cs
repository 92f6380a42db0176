using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cmdb.Domain;

public static class DependencyInjection
{
    /// <summary>
    /// The EF Core model on the provider named by <c>Database:Provider</c>, a pooled context
    /// factory for long-lived services, a scoped context for request handlers, and the
    /// background migrator.
    /// </summary>
    public static IServiceCollection AddDomain(this IServiceCollection services, IConfiguration configuration)
    {
        var options = DatabaseOptionsReader.Read(configuration);
        services.AddSingleton(options);

        if (options.Provider == DatabaseProvider.MySql)
            AddProvider<MySqlCmdbDbContext>(services, builder => ProviderConfiguration.UseMySql(builder, options));
        else
            AddProvider<SqliteCmdbDbContext>(services, builder => ProviderConfiguration.UseSqlite(builder, options));

        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<CmdbDbContext>>().CreateDbContext());
        services.AddSingleton<DatabaseReadiness>();
        services.Configure<Clusters.ClusterOptions>(configuration.GetSection(Clusters.ClusterOptions.SectionName));
        services.Configure<Inventory.Sync.InventorySyncOptions>(configuration.GetSection(Inventory.Sync.InventorySyncOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Inventory.Sync.InventorySyncService>();
        Pricing.PricingServices.AddPricing(services, configuration);
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }

    private static void AddProvider<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where TContext : CmdbDbContext
    {
        services.AddPooledDbContextFactory<TContext>(configure);
        services.AddSingleton<IDbContextFactory<CmdbDbContext>>(sp =>
            new CmdbDbContextFactory<TContext>(sp.GetRequiredService<IDbContextFactory<TContext>>()));
    }
}
