using Microsoft.EntityFrameworkCore;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Persistence;

internal sealed partial class EfPersistenceProvider
{
    public async Task<string> CreateEvent(Event newEvent, CancellationToken cancellationToken = default)
    {
        newEvent.Id = NewId();
        await using var db = await OpenAsync(cancellationToken);
        db.Events.Add(newEvent.ToRecord());
        await db.SaveChangesAsync(cancellationToken);
        return newEvent.Id;
    }

    public async Task<Event> GetEvent(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await OpenAsync(cancellationToken);
        var record = await db.Events.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        return record?.ToEvent()!;
    }

    public async Task<IEnumerable<string>> GetRunnableEvents(DateTime asAt, CancellationToken cancellationToken = default)
    {
        var at = asAt.AsUtc();
        await using var db = await OpenAsync(cancellationToken);
        return await db.Events
            .Where(e => !e.IsProcessed && e.EventTime <= at)
            .OrderBy(e => e.EventTime)
            .Take(PollBatchSize)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
    }

    public async Task<IEnumerable<string>> GetEvents(string eventName, string eventKey, DateTime asOf, CancellationToken cancellationToken = default)
    {
        var at = asOf.AsUtc();
        await using var db = await OpenAsync(cancellationToken);
        return await db.Events
            .Where(e => e.Name == eventName && e.Key == eventKey && e.EventTime >= at)
            .OrderBy(e => e.EventTime)
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
    }

    public Task MarkEventProcessed(string id, CancellationToken cancellationToken = default) =>
        SetProcessed(id, true, cancellationToken);

    public Task MarkEventUnprocessed(string id, CancellationToken cancellationToken = default) =>
        SetProcessed(id, false, cancellationToken);

    private async Task SetProcessed(string id, bool processed, CancellationToken cancellationToken)
    {
        await using var db = await OpenAsync(cancellationToken);
        await db.Events.Where(e => e.Id == id).ExecuteUpdateAsync(u => u.SetProperty(e => e.IsProcessed, processed), cancellationToken);
    }
}
