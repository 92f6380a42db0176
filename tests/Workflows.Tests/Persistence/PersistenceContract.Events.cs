using WorkflowCore.Models;

namespace Cmdb.Workflows.Tests.Persistence;

public abstract partial class PersistenceContract
{
    private Task<string> Publish(string name, string key, DateTime at) =>
        Store.CreateEvent(new Event { EventName = name, EventKey = key, EventTime = at, EventData = new TestStepState { Note = key } });

    [Fact]
    public async Task An_event_loads_back_with_its_data()
    {
        var at = Now;
        var id = await Publish("approved", "t-1", at);

        var loaded = await Store.GetEvent(id);

        Assert.Equal(("approved", "t-1", at, false), (loaded.EventName, loaded.EventKey, loaded.EventTime, loaded.IsProcessed));
        Assert.Equal("t-1", Assert.IsType<TestStepState>(loaded.EventData).Note);
        Assert.Null(await Store.GetEvent(Guid.NewGuid().ToString()));
    }

    [Fact]
    public async Task Runnable_events_are_the_unprocessed_ones_that_are_due()
    {
        var due = await Publish("approved", "t-1", Now.AddMinutes(-1));
        var processed = await Publish("approved", "t-2", Now.AddMinutes(-1));
        await Publish("approved", "t-3", Now.AddMinutes(10));
        await Store.MarkEventProcessed(processed);

        Assert.Equal([due], await Store.GetRunnableEvents(DateTime.UtcNow));
    }

    [Fact]
    public async Task Marking_an_event_unprocessed_makes_it_runnable_again()
    {
        var id = await Publish("approved", "t-1", Now.AddMinutes(-1));
        await Store.MarkEventProcessed(id);
        Assert.True((await Store.GetEvent(id)).IsProcessed);

        await Store.MarkEventUnprocessed(id);

        Assert.False((await Store.GetEvent(id)).IsProcessed);
        Assert.Equal([id], await Store.GetRunnableEvents(DateTime.UtcNow));
    }

    [Fact]
    public async Task Events_are_found_by_name_and_key_from_a_point_in_time()
    {
        var since = Now.AddMinutes(-10);
        await Publish("approved", "t-1", since.AddMinutes(-1));
        var after = await Publish("approved", "t-1", since.AddMinutes(1));
        var atStart = await Publish("approved", "t-1", since);
        await Publish("approved", "t-2", since.AddMinutes(1));
        await Publish("rejected", "t-1", since.AddMinutes(1));

        var found = await Store.GetEvents("approved", "t-1", since);

        Assert.Equal(new[] { atStart, after }, found);
    }
}
