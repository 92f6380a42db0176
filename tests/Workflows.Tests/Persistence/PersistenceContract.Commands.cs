using WorkflowCore.Models;

namespace Cmdb.Workflows.Tests.Persistence;

public abstract partial class PersistenceContract
{
    private static ScheduledCommand Command(string target, DateTime at) =>
        new() { CommandName = ScheduledCommand.ProcessWorkflow, Data = target, ExecuteTime = at.Ticks };

    private async Task<List<string>> ProcessDue(Func<ScheduledCommand, Task>? action = null)
    {
        var handled = new List<string>();
        await Store.ProcessCommands(DateTimeOffset.UtcNow, async command =>
        {
            if (action is not null)
                await action(command);
            handled.Add(command.Data);
        });
        return handled;
    }

    [Fact]
    public void Scheduled_commands_are_supported() => Assert.True(Store.SupportsScheduledCommands);

    [Fact]
    public async Task Due_commands_are_handed_over_once_and_future_ones_wait()
    {
        await Store.ScheduleCommand(Command("due", DateTime.UtcNow.AddSeconds(-5)));
        await Store.ScheduleCommand(Command("later", DateTime.UtcNow.AddHours(1)));

        Assert.Equal(["due"], await ProcessDue());
        Assert.Empty(await ProcessDue());
    }

    [Fact]
    public async Task Scheduling_the_same_command_again_keeps_one_at_the_earlier_time()
    {
        await Store.ScheduleCommand(Command("wf", DateTime.UtcNow.AddHours(1)));
        await Store.ScheduleCommand(Command("wf", DateTime.UtcNow.AddSeconds(-1)));
        await Store.ScheduleCommand(Command("wf", DateTime.UtcNow.AddHours(2)));

        Assert.Equal(["wf"], await ProcessDue());
        Assert.Empty(await ProcessDue());
    }

    [Fact]
    public async Task A_command_whose_handling_fails_is_offered_again()
    {
        await Store.ScheduleCommand(Command("flaky", DateTime.UtcNow.AddSeconds(-1)));

        Assert.Empty(await ProcessDue(_ => throw new InvalidOperationException("queue down")));
        Assert.Equal(["flaky"], await ProcessDue());
    }
}
