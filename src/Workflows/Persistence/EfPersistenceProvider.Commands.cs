using Cmdb.Domain.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Persistence;

internal sealed partial class EfPersistenceProvider
{
    /// <summary>
    /// Scheduled commands let any node pick up work another node planned (a delayed step, a
    /// workflow found runnable by the poller), so they are on.
    /// </summary>
    public bool SupportsScheduledCommands => true;

    /// <summary>
    /// One row per (command, target). Scheduling the same command again keeps the earlier time:
    /// a workflow that became runnable now must not wait for a later, already planned wake-up.
    /// </summary>
    public async Task ScheduleCommand(ScheduledCommand command)
    {
        await using var db = await OpenAsync(CancellationToken.None);
        if (db.Database.IsMySql())
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO wf_scheduled_commands (command_name, data, execute_time)
                VALUES ({command.CommandName}, {command.Data}, {command.ExecuteTime})
                ON DUPLICATE KEY UPDATE execute_time = LEAST(execute_time, VALUES(execute_time))
                """);
        }
        else
        {
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO wf_scheduled_commands (command_name, data, execute_time)
                VALUES ({command.CommandName}, {command.Data}, {command.ExecuteTime})
                ON CONFLICT (command_name, data) DO UPDATE SET execute_time = MIN(execute_time, excluded.execute_time)
                """);
        }
    }

    /// <summary>
    /// Hands every due command to <paramref name="action"/> and deletes those it accepted. A command
    /// whose action throws stays and is offered again on the next poll.
    /// </summary>
    public async Task ProcessCommands(DateTimeOffset asOf, Func<ScheduledCommand, Task> action, CancellationToken cancellationToken = default)
    {
        var due = asOf.UtcTicks;
        await using var db = await OpenAsync(cancellationToken);
        var commands = await db.ScheduledCommands.AsNoTracking()
            .Where(c => c.ExecuteTime <= due)
            .OrderBy(c => c.ExecuteTime)
            .Take(PollBatchSize)
            .ToListAsync(cancellationToken);

        var done = new List<long>(commands.Count);
        foreach (var command in commands)
        {
            try
            {
                await action(ToCommand(command));
                done.Add(command.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Scheduled command {Command} for {Target} failed; it stays for the next poll", command.CommandName, command.Data);
            }
        }

        if (done.Count > 0)
            await db.ScheduledCommands.Where(c => done.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    private static ScheduledCommand ToCommand(ScheduledCommandRecord record) => new()
    {
        CommandName = record.CommandName,
        Data = record.Data,
        ExecuteTime = record.ExecuteTime,
    };
}
