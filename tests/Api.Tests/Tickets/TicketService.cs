using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cmdb.Domain.LocalSystems;
using Cmdb.Domain.Persistence;
using Cmdb.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Api.Tests.Tickets;

/// <summary>
/// The API on its own MariaDB database with the checked-in flows, the local CA and directory
/// stand-ins, and fast engine settings (short poll, one quick retry before an incident).
/// </summary>
public class TicketService : IAsyncLifetime
{
    public static readonly TestAuth.Persona SecondApprover = new("approver-2", ["approver"], []);
    public static readonly TestAuth.Persona OtherRequester = new("requester-2", [], []);
    private static int _servers;
    private TestDatabase _database = null!;

    public CmdbApiFactory Factory { get; private set; } = null!;

    protected virtual void Configure(Dictionary<string, string?> settings, IServiceCollection services)
    {
    }

    public virtual async Task InitializeAsync()
    {
        _database = await TestMariaDb.CreateDatabaseAsync("tickets");
        var settings = _database.Configuration();
        settings["Workflows:DefinitionsPath"] = Path.Combine(BuildOutput.RepositoryRoot, "workflow-definitions");
        settings["Workflows:Engine:PollInterval"] = "00:00:00.200";
        settings["Workflows:Activities:DefaultRetries"] = "1";
        settings["Workflows:Activities:DefaultRetryDelay"] = "00:00:00.200";
        settings["Notifications:PollInterval"] = "00:00:00.200";
        var extra = new ServiceCollection();
        Configure(settings, extra);
        Factory = await new CmdbApiFactory(settings, services =>
        {
            foreach (var descriptor in extra)
                services.Add(descriptor);
        }).StartedAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    public HttpClient As(TestAuth.Persona persona) => Factory.CreateClient().As(persona);

    public Task<long> ScalarAsync(string sql) => _database.ScalarAsync(sql);

    public async Task<T> Db<T>(Func<CmdbDbContext, Task<T>> query)
    {
        await using var db = await Factory.Services.GetRequiredService<IDbContextFactory<CmdbDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    /// <summary>A store server no other test uses, with its certificate in the local CA and its entry in the local directory.</summary>
    public async Task<ServerFixture> NewServerAsync(string group = "store-pos")
    {
        var n = Interlocked.Increment(ref _servers);
        var hostname = $"t{n:D4}-pos-{Guid.NewGuid():N}"[..20] + ".stores.example.test";
        var server = new ServerFixture($"S{n:D4}", hostname, $"10.99.{n / 250}.{n % 250}", $"cn={hostname},ou=hosts,dc=stores,dc=example,dc=test", group);
        await Db(async db =>
        {
            db.LocalPuppetCertificates.Add(new LocalPuppetCertificate { Certname = hostname, State = "signed", UpdatedAt = DateTime.UtcNow });
            db.LocalLdapEntries.Add(new LocalLdapEntry { Dn = server.Dn, Group = group, UpdatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        return server;
    }

    public async Task<HttpResponseMessage> SubmitAsync(TestAuth.Persona persona, string flow, object form, string? key = null, string title = "测试工单")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/tickets") { Content = JsonContent.Create(new { flowId = flow, title, form }) };
        if (key is not null)
            request.Headers.Add("Idempotency-Key", key);
        return await As(persona).SendAsync(request);
    }

    public async Task<long> SubmitOkAsync(TestAuth.Persona persona, string flow, object form, string? key = null)
    {
        var response = await SubmitAsync(persona, flow, form, key);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, $"submit failed {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    public Task<HttpResponseMessage> ActAsync(TestAuth.Persona persona, long ticket, string action, string? comment = "ok") =>
        As(persona).PostAsJsonAsync($"/api/tickets/{ticket}/{action}", new { comment });

    public async Task<JsonElement> GetAsync(TestAuth.Persona persona, long ticket) =>
        await As(persona).GetFromJsonAsync<JsonElement>($"/api/tickets/{ticket}");

    public async Task<JsonElement> WaitForStatusAsync(long ticket, string status, TimeSpan? timeout = null)
    {
        JsonElement detail = default;
        await Eventually.Until(async () =>
        {
            detail = await GetAsync(TestAuth.Admin, ticket);
            return detail.GetProperty("status").GetString() == status;
        }, timeout ?? TimeSpan.FromSeconds(30), $"ticket {ticket} is {status} (now {(detail.ValueKind == JsonValueKind.Undefined ? "?" : detail.GetProperty("status").GetString())})");
        return detail;
    }

    public static object CertForm(params ServerFixture[] servers) => new
    {
        servers = servers.Select(s => new { storeId = s.StoreId, hostname = s.Hostname, ip = s.Ip, role = "pos", env = "prod" }),
    };

    public static object GroupForm(string newGroup, params ServerFixture[] servers) => new
    {
        servers = servers.Select(s => new { storeId = s.StoreId, hostname = s.Hostname, ip = s.Ip, role = "pos", env = "prod", dn = s.Dn, group = s.Group, newGroup }),
    };
}

public sealed record ServerFixture(string StoreId, string Hostname, string Ip, string Dn, string Group);
