using System.Diagnostics;
using Cmdb.Domain.Persistence;
using Cmdb.Domain.Releases;
using Cmdb.Domain.Tickets.Forms;
using Cmdb.Integrations.Git;
using Cmdb.Activities.Releases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cmdb.Workflows.Tests.Releases;

/// <summary>A release conductor on a fresh bare control repository and its own SQLite database, with a clock the test sets.</summary>
public sealed class ReleaseFixture : IAsyncDisposable
{
    public static readonly GitAuthor Someone = new("Someone", "someone@example.test");
    private readonly string _folder = Directory.CreateTempSubdirectory("cmdb-release-").FullName;
    private ServiceProvider _services = null!;

    public sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }

    public Clock Time { get; } = new();
    public string RepositoryPath => Path.Combine(_folder, "control.git");
    public LocalGitHost Git { get; private set; } = null!;
    public ReleaseConductor Conductor { get; private set; } = null!;

    public static async Task<ReleaseFixture> StartAsync()
    {
        var fixture = new ReleaseFixture();
        LocalControlRepository.EnsureCreated(fixture.RepositoryPath);
        fixture.Git = new LocalGitHost(fixture.RepositoryPath);
        fixture._services = await EngineServices.BuildMigratedAsync(EngineServices.SqliteFile(Path.Combine(fixture._folder, "cmdb.db")), services =>
        {
            services.AddSingleton<TimeProvider>(fixture.Time);
            services.AddSingleton<IGitHost>(fixture.Git);
        });
        fixture.Conductor = fixture._services.GetRequiredService<ReleaseConductor>();
        return fixture;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    public PuppetReleaseForm Plan(params (string Name, string[] Zones)[] batches) => new()
    {
        Description = "Pin ntp", WindowStart = Time.Now.UtcDateTime.AddHours(-1), WindowEnd = Time.Now.UtcDateTime.AddHours(2),
        Operators = ["op1"], Batches = batches.Select(b => new ReleaseBatch { Name = b.Name, Zones = [.. b.Zones], Stores = b.Name == "b1" ? ["S0001"] : [] }).ToList(),
    };

    /// <summary>A plan with its temporary branch and one change to the Puppetfile on it.</summary>
    public async Task<PuppetReleaseForm> PreparedAsync(long ticket, string change = "mod 'store_pos', :local => true\nmod 'store_ntp', :local => true\n", params (string, string[])[] batches)
    {
        var form = Plan(batches.Length > 0 ? batches : [("b1", ["zone01", "zone02"]), ("b2", ["zone03"])]);
        await TicketAsync(ticket);
        await Conductor.PrepareAsync(ticket, form, default);
        await Git.CommitFileAsync(ReleaseConductor.TempBranchOf(ticket), "Puppetfile", change, "Change the Puppetfile", Someone, default);
        await Conductor.CheckChangeAsync(ticket, default);
        return form;
    }

    /// <summary>The release ticket row a plan belongs to (claims refer to it).</summary>
    public Task<int> TicketAsync(long id) => Db(async db =>
    {
        db.Tickets.Add(new Cmdb.Domain.Tickets.Ticket
        {
            Id = id, FlowId = "puppet-release", FlowVersion = 1, FlowName = "新建发布流程", Title = $"release {id}", Requester = "requester",
            RequesterName = "REQUESTER", FormType = PuppetReleaseForm.Name, FormJson = "{}", CreatedAt = Time.Now.UtcDateTime, UpdatedAt = Time.Now.UtcDateTime,
        });
        return await db.SaveChangesAsync();
    });

    public async Task<T> Db<T>(Func<CmdbDbContext, Task<T>> query)
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<CmdbDbContext>>().CreateDbContextAsync();
        return await query(db);
    }

    public Task<List<ReleaseMerge>> MergesAsync(long ticket) => Db(db => db.ReleaseMerges.Where(m => m.TicketId == ticket).OrderBy(m => m.Id).ToListAsync());

    public Task<List<ReleaseStage>> StagesAsync(long ticket) => Db(db => db.ReleaseStages.Where(s => s.TicketId == ticket).OrderBy(s => s.Order).ToListAsync());

    /// <summary>git against the bare repository; a failure fails the test unless allowed.</summary>
    public (int ExitCode, string Output) GitCli(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--git-dir=" + RepositoryPath);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.Trim());
    }

    public bool Contains(string branch, string commit) => GitCli("merge-base", "--is-ancestor", commit, branch).ExitCode == 0;

    public string Show(string branch, string path) => GitCli("show", $"{branch}:{path}").Output;
}
