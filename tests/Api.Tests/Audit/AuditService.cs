using System.Net;
using Cmdb.Domain.Audit;
using Cmdb.Domain.Persistence;
using Cmdb.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Api.Tests.Audit;

/// <summary>The API with a small body cap, a trusted proxy range and dev sign-in, on its own MariaDB database.</summary>
public sealed class AuditService : IAsyncLifetime
{
    public const string PeerHeader = "X-Test-Peer";
    private TestDatabase _database = null!;
    private readonly string _keyFolder = Directory.CreateTempSubdirectory("cmdb-audit-key-").FullName;

    public CmdbApiFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestMariaDb.CreateDatabaseAsync("audit");
        var settings = _database.Configuration();
        settings["Audit:BodyLimitBytes"] = "1024";
        settings["Audit:TrustedProxies:0"] = "10.0.0.0/8";
        settings["Auth:DevSignIn"] = "true";
        settings["Auth:DevKeyFile"] = Path.Combine(_keyFolder, "key");
        Factory = await new CmdbApiFactory(settings, s => s.AddSingleton<IStartupFilter, PeerAddressFilter>()).StartedAsync();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_keyFolder, recursive: true);
    }

    public async Task<List<AuditRecord>> RecordsAsync(Func<IQueryable<AuditRecord>, IQueryable<AuditRecord>> query)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<CmdbDbContext>>().CreateDbContextAsync();
        return await query(db.AuditLogs.AsNoTracking()).ToListAsync();
    }

    /// <summary>Waits until the background writer has stored the record(s) the query finds.</summary>
    public async Task<AuditRecord> WaitForAsync(Func<IQueryable<AuditRecord>, IQueryable<AuditRecord>> query)
    {
        AuditRecord? found = null;
        await Eventually.Until(async () => (found = (await RecordsAsync(query)).FirstOrDefault()) is not null,
            TimeSpan.FromSeconds(20), "the audit record is written");
        return found!;
    }

    public async Task AddAsync(params AuditRecord[] records)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<CmdbDbContext>>().CreateDbContextAsync();
        db.AuditLogs.AddRange(records);
        await db.SaveChangesAsync();
    }

    /// <summary>The test server has no TCP peer: this sets one from a header, before anything else runs.</summary>
    private sealed class PeerAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[PeerHeader], out var peer))
                    context.Connection.RemoteIpAddress = peer;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
