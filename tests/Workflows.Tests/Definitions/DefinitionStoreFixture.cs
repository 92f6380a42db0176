using System.Text.Json.Nodes;
using Cmdb.Domain.Engine;
using Cmdb.Domain.Persistence;
using Cmdb.TestSupport;
using Cmdb.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Tests.Definitions;

/// <summary>The real composition on one migrated MariaDB database (engine not started); every test uses flows of its own.</summary>
public sealed class DefinitionStoreFixture : IAsyncLifetime
{
    private static int _flows;
    private TestDatabase _database = null!;

    public ServiceProvider Services { get; private set; } = null!;

    public TestDatabase Database => _database;

    public DefinitionStore Store => Services.GetRequiredService<DefinitionStore>();

    public async Task InitializeAsync()
    {
        _database = await TestMariaDb.CreateDatabaseAsync("defstore");
        Services = await EngineServices.BuildMigratedAsync(Settings());
    }

    public Dictionary<string, string?> Settings()
    {
        var settings = _database.Configuration();
        settings["Workflows:DefinitionsPath"] = Path.Combine(Path.GetTempPath(), "cmdb-no-definitions");
        return settings;
    }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A flow id no other test uses.</summary>
    public static string NewFlowId() => $"store-{Interlocked.Increment(ref _flows)}-{Guid.NewGuid():N}"[..24];

    /// <summary>The valid test definition under another id.</summary>
    public static JsonObject Flow(string id)
    {
        var doc = Docs.Valid();
        doc["id"] = id;
        doc.Remove("version");
        return doc;
    }

    public async Task<T> Db<T>(Func<CmdbDbContext, Task<T>> query)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<CmdbDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>An engine instance row of a flow version, as the engine writes it.</summary>
    public Task<string> AddInstanceAsync(string flowId, int version, WorkflowStatus status) => Db(async db =>
    {
        var id = Guid.NewGuid().ToString();
        db.Workflows.Add(new WorkflowRecord
        {
            Id = id, DefinitionId = flowId, Version = version, Status = (int)status, ExecutionPointers = "[]", CreateTime = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
        return id;
    });

    public Task SetInstanceStatusAsync(string id, WorkflowStatus status) =>
        Db(db => db.Workflows.Where(w => w.Id == id).ExecuteUpdateAsync(u => u.SetProperty(w => w.Status, (int)status)));
}
