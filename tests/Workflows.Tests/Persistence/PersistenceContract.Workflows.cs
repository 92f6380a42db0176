using Microsoft.EntityFrameworkCore;
using WorkflowCore.Models;

namespace Cmdb.Workflows.Tests.Persistence;

public abstract partial class PersistenceContract
{
    [Fact]
    public async Task A_created_workflow_loads_back_with_its_data_and_pointers()
    {
        var created = NewInstance();
        var id = await Store.CreateNewWorkflow(created);

        var loaded = await Store.GetWorkflowInstance(id);

        Assert.Equal(id, created.Id);
        Assert.Equal(("test-flow", 3, "a test instance", "ticket-42", WorkflowStatus.Runnable, 0L),
            (loaded.WorkflowDefinitionId, loaded.Version, loaded.Description, loaded.Reference, loaded.Status, loaded.NextExecution!.Value));
        Assert.Equal(created.CreateTime, loaded.CreateTime);
        var data = Assert.IsType<TestData>(loaded.Data);
        Assert.Equal(("数据", 7, 12.34m), (data.Name, data.Count, data.Prices["cpu"]));
        Assert.Equal(["a", "b"], data.Tags);

        var expected = created.ExecutionPointers.Single();
        var pointer = Assert.Single(loaded.ExecutionPointers);
        Assert.Equal((expected.Id, expected.StepId, expected.StepName, expected.Status, expected.RetryCount, expected.Outcome),
            (pointer.Id, pointer.StepId, pointer.StepName, pointer.Status, pointer.RetryCount, pointer.Outcome));
        Assert.Equal((expected.StartTime, expected.SleepUntil, expected.EventName, expected.EventKey, expected.PredecessorId),
            (pointer.StartTime, pointer.SleepUntil, pointer.EventName, pointer.EventKey, pointer.PredecessorId));
        Assert.Equal(2, Assert.IsType<TestStepState>(pointer.PersistenceData).Attempt);
        Assert.Equal("approver-1", Assert.IsType<Dictionary<string, object>>(pointer.EventData)["by"]);
        Assert.Equal("infra", pointer.ExtensionAttributes["lane"]);
        Assert.Equal(["scope-1", "scope-2"], pointer.Scope);
        Assert.Equal(["child-a"], pointer.Children);
        Assert.Equal("server-01", pointer.ContextItem);
        Assert.Single(loaded.ExecutionPointers.FindByScope("scope-2"));
    }

    [Fact]
    public async Task Persisted_progress_is_read_back()
    {
        var id = await Store.CreateNewWorkflow(NewInstance());
        var instance = await Store.GetWorkflowInstance(id);
        instance.ExecutionPointers.First().EndTime = Now;
        instance.ExecutionPointers.First().Status = PointerStatus.Complete;
        instance.ExecutionPointers.Add(NewPointer(1));
        instance.Status = WorkflowStatus.Complete;
        instance.CompleteTime = Now;
        instance.NextExecution = null;

        await Store.PersistWorkflow(instance);
        var loaded = await Store.GetWorkflowInstance(id);

        Assert.Equal(WorkflowStatus.Complete, loaded.Status);
        Assert.Null(loaded.NextExecution);
        Assert.Equal(instance.CompleteTime, loaded.CompleteTime);
        Assert.Equal(2, loaded.ExecutionPointers.Count);
        Assert.Contains(loaded.ExecutionPointers, p => p.StepId == 0 && p.Status == PointerStatus.Complete && p.EndTime != null);
    }

    [Fact]
    public async Task Persisting_with_subscriptions_stores_them_with_new_ids()
    {
        var id = await Store.CreateNewWorkflow(NewInstance());
        var instance = await Store.GetWorkflowInstance(id);
        var subscription = new EventSubscription
        {
            WorkflowId = id, StepId = 2, ExecutionPointerId = "p-2", EventName = "approved", EventKey = "ticket-42",
            SubscribeAsOf = Now, SubscriptionData = new TestStepState { Note = "wait" },
        };

        await Store.PersistWorkflow(instance, [subscription]);

        Assert.False(string.IsNullOrEmpty(subscription.Id));
        var stored = await Store.GetSubscription(subscription.Id);
        Assert.Equal((id, 2, "p-2"), (stored.WorkflowId, stored.StepId, stored.ExecutionPointerId));
        Assert.Equal("wait", Assert.IsType<TestStepState>(stored.SubscriptionData).Note);
    }

