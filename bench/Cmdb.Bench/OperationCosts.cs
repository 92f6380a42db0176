using System.Diagnostics;
using Cmdb.Domain;
using Cmdb.Domain.Persistence;
using Cmdb.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Bench;

/// <summary>
/// What one engine step costs on the database path, one call at a time, next to the bare
/// statements it is made of: shows how much of a step is our code and how much is MariaDB.
/// </summary>
internal static class OperationCosts
{
    private const int Calls = 3000;

    public static async Task RunAsync(string connectionString, string serverVersion)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "MySql",
            ["Database:ServerVersion"] = serverVersion,
            ["ConnectionStrings:Cmdb"] = connectionString,
        }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddDomain(config).AddWorkflows(config);
        await using var provider = services.BuildServiceProvider();
        await using (var db = await provider.GetRequiredService<IDbContextFactory<CmdbDbContext>>().CreateDbContextAsync())
            await db.Database.MigrateAsync();

        var store = provider.GetRequiredService<IPersistenceProvider>();
        var locks = provider.GetRequiredService<IDistributedLockProvider>();
        var id = await store.CreateNewWorkflow(FiveStepInstance());
        var loaded = await store.GetWorkflowInstance(id);
        await using var raw = new MySqlConnection(connectionString);
        await raw.OpenAsync();

        Console.WriteLine($"| operation ({Calls} calls, one at a time) | µs per call |");
        Console.WriteLine("| --- | --- |");
        for (var round = 0; round < 2; round++)
        {
            var rows = new (string Name, Func<Task> Call)[]
            {
                ("load instance (GetWorkflowInstance)", () => store.GetWorkflowInstance(id)),
                ("save instance (PersistWorkflow)", () => store.PersistWorkflow(loaded)),
                ("take + release engine lock", async () => { await locks.AcquireLock(id, default); await locks.ReleaseLock(id); }),
                ("bare SELECT 1", () => Raw(raw, "SELECT 1", null)),
                ("bare SELECT of the row", () => Raw(raw, "SELECT * FROM wf_workflows WHERE id = @id", id)),
                ("bare UPDATE of the row (autocommit)", () => Raw(raw, "UPDATE wf_workflows SET next_execution = next_execution + 1 WHERE id = @id", id)),
            };
            foreach (var (name, call) in rows)
            {
                var clock = Stopwatch.StartNew();
                for (var i = 0; i < Calls; i++)
                    await call();
                if (round == 1)
                    Console.WriteLine($"| {name} | {clock.Elapsed.TotalMicroseconds / Calls:0} |");
            }
        }
    }

    private static async Task Raw(MySqlConnection connection, string sql, string? id)
    {
        await using var command = new MySqlCommand(sql, connection);
        if (id is not null)
            command.Parameters.AddWithValue("@id", id);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    private static WorkflowInstance FiveStepInstance()
    {
        var instance = new WorkflowInstance
        {
            WorkflowDefinitionId = FiveStepWorkflow.DefinitionId,
            Version = 1,
            Status = WorkflowStatus.Runnable,
            NextExecution = 0,
            CreateTime = DateTime.UtcNow,
            Data = new BenchData { Key = "operations" },
        };
        for (var step = 0; step < 5; step++)
        {
            instance.ExecutionPointers.Add(new ExecutionPointer
            {
                Id = Guid.NewGuid().ToString(), StepId = step, Status = PointerStatus.Complete,
                StartTime = DateTime.UtcNow, EndTime = DateTime.UtcNow,
            });
        }
        return instance;
    }
}
