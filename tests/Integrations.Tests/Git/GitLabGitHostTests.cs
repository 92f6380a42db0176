using System.Text;
using System.Text.Json;
using Cmdb.Domain.Common;
using Cmdb.Integrations.Git;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Cmdb.Integrations.Tests.Git;

/// <summary>The GitLab git host against a recorded fake answering with GitLab REST v4 shapes.</summary>
public sealed class GitLabGitHostTests : IDisposable
{
    private const string Token = "glpat-fake-token-for-tests";
    private const string Base = "/api/v4/projects/42";
    private readonly WireMockServer _gitlab = WireMockServer.Start();

    public void Dispose() => _gitlab.Stop();

    private ServiceProvider Services() =>
        new ServiceCollection().AddLogging().AddIntegrations(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Integrations:GitLab:BaseUrl"] = _gitlab.Url,
            ["Integrations:GitLab:ProjectId"] = "42",
            ["Integrations:GitLab:Token"] = Token,
            ["Integrations:GitLab:Retries"] = "2",
            ["Integrations:GitLab:MergeStatusDelay"] = "00:00:00.050",
        }).Build()).BuildServiceProvider();

    private IGitHost Host(ServiceProvider services) => services.GetRequiredService<IGitHost>();

    private static IResponseBuilder Json(object body, int status = 200) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBodyAsJson(body);

    private static object Commit(string id, string title = "a commit") => new { id, short_id = id[..8], title, message = title + "\n", author_name = "Release Bot" };

    private static object Branch(string name, string commit) => new { name, merged = false, @protected = false, commit = Commit(commit) };

    private static object MergeRequest(long iid, string state = "opened", bool conflicts = false, string status = "mergeable", string? mergeSha = null) =>
        new { id = 1000 + iid, iid, project_id = 42, state, has_conflicts = conflicts, detailed_merge_status = status, merge_commit_sha = mergeSha, source_branch = "uat", target_branch = "production" };

    private void Given(string method, string path, IResponseBuilder response, string? scenario = null, string? state = null, string? next = null)
    {
        var request = Request.Create().WithPath(Base + path).UsingMethod(method);
        var given = _gitlab.Given(request);
        if (scenario is not null)
        {
            given = state is null ? given.InScenario(scenario) : given.InScenario(scenario).WhenStateIs(state);
            if (next is not null)
                given = given.WillSetStateTo(next);
        }
        given.RespondWith(response);
    }

    private int Calls(string method, string path) => _gitlab.LogEntries.Count(e => e.RequestMessage.Method == method && e.RequestMessage.Path == Base + path);

    [Fact]
    public async Task Creating_a_branch_sends_the_token_and_an_existing_branch_is_reused()
    {
        Given("GET", "/repository/branches/release/7", Json(new { message = "404 Branch Not Found" }, 404), "b", null, "made");
        Given("POST", "/repository/branches", Json(Branch("release/7", "aaaaaaaaaaaa1111"), 201));
        Given("GET", "/repository/branches/release/7", Json(Branch("release/7", "aaaaaaaaaaaa1111")), "b", "made");
        using var services = Services();

        var first = await Host(services).CreateBranchAsync("release/7", "production", default);
        var second = await Host(services).CreateBranchAsync("release/7", "production", default);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(1, Calls("POST", "/repository/branches"));
        var create = _gitlab.LogEntries.Single(e => e.RequestMessage.Method == "POST").RequestMessage;
        Assert.Equal(Token, create.Headers!["PRIVATE-TOKEN"].Single());
        Assert.Equal("production", create.Query!["ref"].Single());
    }

    [Fact]
    public async Task A_merge_opens_a_merge_request_then_accepts_it_and_returns_the_merge_commit()
    {
        Given("GET", "/repository/commits/uat", Json(Commit("1111111111111111")));
        Given("GET", "/repository/merge_base", Json(Commit("0000000000000000")));
        Given("GET", "/merge_requests", Json(Array.Empty<object>()));
        Given("POST", "/merge_requests", Json(MergeRequest(5, status: "checking"), 201));
        Given("GET", "/merge_requests/5", Json(MergeRequest(5)));
        Given("PUT", "/merge_requests/5/merge", Json(MergeRequest(5, state: "merged", mergeSha: "9999999999999999")));
        using var services = Services();

        var result = await Host(services).MergeAsync("uat", "production", "Release 12: uat → production", GitRepositoryFixture.Author, default);

        Assert.Equal(GitMergeOutcome.Done, result.Outcome);
        Assert.Equal("9999999999999999", result.Commit!.Id);
        var accept = JsonDocument.Parse(_gitlab.LogEntries.Single(e => e.RequestMessage.Method == "PUT").RequestMessage.Body!).RootElement;
        Assert.Equal("Release 12: uat → production", accept.GetProperty("merge_commit_message").GetString());
        var create = JsonDocument.Parse(_gitlab.LogEntries.Single(e => e.RequestMessage.Method == "POST").RequestMessage.Body!).RootElement;
        Assert.Equal("uat", create.GetProperty("source_branch").GetString());
        Assert.False(create.GetProperty("squash").GetBoolean());
    }

    [Fact]
    public async Task An_open_merge_request_for_the_same_branches_is_reused_not_duplicated()
    {
        Given("GET", "/repository/commits/uat", Json(Commit("1111111111111111")));
        Given("GET", "/repository/merge_base", Json(Commit("0000000000000000")));
        Given("GET", "/merge_requests", Json(new[] { MergeRequest(8) }));
        Given("PUT", "/merge_requests/8/merge", Json(MergeRequest(8, state: "merged", mergeSha: "8888888888888888")));
        using var services = Services();

        var result = await Host(services).MergeAsync("uat", "production", "m", GitRepositoryFixture.Author, default);

        Assert.Equal("8888888888888888", result.Commit!.Id);
        Assert.Equal(0, Calls("POST", "/merge_requests"));
    }

    [Theory]
    [InlineData(405)]
    [InlineData(406)]
    public async Task A_merge_request_that_cannot_be_merged_is_a_conflict_with_its_files(int status)
    {
        Given("GET", "/repository/commits/production", Json(Commit("2222222222222222")));
        Given("GET", "/repository/merge_base", Json(Commit("0000000000000000")));
        Given("GET", "/merge_requests", Json(new[] { MergeRequest(9, conflicts: true, status: "conflict") }));
        Given("PUT", "/merge_requests/9/merge", Json(new { message = status == 406 ? "Branch cannot be merged" : "405 Method Not Allowed" }, status));
        Given("GET", "/merge_requests/9/conflicts", Json(new[] { new { old_path = "Puppetfile", new_path = "Puppetfile", blob_diff_path = "x", sections = Array.Empty<object>() } }));
        using var services = Services();

        var result = await Host(services).MergeAsync("production", "zone01", "m", GitRepositoryFixture.Author, default);

        Assert.Equal(GitMergeOutcome.Conflict, result.Outcome);
        Assert.Equal(["Puppetfile"], result.ConflictingPaths);
    }

    [Fact]
    public async Task A_source_already_in_the_target_is_up_to_date_without_a_merge_request()
    {
        Given("GET", "/repository/commits/uat", Json(Commit("1111111111111111")));
        Given("GET", "/repository/merge_base", Json(Commit("1111111111111111")));
        Given("GET", "/repository/branches/production", Json(Branch("production", "3333333333333333")));
        using var services = Services();

        var result = await Host(services).MergeAsync("uat", "production", "m", GitRepositoryFixture.Author, default);

        Assert.Equal(GitMergeOutcome.UpToDate, result.Outcome);
        Assert.Equal(0, Calls("POST", "/merge_requests"));
        var mergeBase = _gitlab.LogEntries.Single(e => e.RequestMessage.Path.EndsWith("merge_base")).RequestMessage;
        Assert.Contains("refs%5B%5D=uat&refs%5B%5D=production", mergeBase.Url.Replace("refs[]", "refs%5B%5D"));
    }

    [Fact]
    public async Task A_revert_returns_the_new_commit_and_a_revert_GitLab_cannot_apply_is_a_conflict()
    {
        Given("POST", "/repository/commits/aaaa000000000000/revert", Json(Commit("bbbb000000000000", "Revert \"Merge branch 'production' into 'zone01'\""), 201));
        Given("POST", "/repository/commits/cccc000000000000/revert", Json(new { message = "Sorry, we cannot revert this commit automatically. This commit may already have been reverted, or a more recent commit may have updated some of its content.", error_code = "conflict" }, 400));
        Given("GET", "/repository/compare", Json(new { commits = new[] { Commit("cccc000000000000") }, diffs = new[] { new { old_path = "Puppetfile", new_path = "Puppetfile", diff = "" } } }));
        using var services = Services();

        var done = await Host(services).RevertAsync("zone01", "aaaa000000000000", "Revert", GitRepositoryFixture.Author, default);
        var conflict = await Host(services).RevertAsync("zone02", "cccc000000000000", "Revert", GitRepositoryFixture.Author, default);

        Assert.Equal(GitMergeOutcome.Done, done.Outcome);
        Assert.Equal("bbbb000000000000", done.Commit!.Id);
        Assert.Equal(GitMergeOutcome.Conflict, conflict.Outcome);
        Assert.Equal(["Puppetfile"], conflict.ConflictingPaths);
        Assert.Equal("zone01", JsonDocument.Parse(_gitlab.LogEntries.First(e => e.RequestMessage.Path.EndsWith("aaaa000000000000/revert")).RequestMessage.Body!).RootElement.GetProperty("branch").GetString());
    }

    [Fact]
    public async Task Compare_lists_commits_and_changed_files_and_reading_a_file_decodes_it()
    {
        Given("GET", "/repository/compare", Json(new
        {
            commit = Commit("dddd000000000000"), commits = new[] { Commit("dddd000000000000", "Pin ntp") },
            diffs = new[] { new { old_path = "Puppetfile", new_path = "Puppetfile", diff = "@@" }, new { old_path = "data/a.yaml", new_path = "data/b.yaml", diff = "@@" } },
            compare_timeout = false, compare_same_ref = false,
        }));
        Given("GET", "/repository/files/Puppetfile", Json(new { file_name = "Puppetfile", file_path = "Puppetfile", size = 5, encoding = "base64", content = Convert.ToBase64String(Encoding.UTF8.GetBytes("mod 'x'\n")), @ref = "production", blob_id = "e69de29b", commit_id = "dddd", last_commit_id = "dddd" }));
        using var services = Services();

        var comparison = await Host(services).CompareAsync("production", "release/3", default);
        var file = await Host(services).ReadFileAsync("production", "Puppetfile", default);

        Assert.Equal(["Pin ntp"], comparison.Commits.Select(c => c.Message));
        Assert.Equal(["Puppetfile", "data/b.yaml"], comparison.ChangedFiles);
        Assert.Equal("mod 'x'\n", file!.Content);
        Assert.Equal("e69de29b", file.BlobId);
    }

    [Fact]
    public async Task Same_content_compares_the_trees_straight()
    {
        _gitlab.Given(Request.Create().WithPath(Base + "/repository/compare").WithParam("from", "uat").UsingGet())
            .RespondWith(Json(new { commits = Array.Empty<object>(), diffs = Array.Empty<object>() }));
        _gitlab.Given(Request.Create().WithPath(Base + "/repository/compare").WithParam("from", "zone01").UsingGet())
            .RespondWith(Json(new { commits = Array.Empty<object>(), diffs = new[] { new { old_path = "Puppetfile", new_path = "Puppetfile", diff = "@@" } } }));
        using var services = Services();

        Assert.True(await Host(services).SameContentAsync("uat", "production", default));
        Assert.False(await Host(services).SameContentAsync("zone01", "production", default));
        Assert.All(_gitlab.LogEntries, e => Assert.Equal("true", e.RequestMessage.Query!["straight"].Single()));
    }

    [Fact]
    public async Task Server_errors_are_retried_and_a_branch_that_is_gone_deletes_quietly()
    {
        Given("DELETE", "/repository/branches/release/9", Json(new { message = "502 Bad Gateway" }, 502), "d", null, "up");
        Given("DELETE", "/repository/branches/release/9", Response.Create().WithStatusCode(204), "d", "up", "gone");
        Given("DELETE", "/repository/branches/release/9", Json(new { message = "404 Branch Not Found" }, 404), "d", "gone");
        using var services = Services();

        await Host(services).DeleteBranchAsync("release/9", default);
        await Host(services).DeleteBranchAsync("release/9", default);

        Assert.Equal(3, Calls("DELETE", "/repository/branches/release/9"));
    }

    [Fact]
    public async Task GitLab_down_is_unavailable_and_the_token_is_not_in_the_error()
    {
        Given("GET", "/repository/commits/uat", Json(new { message = "503 Service Unavailable" }, 503));
        using var services = Services();

        var ex = await Assert.ThrowsAsync<ExternalSystemException>(() => Host(services).ResolveAsync("uat", default));

        Assert.True(ex.Unavailable);
        Assert.Equal("GitLab", ex.System);
        Assert.DoesNotContain(Token, ex.ToString());
        Assert.Equal(3, Calls("GET", "/repository/commits/uat"));
    }
}
