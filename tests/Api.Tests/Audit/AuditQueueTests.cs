using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Cmdb.Api.Audit;
using Cmdb.Domain.Audit;
using Cmdb.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Api.Tests.Audit;

public sealed class AuditQueueTests : IAsyncLifetime
{
    private TestDatabase _database = null!;

    public async Task InitializeAsync() => _database = await TestMariaDb.CreateDatabaseAsync("auditqueue");

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private async Task<CmdbApiFactory> ServiceWith(IAuditStore store, int capacity)
    {
        var settings = _database.Configuration();
        settings["Audit:QueueCapacity"] = capacity.ToString();
        settings["Audit:WriteBatchSize"] = "1";
        return await new CmdbApiFactory(settings, s => s.AddSingleton(store)).StartedAsync();
    }

    [Fact]
    public async Task Requests_complete_while_the_audit_writer_is_stalled_and_the_overflow_is_counted()
    {
        var store = new StalledStore();
        await using var service = await ServiceWith(store, capacity: 5);
        using var client = service.CreateClient().As(TestAuth.Requester);

        var clock = Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => client.GetAsync("/api/notifications")));
        var elapsed = clock.Elapsed;

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(0, store.Written);
        var queue = service.Services.GetRequiredService<AuditQueue>();
        Assert.True(queue.Dropped >= 40 - 5 - 1, $"dropped {queue.Dropped}");

        store.Release();
        await Eventually.Until(() => store.Written >= 5, TimeSpan.FromSeconds(10), "the queued records are written once the store answers");
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"40 requests took {elapsed}");
    }

    [Fact]
    public async Task Shutdown_writes_what_is_still_queued()
    {
        var store = new SlowStore();
        var service = await ServiceWith(store, capacity: 1000);
        using (var client = service.CreateClient().As(TestAuth.Requester))
        {
            for (var i = 0; i < 20; i++)
                await client.GetAsync("/api/notifications");
        }

        await service.DisposeAsync();

        Assert.Equal(20, store.Records.Count);
    }

    /// <summary>A database that does not answer until released.</summary>
    private sealed class StalledStore : IAuditStore
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _written;

        public int Written => Volatile.Read(ref _written);

        public void Release() => _released.TrySetResult();

        public async Task WriteAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
        {
            await _released.Task.WaitAsync(cancellationToken);
            Interlocked.Add(ref _written, records.Count);
        }
    }

    /// <summary>A database that takes 50 ms per write.</summary>
    private sealed class SlowStore : IAuditStore
    {
        public ConcurrentBag<AuditRecord> Records { get; } = [];

        public async Task WriteAsync(IReadOnlyList<AuditRecord> records, CancellationToken cancellationToken)
        {
            await Task.Delay(50, cancellationToken);
            foreach (var record in records)
                Records.Add(record);
        }
    }
}
