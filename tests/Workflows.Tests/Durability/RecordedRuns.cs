using Cmdb.Domain.Persistence;
using Cmdb.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Tests.Durability;

/// <summary>Reads what the engine nodes recorded, and publishes events as a further node would.</summary>
internal sealed class RecordedRuns(TestDatabase database)
{
    public Task<long> Effects() => database.ScalarAsync("SELECT COUNT(*) FROM test_step_effects");

    public Task<long> Runs() => database.ScalarAsync("SELECT COUNT(*) FROM test_step_runs");

    public Task<long> Completed() => database.ScalarAsync($"SELECT COUNT(*) FROM wf_workflows WHERE status = {(int)WorkflowStatus.Complete}");

    public Task<long> Waiting() => database.ScalarAsync("SELECT COUNT(*) FROM wf_subscriptions WHERE event_name = 'go'");

    public Task<long> EffectsSafe() => TableExists("test_step_effects").ContinueWith(t => t.Result ? Effects() : Task.FromResult(0L)).Unwrap();

    public Task<long> MaxRunsOfOneStep() =>
        database.ScalarAsync("SELECT COALESCE(MAX(c), 0) FROM (SELECT COUNT(*) c FROM test_step_runs GROUP BY workflow_id, step) x");

    public Task<long> NodesThatRanSteps() => database.ScalarAsync("SELECT COUNT(DISTINCT node) FROM test_step_runs");

    /// <summary>Workflows whose effects are not exactly steps 1..5 in that order.</summary>
    public async Task<List<string>> WorkflowsWithWrongEffects()
    {
        var steps = new Dictionary<string, List<int>>();
        await using var connection = new MySqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT workflow_id, step FROM test_step_effects ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetString(0);
            if (!steps.TryGetValue(id, out var list))
                steps[id] = list = [];
            list.Add(reader.GetInt32(1));
        }
        return steps.Where(s => !s.Value.SequenceEqual([1, 2, 3, 4, 5])).Select(s => $"{s.Key}: {string.Join(",", s.Value)}").ToList();
    }

    /// <summary>Stores one <c>go</c> event per waiting instance through the engine store, as another node publishing would.</summary>
    public async Task PublishGoEvents()
    {
        var keys = new List<string>();
        await using (var connection = new MySqlConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new MySqlCommand("SELECT event_key FROM wf_subscriptions WHERE event_name = 'go'", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                keys.Add(reader.GetString(0));
        }

        await using var services = await EngineServices.BuildMigratedAsync(database.Configuration());
        var store = services.GetRequiredService<IPersistenceProvider>();
        foreach (var key in keys)
            await store.CreateEvent(new Event { EventName = "go", EventKey = key, EventTime = DateTime.UtcNow, EventData = "go" });
    }

    private async Task<bool> TableExists(string table) =>
        await database.ScalarAsync($"SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '{database.Name}' AND table_name = '{table}'") > 0;
}
