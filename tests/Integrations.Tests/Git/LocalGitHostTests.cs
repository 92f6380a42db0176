using Cmdb.Integrations.Git;

namespace Cmdb.Integrations.Tests.Git;

/// <summary>The local git host on real bare repositories, results checked with the git CLI.</summary>
public sealed class LocalGitHostTests : IDisposable
{
    private readonly GitRepositoryFixture _repo = new();

    public void Dispose() => _repo.Dispose();

    private IGitHost Host => _repo.Host;

    [Fact]
    public void A_new_control_repository_has_the_long_lived_branches_at_one_commit_with_a_Puppetfile()
    {
        var branches = _repo.Git("for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads").Split('\n');
        Assert.Equal(["production", "uat", "zone01", "zone02", "zone03", "zone04"], branches.Select(b => b.Split(' ')[0]).Order());
        Assert.Single(branches.Select(b => b.Split(' ')[1]).Distinct());
        Assert.Contains("mod 'store_pos'", _repo.Git("show", "production:Puppetfile"));
    }

    [Fact]
    public async Task Creating_a_branch_that_exists_keeps_it()
    {
        var first = await Host.CreateBranchAsync("release/1", "production", default);
        await _repo.CommitAsync("release/1", "Puppetfile", "mod 'x', :local => true\n");
        var second = await Host.CreateBranchAsync("release/1", "production", default);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(_repo.Git("rev-parse", "release/1"), second.Commit);
    }

    [Fact]
    public async Task A_file_commit_shows_in_git_and_the_same_content_again_commits_nothing()
    {
        await Host.CreateBranchAsync("release/2", "production", default);
        var commit = await _repo.CommitAsync("release/2", "data/common.yaml", "ntp::servers: [10.0.0.1]\n", "Set NTP servers");
        var again = await _repo.CommitAsync("release/2", "data/common.yaml", "ntp::servers: [10.0.0.1]\n");

        Assert.Equal(commit.Id, again.Id);
        Assert.Equal(commit.Id, _repo.Git("rev-parse", "release/2"));
        Assert.Equal("ntp::servers: [10.0.0.1]", _repo.Git("show", "release/2:data/common.yaml"));
        Assert.Equal("Set NTP servers", _repo.Git("log", "-1", "--format=%s", "release/2"));
        Assert.Equal("ntp::servers: [10.0.0.1]\n", (await Host.ReadFileAsync("release/2", "data/common.yaml", default))!.Content);
        Assert.Null(await Host.ReadFileAsync("production", "data/common.yaml", default));
    }

    [Fact]
    public async Task A_merge_is_a_merge_commit_with_two_parents_even_when_it_could_fast_forward()
    {
        await Host.CreateBranchAsync("release/3", "production", default);
        var change = await _repo.CommitAsync("release/3", "data/a.yaml", "a: 1\n");

        var merged = await Host.MergeAsync("release/3", "uat", "Merge release/3 into uat", GitRepositoryFixture.Author, default);

        Assert.Equal(GitMergeOutcome.Done, merged.Outcome);
        Assert.Equal(merged.Commit!.Id, _repo.Git("rev-parse", "uat"));
        Assert.Equal(2, _repo.Git("rev-list", "--parents", "-n", "1", "uat").Split(' ').Length - 1);
        _repo.Git("merge-base", "--is-ancestor", change.Id, "uat");
        Assert.Equal("a: 1", _repo.Git("show", "uat:data/a.yaml"));
        Assert.Equal(GitMergeOutcome.UpToDate, (await Host.MergeAsync("release/3", "uat", "again", GitRepositoryFixture.Author, default)).Outcome);
    }

