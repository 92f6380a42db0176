using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cmdb.Domain.Persistence;

/// <summary>
/// Applies migrations at start, in the background, retrying until the database answers: an
/// unreachable database must not stop the service from starting.
/// </summary>
internal sealed class DatabaseMigrator(
    IDbContextFactory<CmdbDbContext> contextFactory,
    DatabaseOptions options,
    DatabaseReadiness readiness,
    ILogger<DatabaseMigrator> logger) : BackgroundService
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        for (var attempt = 0; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await MigrateAsync(stoppingToken);
                readiness.MarkMigrated();
                logger.LogInformation("Database {Provider} is migrated and ready", options.Provider);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                readiness.MarkFailed($"database unavailable: {ex.GetBaseException().Message}");
                logger.LogWarning("Database migration attempt {Attempt} failed: {Reason}", attempt + 1, ex.GetBaseException().Message);
                await Task.Delay(Backoff[Math.Min(attempt, Backoff.Length - 1)], stoppingToken);
            }
        }
    }

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (options.Provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteFolder(options.ConnectionString);
            await db.Database.MigrateAsync(cancellationToken);
            // WAL lets readers work while the engine writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            return;
        }

        await using var migrationLock = await MySqlMigrationLock.AcquireAsync(options.ConnectionString, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
            Directory.CreateDirectory(folder);
    }
}