    [Fact]
    public async Task A_stale_copy_cannot_overwrite_newer_progress()
    {
        var id = await Store.CreateNewWorkflow(NewInstance());
        var first = await Store.GetWorkflowInstance(id);
        var second = await Store.GetWorkflowInstance(id);
        first.Status = WorkflowStatus.Complete;
        await Store.PersistWorkflow(first);

        second.Status = WorkflowStatus.Suspended;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Store.PersistWorkflow(second));
        Assert.Equal(WorkflowStatus.Complete, (await Store.GetWorkflowInstance(id)).Status);
    }

    [Fact]
    public async Task A_failed_save_writes_neither_the_instance_nor_its_subscriptions()
    {
        var id = await Store.CreateNewWorkflow(NewInstance());
        var stale = await Store.GetWorkflowInstance(id);
        await Store.PersistWorkflow(await Store.GetWorkflowInstance(id));

        stale.Status = WorkflowStatus.Suspended;
        var subscription = new EventSubscription { WorkflowId = id, EventName = "lost", EventKey = "k", SubscribeAsOf = Now };
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Store.PersistWorkflow(stale, [subscription]));

        Assert.Empty(await Store.GetSubscriptions("lost", "k", Now.AddMinutes(1)));
    }

    [Fact]
    public async Task Runnable_instances_are_those_runnable_and_due()
    {
        var past = DateTime.UtcNow.AddMinutes(-1).Ticks;
        var future = DateTime.UtcNow.AddHours(1).Ticks;
        var due = await Store.CreateNewWorkflow(NewInstance(nextExecution: past));
        await Store.CreateNewWorkflow(NewInstance(nextExecution: future));
        await Store.CreateNewWorkflow(NewInstance(nextExecution: null));
        await Store.CreateNewWorkflow(NewInstance(status: WorkflowStatus.Suspended, nextExecution: past));
        await Store.CreateNewWorkflow(NewInstance(status: WorkflowStatus.Complete, nextExecution: past));

        var runnable = await Store.GetRunnableInstances(DateTime.UtcNow);

        Assert.Equal([due], runnable);
    }

    [Fact]
    public async Task Instances_by_ids_skip_unknown_ids_and_duplicates()
    {
        var a = await Store.CreateNewWorkflow(NewInstance());
        var b = await Store.CreateNewWorkflow(NewInstance());

        var found = await Store.GetWorkflowInstances([a, b, a, Guid.NewGuid().ToString()]);

        Assert.Equal(new[] { a, b }.Order(), found.Select(w => w.Id).Order());
        Assert.Empty(await Store.GetWorkflowInstances([]));
    }

    [Fact]
    public async Task An_unknown_workflow_id_gives_null() =>
        Assert.Null(await Store.GetWorkflowInstance(Guid.NewGuid().ToString()));

    [Fact]
    public async Task Instances_page_by_creation_time_with_filters()
    {
        var start = Now.AddHours(-1);
        for (var i = 0; i < 7; i++)
            await Store.CreateNewWorkflow(NewInstance("flow-a", created: start.AddSeconds(i)));
        for (var i = 0; i < 3; i++)
            await Store.CreateNewWorkflow(NewInstance("flow-b", created: start.AddSeconds(i)));
        await Store.CreateNewWorkflow(NewInstance("flow-a", WorkflowStatus.Complete, created: start.AddSeconds(20)));

#pragma warning disable CS0612, CS0618 // the interface still declares the paged query as obsolete
        var pages = new List<List<WorkflowInstance>>();
        for (var skip = 0; skip < 9; skip += 3)
            pages.Add((await Store.GetWorkflowInstances(WorkflowStatus.Runnable, "flow-a", null, null, skip, 3)).ToList());
        var late = await Store.GetWorkflowInstances(null, "flow-a", start.AddSeconds(5), null, 0, 10);
        var early = await Store.GetWorkflowInstances(null, null, null, start.AddSeconds(1), 0, 10);
#pragma warning restore CS0612, CS0618

        Assert.Equal([3, 3, 1], pages.Select(p => p.Count));
        var all = pages.SelectMany(p => p).ToList();
        Assert.Equal(7, all.Select(w => w.Id).Distinct().Count());
        Assert.Equal(all.Select(w => w.CreateTime).Order(), all.Select(w => w.CreateTime));
        Assert.Equal(3, late.Count());
        Assert.Equal(4, early.Count());
    }

    [Fact]
    public async Task Execution_errors_are_stored_and_an_empty_batch_is_a_no_op()
    {
        var id = await Store.CreateNewWorkflow(NewInstance());
        await Store.PersistErrors([]);
        await Store.PersistErrors([
            new ExecutionError { WorkflowId = id, ExecutionPointerId = "p", ErrorTime = Now, Message = "DNS timed out" },
            new ExecutionError { WorkflowId = id, ExecutionPointerId = "p", ErrorTime = Now, Message = "DNS timed out again" },
        ]);

        var messages = await WithDb(db => db.ExecutionErrors.Where(e => e.WorkflowId == id).Select(e => e.Message).ToListAsync());
        Assert.Equal(["DNS timed out", "DNS timed out again"], messages.Order());
    }

    [Fact]
    public async Task Stored_values_naming_foreign_types_are_refused()
    {
        var id = await Store.CreateNewWorkflow(NewInstance());
        await WithDb(db => db.Workflows.Where(w => w.Id == id).ExecuteUpdateAsync(u => u.SetProperty(
            w => w.Data, """{"$type":"System.Diagnostics.Process, System.Diagnostics.Process"}""")));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Store.GetWorkflowInstance(id));
        Assert.Contains("may not be read", error.ToString());
    }
}
