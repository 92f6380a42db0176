using WorkflowCore.Models;

namespace Cmdb.Workflows.Tests.Persistence;

public abstract partial class PersistenceContract
{
    private async Task<string> Subscribe(string name, string? key, DateTime asOf, string workflowId = "wf-1") =>
        await Store.CreateEventSubscription(new EventSubscription
        {
            WorkflowId = workflowId, StepId = 1, ExecutionPointerId = "p-1", EventName = name, EventKey = key!, SubscribeAsOf = asOf,
        });

    [Fact]
    public async Task Subscriptions_match_on_name_key_and_time()
    {
        var matching = await Subscribe("approved", "t-1", Now.AddMinutes(-5));
        await Subscribe("approved", "t-2", Now.AddMinutes(-5));
        await Subscribe("rejected", "t-1", Now.AddMinutes(-5));
        await Subscribe("approved", "t-1", Now.AddMinutes(5));

        var found = await Store.GetSubscriptions("approved", "t-1", Now);

        Assert.Equal([matching], found.Select(s => s.Id));
    }

    [Fact]
    public async Task A_subscription_without_a_key_is_found_by_a_null_key()
    {
        var id = await Subscribe("tick", null, Now.AddMinutes(-1));
        Assert.Equal([id], (await Store.GetSubscriptions("tick", null!, Now)).Select(s => s.Id));
    }

    [Fact]
    public async Task A_subscription_token_is_granted_to_one_worker_only()
    {
        var id = await Subscribe("activity", "a", Now.AddMinutes(-1));

        Assert.True(await Store.SetSubscriptionToken(id, "token-1", "worker-1", Now.AddMinutes(10)));
        Assert.False(await Store.SetSubscriptionToken(id, "token-2", "worker-2", Now.AddMinutes(10)));

        var held = await Store.GetSubscription(id);
        Assert.Equal(("token-1", "worker-1"), (held.ExternalToken, held.ExternalWorkerId));
        Assert.Null(await Store.GetFirstOpenSubscription("activity", "a", Now));
    }

    [Fact]
    public async Task A_token_is_cleared_only_by_its_holder()
    {
        var id = await Subscribe("activity", "b", Now.AddMinutes(-1));
        await Store.SetSubscriptionToken(id, "token-1", "worker-1", Now.AddMinutes(10));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.ClearSubscriptionToken(id, "not-mine"));
        await Store.ClearSubscriptionToken(id, "token-1");

        var open = await Store.GetFirstOpenSubscription("activity", "b", Now);
        Assert.Equal(id, open.Id);
        Assert.Null(open.ExternalToken);
    }

    [Fact]
    public async Task The_first_open_subscription_is_the_oldest_untaken_one()
    {
        var older = await Subscribe("activity", "c", Now.AddMinutes(-3));
        var newer = await Subscribe("activity", "c", Now.AddMinutes(-1));
        await Store.SetSubscriptionToken(older, "t", "w", Now.AddMinutes(1));

        Assert.Equal(newer, (await Store.GetFirstOpenSubscription("activity", "c", Now)).Id);
    }

    [Fact]
    public async Task Terminating_a_subscription_removes_it_and_may_be_repeated()
    {
        var id = await Subscribe("approved", "t-9", Now.AddMinutes(-1));

        await Store.TerminateSubscription(id);
        await Store.TerminateSubscription(id);

        Assert.Null(await Store.GetSubscription(id));
        Assert.Empty(await Store.GetSubscriptions("approved", "t-9", Now));
    }
}
