using System.Text.Json.Nodes;
using Cmdb.Activities.Notify;
using Cmdb.Domain;
using Cmdb.Domain.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Activities.Tests;

public sealed class NotifyWeComTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"cmdb-notify-{Guid.NewGuid():N}.db");
    private ServiceProvider _services = null!;

    private IDbContextFactory<CmdbDbContext> Contexts => _services.GetRequiredService<IDbContextFactory<CmdbDbContext>>();

    public async Task InitializeAsync()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Cmdb"] = $"Data Source={_file}" }).Build();
        _services = new ServiceCollection().AddLogging().AddDomain(config).BuildServiceProvider();
        await using var db = await Contexts.CreateDbContextAsync();
        await db.Database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }

    [Fact]
    public async Task Running_the_step_twice_queues_one_message()
    {
        var activity = new NotifyWeCom(Contexts);
        var context = ActivityTestContext.With(("purpose", "approvers"), ("text", "已删除证书"), ("recipientRole", "approver"),
            ("details", new JsonObject { ["门店"] = "S0001" }));

        var first = await activity.ExecuteAsync(context, default);
        var again = await activity.ExecuteAsync(context, default);

        Assert.Equal(first.Outputs["notificationId"]!.GetValue<long>(), again.Outputs["notificationId"]!.GetValue<long>());
        await using var db = await Contexts.CreateDbContextAsync();
        var stored = await db.Notifications.SingleAsync();
        Assert.Equal(("approvers", "approver", "42"), (stored.Purpose, stored.RecipientRole, stored.TicketId));
        Assert.Contains("> 门店：S0001", stored.Content);
        Assert.Contains("已删除证书", stored.Content);
    }

    [Fact]
    public async Task An_unknown_purpose_is_an_input_problem()
    {
        var error = await Assert.ThrowsAsync<ActivityInputException>(() =>
            new NotifyWeCom(Contexts).ExecuteAsync(ActivityTestContext.With(("purpose", "everyone"), ("text", "x")), default));
        Assert.Contains("purpose", error.Message);
    }
}