    [Fact]
    public async Task A_conflict_is_reported_with_its_paths_and_nothing_is_written()
    {
        await Host.CreateBranchAsync("release/4", "production", default);
        await _repo.CommitAsync("release/4", "Puppetfile", "mod 'a', :local => true\n");
        await _repo.CommitAsync("zone01", "Puppetfile", "mod 'b', :local => true\n");
        var zoneHead = _repo.Git("rev-parse", "zone01");

        var check = await Host.CheckMergeAsync("release/4", "zone01", default);
        var merge = await Host.MergeAsync("release/4", "zone01", "Merge", GitRepositoryFixture.Author, default);

        Assert.Equal(GitMergeOutcome.Conflict, check.Outcome);
        Assert.Equal(["Puppetfile"], check.ConflictingPaths);
        Assert.Equal(GitMergeOutcome.Conflict, merge.Outcome);
        Assert.Equal(["Puppetfile"], merge.ConflictingPaths);
        Assert.Equal(zoneHead, _repo.Git("rev-parse", "zone01"));
    }

    [Fact]
    public async Task Reverting_a_merge_restores_the_target_as_it_was_before_it()
    {
        var before = _repo.Git("rev-parse", "uat^{tree}");
        await Host.CreateBranchAsync("release/5", "production", default);
        await _repo.CommitAsync("release/5", "data/b.yaml", "b: 2\n");
        var merged = await Host.MergeAsync("release/5", "uat", "Merge", GitRepositoryFixture.Author, default);

        var reverted = await Host.RevertAsync("uat", merged.Commit!.Id, $"Revert {merged.Commit.Id}", GitRepositoryFixture.Author, default);

        Assert.Equal(GitMergeOutcome.Done, reverted.Outcome);
        Assert.Equal(before, _repo.Git("rev-parse", "uat^{tree}"));
        Assert.Equal(merged.Commit.Id, _repo.Git("rev-parse", "uat^"));
    }

    [Fact]
    public async Task A_revert_that_conflicts_with_a_later_change_is_reported_and_nothing_is_written()
    {
        await Host.CreateBranchAsync("release/6", "production", default);
        await _repo.CommitAsync("release/6", "Puppetfile", "mod 'c', :local => true\n");
        var merged = await Host.MergeAsync("release/6", "zone02", "Merge", GitRepositoryFixture.Author, default);
        await _repo.CommitAsync("zone02", "Puppetfile", "mod 'c', :local => true\nmod 'd', :local => true\n", "Someone changed the same lines");
        var head = _repo.Git("rev-parse", "zone02");

        var reverted = await Host.RevertAsync("zone02", merged.Commit!.Id, "Revert", GitRepositoryFixture.Author, default);

        Assert.Equal(GitMergeOutcome.Conflict, reverted.Outcome);
        Assert.Equal(["Puppetfile"], reverted.ConflictingPaths);
        Assert.Equal(head, _repo.Git("rev-parse", "zone02"));
    }

    [Fact]
    public async Task Ancestry_and_comparison_match_git()
    {
        await Host.CreateBranchAsync("release/7", "production", default);
        var one = await _repo.CommitAsync("release/7", "x.yaml", "x: 1\n", "one");
        var two = await _repo.CommitAsync("release/7", "y.yaml", "y: 1\n", "two");

        Assert.True(await Host.IsAncestorAsync("production", "release/7", default));
        Assert.False(await Host.IsAncestorAsync("release/7", "production", default));
        var comparison = await Host.CompareAsync("production", "release/7", default);
        Assert.Equal([one.Id, two.Id], comparison.Commits.Select(c => c.Id));
        Assert.Equal(["x.yaml", "y.yaml"], comparison.ChangedFiles);
        Assert.Equal(_repo.Git("rev-list", "--reverse", "production..release/7").Split('\n'), comparison.Commits.Select(c => c.Id));
    }

    [Fact]
    public async Task A_missing_ref_is_an_error_naming_it_and_deleting_a_missing_branch_is_harmless()
    {
        var ex = await Assert.ThrowsAsync<GitReferenceNotFoundException>(() => Host.MergeAsync("nope", "uat", "m", GitRepositoryFixture.Author, default));
        Assert.Equal("nope", ex.Reference);
        Assert.Null(await Host.ResolveAsync("nope", default));
        await Host.CreateBranchAsync("release/8", "production", default);
        await Host.DeleteBranchAsync("release/8", default);
        await Host.DeleteBranchAsync("release/8", default);
        Assert.DoesNotContain("release/8", await Host.BranchesAsync(default));
    }
}
