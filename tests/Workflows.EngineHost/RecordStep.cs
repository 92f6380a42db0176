using MySqlConnector;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Workflows.EngineHost;

/// <summary>
/// A step with a side effect. Every run of its body is logged in <c>test_step_runs</c>; the effect
/// itself goes to <c>test_step_effects</c> under a unique (workflow, step) key, which is how a real
/// activity makes a repeat after a crash harmless.
/// </summary>
public sealed class RecordStep(NodeSettings node) : StepBodyAsync
{
    public int Step { get; set; }

    public override async Task<ExecutionResult> RunAsync(IStepExecutionContext context)
    {
        await using var connection = new MySqlConnection(node.ConnectionString);
        await connection.OpenAsync();
        await Execute(connection, "INSERT INTO test_step_runs (workflow_id, step, node) VALUES (@w, @s, @n)", context.Workflow.Id);
        if (node.StepDelay > TimeSpan.Zero)
            await Task.Delay(node.StepDelay);
        await Execute(connection, "INSERT IGNORE INTO test_step_effects (workflow_id, step, node) VALUES (@w, @s, @n)", context.Workflow.Id);
        return ExecutionResult.Next();
    }

    private async Task Execute(MySqlConnection connection, string sql, string workflowId)
    {
        await using var command = new MySqlCommand(sql, connection);
        command.Parameters.AddWithValue("@w", workflowId);
        command.Parameters.AddWithValue("@s", Step);
        command.Parameters.AddWithValue("@n", node.Name);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task EnsureTablesAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new MySqlCommand("""
            CREATE TABLE IF NOT EXISTS test_step_runs (
              id BIGINT AUTO_INCREMENT PRIMARY KEY, workflow_id VARCHAR(36) NOT NULL, step INT NOT NULL,
              node VARCHAR(20) NOT NULL, at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6));
            CREATE TABLE IF NOT EXISTS test_step_effects (
              id BIGINT AUTO_INCREMENT PRIMARY KEY, workflow_id VARCHAR(36) NOT NULL, step INT NOT NULL,
              node VARCHAR(20) NOT NULL, at DATETIME(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
              UNIQUE KEY ux_effect (workflow_id, step));
            """, connection);
        await command.ExecuteNonQueryAsync();
    }
}

public sealed record NodeSettings(string Name, string ConnectionString, TimeSpan StepDelay);
