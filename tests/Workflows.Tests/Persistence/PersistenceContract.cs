using Cmdb.Domain.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Tests.Persistence;

/// <summary>
/// What WorkflowCore needs from a persistence provider, asserted against our EF Core provider.
/// Each database gets a subclass, so SQLite and MariaDB pass the very same suite.
/// </summary>
public abstract partial class PersistenceContract : IAsyncLifetime
{
    private ServiceProvider? _services;

    protected IPersistenceProvider Store { get; private set; } = null!;

    protected abstract Task<IDictionary<string, string?>> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public async Task InitializeAsync()
    {
        _services = await EngineServices.BuildMigratedAsync(await CreateDatabaseAsync());
        Store = _services.GetRequiredService<IPersistenceProvider>();
    }

    public async Task DisposeAsync()
    {
        if (_services is not null)
            await _services.DisposeAsync();
        await DropDatabaseAsync();
    }

    protected async Task<T> WithDb<T>(Func<CmdbDbContext, Task<T>> query)
    {
        await using var db = await _services!.GetRequiredService<IDbContextFactory<CmdbDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>Database timestamps keep microseconds at best; test values are whole milliseconds.</summary>
    protected static DateTime Ms(DateTime value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

    protected static DateTime Now => Ms(DateTime.UtcNow);

    protected static WorkflowInstance NewInstance(
        string definition = "test-flow",
        WorkflowStatus status = WorkflowStatus.Runnable,
        long? nextExecution = 0,
        DateTime? created = null) => new()
    {
        WorkflowDefinitionId = definition,
        Version = 3,
        Description = "a test instance",
        Reference = "ticket-42",
        Status = status,
        NextExecution = nextExecution,
        CreateTime = created ?? Now,
        Data = new TestData { Name = "数据", Count = 7, Tags = ["a", "b"], Prices = new() { ["cpu"] = 12.34m } },
        ExecutionPointers = new ExecutionPointerCollection([NewPointer(0)]),
    };

    protected static ExecutionPointer NewPointer(int stepId) => new()
    {
        Id = Guid.NewGuid().ToString(),
        StepId = stepId,
        StepName = $"step {stepId}",
        Active = true,
        Status = PointerStatus.Pending,
        StartTime = Now,
        SleepUntil = Now.AddMinutes(5),
        PersistenceData = new TestStepState { Attempt = 2, Note = "half done" },
        EventName = "approved",
        EventKey = "ticket-42",
        EventData = new Dictionary<string, object> { ["by"] = "approver-1" },
        ExtensionAttributes = new Dictionary<string, object> { ["lane"] = "infra", ["weight"] = 3L },
        RetryCount = 1,
        Children = ["child-a"],
        ContextItem = "server-01",
        PredecessorId = "before",
        Outcome = "Done",
        Scope = ["scope-1", "scope-2"],
    };
}
