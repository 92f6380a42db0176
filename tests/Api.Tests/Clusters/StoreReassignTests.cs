using System.Net;
using System.Text.Json;
using Cmdb.Api.Tests.Tickets;
using Cmdb.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Cmdb.Api.Tests.Clusters;

/// <summary>门店修改集群: capacity with reservations, the move, its alert, and the bad inputs.</summary>
public sealed class StoreReassignTests(ClusterService service) : IClassFixture<ClusterService>
{
    private static object Form(IEnumerable<Cmdb.Domain.Clusters.Store> stores, long target) =>
        new { storeIds = stores.Select(s => s.StoreId).ToArray(), targetClusterId = target };

    private async Task<string> RefusedAsync(object form, HttpStatusCode status)
    {
        var response = await service.SubmitAsync(TestAuth.Requester, "store-reassign", form);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return ClusterCreateTests.Errors(JsonDocument.Parse(body).RootElement);
    }

    private Task<int> ReservedAsync(long cluster) => service.Db(db => db.CapacityReservations.Where(r => r.ClusterId == cluster).SumAsync(r => r.Nodes));

    [Fact]
    public async Task An_approved_move_places_the_stores_turns_the_reservation_into_placement_and_alerts_above_80_percent()
    {
        var target = await service.NewClusterAsync(capacity: 10);
        await service.NewStoresAsync(target.Id, 6);
        var moving = await service.NewStoresAsync(null, 1, 2);

        var id = await service.SubmitOkAsync(TestAuth.Requester, "store-reassign", Form(moving, target.Id));
        Assert.Equal(3, await ReservedAsync(target.Id));
        Assert.Equal("prod", (await service.GetAsync(TestAuth.Requester, id)).GetProperty("env").GetString());
        await service.WaitForStatusAsync(id, "WaitingForApproval");
        await service.ActAsync(TestAuth.Approver, id, "approve");
        await service.WaitForStatusAsync(id, "Completed");

        Assert.Equal(0, await ReservedAsync(target.Id));
        var ids = moving.Select(s => s.StoreId).ToList();
        Assert.True(await service.Db(db => db.Stores.Where(s => ids.Contains(s.StoreId)).AllAsync(s => s.ClusterId == target.Id)));
        var alert = await service.Db(db => db.Notifications.SingleAsync(n => n.TicketId == id.ToString() && n.Event == nameof(NotificationEvent.CapacityAlert)));
        Assert.Contains("90.0%", alert.Content);
        Assert.Equal(NotificationPurposes.Alerts, alert.Purpose);
    }

    [Fact]
    public async Task A_move_under_80_percent_raises_no_alert()
    {
        var target = await service.NewClusterAsync(capacity: 100);
        var id = await service.SubmitOkAsync(TestAuth.Requester, "store-reassign", Form(await service.NewStoresAsync(null, 3), target.Id));
        await service.WaitForStatusAsync(id, "WaitingForApproval");
        await service.ActAsync(TestAuth.Approver, id, "approve");
        await service.WaitForStatusAsync(id, "Completed");
        Assert.False(await service.Db(db => db.Notifications.AnyAsync(n => n.TicketId == id.ToString() && n.Event == nameof(NotificationEvent.CapacityAlert))));
    }

    [Fact]
    public async Task Over_the_limit_counting_other_open_tickets_is_refused_with_the_numbers()
    {
        var target = await service.NewClusterAsync(capacity: 10);
        await service.NewStoresAsync(target.Id, 5);
        await service.SubmitOkAsync(TestAuth.Requester, "store-reassign", Form(await service.NewStoresAsync(null, 3), target.Id));

        var detail = await RefusedAsync(Form(await service.NewStoresAsync(null, 3), target.Id), HttpStatusCode.Conflict);
        Assert.Contains($"Cluster {target.Name} would be at 110.0%: placed 5 + reserved by open tickets 3 + these stores 3 = 11 of 10 nodes; the limit is 100%.", detail);
    }

    [Fact]
    public async Task Rejecting_or_cancelling_releases_the_reservation()
    {
        var target = await service.NewClusterAsync(capacity: 10);
        var rejected = await service.SubmitOkAsync(TestAuth.Requester, "store-reassign", Form(await service.NewStoresAsync(null, 4), target.Id));
        var cancelled = await service.SubmitOkAsync(TestAuth.Requester, "store-reassign", Form(await service.NewStoresAsync(null, 5), target.Id));
        Assert.Equal(9, await ReservedAsync(target.Id));

        await service.WaitForStatusAsync(rejected, "WaitingForApproval");
        await service.ActAsync(TestAuth.Approver, rejected, "reject", "no");
        await service.WaitForStatusAsync(rejected, "Rejected");
        Assert.Equal(5, await ReservedAsync(target.Id));
        await service.WaitForStatusAsync(cancelled, "WaitingForApproval");
        await service.ActAsync(TestAuth.Requester, cancelled, "cancel");
        await service.WaitForStatusAsync(cancelled, "Cancelled");
        Assert.Equal(0, await ReservedAsync(target.Id));
    }

    [Fact]
    public async Task Of_tickets_racing_for_the_last_capacity_at_most_one_wins()
    {
        var target = await service.NewClusterAsync(capacity: 10);
        await service.NewStoresAsync(target.Id, 6);
        var candidates = new List<List<Cmdb.Domain.Clusters.Store>>();
        for (var i = 0; i < 6; i++)
            candidates.Add(await service.NewStoresAsync(null, 3));

        var responses = await Task.WhenAll(candidates.Select(stores => service.SubmitAsync(TestAuth.Requester, "store-reassign", Form(stores, target.Id))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(3, await ReservedAsync(target.Id));
    }

    [Fact]
    public async Task Bad_input_is_refused_naming_the_rule()
    {
        var target = await service.NewClusterAsync(capacity: 100);
        var inTarget = await service.NewStoresAsync(target.Id, 1);
        Assert.Contains("Already in", await RefusedAsync(Form(inTarget, target.Id), HttpStatusCode.BadRequest));
        Assert.Contains("Choose at least one store", await RefusedAsync(new { storeIds = Array.Empty<string>(), targetClusterId = target.Id }, HttpStatusCode.BadRequest));
        Assert.Contains("Cluster '999999999' was not found", await RefusedAsync(Form(await service.NewStoresAsync(null, 1), 999_999_999), HttpStatusCode.NotFound));
        Assert.Contains("NOPE-1", await RefusedAsync(new { storeIds = new[] { "NOPE-1" }, targetClusterId = target.Id }, HttpStatusCode.NotFound));

        var claimed = await service.NewStoresAsync(null, 1);
        await service.SubmitOkAsync(TestAuth.Requester, "store-reassign", Form(claimed, target.Id));
        var other = await service.NewClusterAsync(capacity: 100);
        Assert.Contains("in_process", await RefusedAsync(Form(claimed, other.Id), HttpStatusCode.Conflict));
    }
}
