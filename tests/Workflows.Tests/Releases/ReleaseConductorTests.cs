using Cmdb.Domain.Common;
using Cmdb.Domain.Releases;
using Cmdb.Activities.Releases;
using FluentValidation;

namespace Cmdb.Workflows.Tests.Releases;

/// <summary>Releases and rollbacks on real git repositories, checked with the git CLI.</summary>
public sealed class ReleaseConductorTests : IAsyncLifetime
{
    private ReleaseFixture _f = null!;

    public async Task InitializeAsync() => _f = await ReleaseFixture.StartAsync();

    public async Task DisposeAsync() => await _f.DisposeAsync();

    private async Task ReleaseAllAsync(long ticket, Cmdb.Domain.Tickets.Forms.PuppetReleaseForm form, int stages)
    {
        for (var i = 0; i < stages; i++)
            Assert.Equal(ReleaseStageStatus.Released, (await _f.Conductor.ReleaseNextAsync(ticket, form, "op1", default)).Status);
    }

    [Fact]
    public async Task A_full_release_brings_the_change_to_uat_production_and_every_zone_of_both_batches()
    {
        var form = await _f.PreparedAsync(1);
        var change = _f.GitCli("rev-parse", "release/1").Output;

        await ReleaseAllAsync(1, form, 4);

        foreach (var branch in new[] { "uat", "production", "zone01", "zone02", "zone03" })
        {
            Assert.True(_f.Contains(branch, change), $"{branch} has the change");
            Assert.Contains("store_ntp", _f.Show(branch, "Puppetfile"));
        }
        Assert.False(_f.Contains("zone04", change), "zone04 is in no batch");
        var merges = await _f.MergesAsync(1);
        Assert.Equal(["temp→uat", "uat→production", "production→zone01", "production→zone02", "production→zone03"],
            merges.Select(m => (m.Source.StartsWith("release/") ? "temp" : m.Source) + "→" + m.Target));
        Assert.All(merges, m => Assert.Equal(ReleaseMergeResults.Done, m.Result));
        Assert.Equal(merges[0].Commit, _f.GitCli("rev-parse", "uat").Output);
        Assert.Equal("2", _f.GitCli("rev-list", "--parents", "-n", "1", "production").Output.Split(' ').Length - 1 + "");
    }

    [Fact]
    public async Task A_zone_that_conflicts_fails_its_stage_the_others_keep_their_merge_and_a_retry_after_fixing_finishes_it()
    {
        var form = await _f.PreparedAsync(2);
        await _f.Git.CommitFileAsync("zone02", "Puppetfile", "mod 'zone_special', :local => true\n", "zone02 only", ReleaseFixture.Someone, default);
        await ReleaseAllAsync(2, form, 2);

        var batch = await _f.Conductor.ReleaseNextAsync(2, form, "op1", default);

        Assert.Equal(ReleaseStageStatus.Failed, batch.Status);
        var merges = await _f.MergesAsync(2);
        Assert.Equal(ReleaseMergeResults.Done, merges.Single(m => m.Target == "zone01").Result);
        var conflict = merges.Single(m => m.Target == "zone02");
        Assert.Equal(ReleaseMergeResults.Conflict, conflict.Result);
        Assert.Equal("Puppetfile", conflict.ConflictPaths);
        await Assert.ThrowsAsync<ConflictException>(() => _f.Conductor.ReleaseNextAsync(2, form, "op1", default));

        // Someone resolves it on the zone: the retry merges only zone02.
        await _f.Git.CommitFileAsync("zone02", "Puppetfile", _f.Show("production", "Puppetfile") + "\n", "align zone02", ReleaseFixture.Someone, default);
        var retried = await _f.Conductor.RetryStageAsync(2, "b1", form, "op1", default);

        Assert.Equal(ReleaseStageStatus.Released, retried.Status);
        Assert.Single(await _f.MergesAsync(2), m => m.Target == "zone01");
    }

    [Fact]
    public async Task A_rollback_reverts_every_released_stage_last_first_and_levels_the_branches()
    {
        var form = await _f.PreparedAsync(3);
        var before = _f.GitCli("rev-parse", "production^{tree}").Output;
        await ReleaseAllAsync(3, form, 3);

        var report = await _f.Conductor.RollbackAsync(3, form, "op1", default);

        Assert.Equal("rolled back", report.Outcome);
        Assert.Equal(["b1", "production", "uat"], report.Reverted);
        var reverts = (await _f.MergesAsync(3)).Where(m => m.Action == ReleaseMergeActions.Revert).Select(m => m.Target).ToList();
        Assert.Equal(["zone02", "zone01", "production", "uat"], reverts);
        foreach (var branch in new[] { "uat", "production", "zone01", "zone02" })
            Assert.DoesNotContain("store_ntp", _f.Show(branch, "Puppetfile"));
        Assert.Equal(before, _f.GitCli("rev-parse", "production^{tree}").Output);
        Assert.All(await _f.Conductor.BranchHealthAsync([], default), b => Assert.True(b.Level, $"{b.Branch} level with {b.Upstream}"));
        Assert.All((await _f.StagesAsync(3)).Take(3), s => Assert.Equal(ReleaseStageStatus.RolledBack, s.Status));
        var again = await Assert.ThrowsAsync<ConflictException>(() => _f.Conductor.ReleaseNextAsync(3, form, "op1", default));
        Assert.Contains("never be released again", again.Message);
    }

    [Fact]
    public async Task A_revert_that_conflicts_fails_the_rollback_partly_and_a_retry_resumes_at_it()
    {
        var form = await _f.PreparedAsync(4);
        await ReleaseAllAsync(4, form, 3);
        // Someone changes the same lines on zone01 after the release.
        await _f.Git.CommitFileAsync("zone01", "Puppetfile", "mod 'store_ntp', :local => true\nmod 'hotfix', :local => true\n", "hotfix", ReleaseFixture.Someone, default);

        var report = await _f.Conductor.RollbackAsync(4, form, "op1", default);

        Assert.Equal("wholly failed", report.Outcome);
        Assert.Equal("b1", report.Failed);
        Assert.Contains("Puppetfile", report.Error);
        Assert.Equal(["production", "uat"], report.NotAttempted);
        Assert.Equal(ReleaseStageStatus.RollbackFailed, (await _f.StagesAsync(4))[2].Status);

        await _f.Git.CommitFileAsync("zone01", "Puppetfile", _f.Show("production", "Puppetfile") + "\n", "undo hotfix", ReleaseFixture.Someone, default);
        var resumed = await _f.Conductor.RollbackAsync(4, form, "op1", default);

        Assert.Equal("rolled back", resumed.Outcome);
        var reverts = (await _f.MergesAsync(4)).Where(m => m.Action == ReleaseMergeActions.Revert && ReleaseMergeResults.Succeeded(m.Result)).Select(m => m.Target).ToList();
        Assert.Equal(1, reverts.Count(t => t == "zone02"));
        Assert.Contains("zone01", reverts);
    }

    [Fact]
    public async Task A_partly_failed_rollback_reports_what_was_reverted()
    {
        var form = await _f.PreparedAsync(5);
        await ReleaseAllAsync(5, form, 2);
        await _f.Git.CommitFileAsync("uat", "Puppetfile", "mod 'store_ntp', :local => true\nmod 'uat_only', :local => true\n", "uat edit", ReleaseFixture.Someone, default);

        var report = await _f.Conductor.RollbackAsync(5, form, "op1", default);

        Assert.Equal("partly failed", report.Outcome);
        Assert.Equal(["production"], report.Reverted);
        Assert.Equal("uat", report.Failed);
    }

    [Fact]
    public async Task Production_reverted_while_uat_was_not_refuses_the_next_plan_until_the_branches_are_level()
    {
        var first = await _f.PreparedAsync(6);
        await ReleaseAllAsync(6, first, 2);
        var merge = (await _f.MergesAsync(6)).Single(m => m.Target == "production").Commit!;
        await _f.Git.RevertAsync("production", merge, "manual revert on production only", ReleaseFixture.Someone, default);
        // The first plan's ticket ends (its claims go with it).
        await _f.Db(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ExecuteDeleteAsync(db.ResourceClaims.Where(c => c.TicketId == 6)));

        var next = await _f.PreparedAsync(7, "mod 'store_pos', :local => true\nmod 'store_dns', :local => true\n");
        var health = await _f.Conductor.BranchHealthAsync([], default);
        Assert.False(health.Single(b => b.Branch == "production").Level);
        var refused = await Assert.ThrowsAsync<ConflictException>(() => _f.Conductor.ReleaseNextAsync(7, next, "op1", default));
        Assert.Contains("production is not level with uat", refused.Message);

        await _f.Conductor.LevelAsync(6, "op1", default);
        await ReleaseAllAsync(7, next, 4);
        Assert.Contains("store_dns", _f.Show("zone03", "Puppetfile"));
        Assert.All(await _f.MergesAsync(7), m => Assert.NotEqual(ReleaseMergeResults.Conflict, m.Result));
    }

    [Fact]
    public async Task Only_an_operator_releases_only_inside_the_window_and_one_plan_at_a_time()
    {
        var form = await _f.PreparedAsync(8);
        await Assert.ThrowsAsync<ForbiddenException>(() => _f.Conductor.ReleaseNextAsync(8, form, "intruder", default));
        _f.Time.Now = _f.Time.Now.AddHours(3);
        var late = await Assert.ThrowsAsync<ConflictException>(() => _f.Conductor.ReleaseNextAsync(8, form, "op1", default));
        Assert.Contains("Outside the release window", late.Message);
        _f.Time.Now = _f.Time.Now.AddHours(-3);

        await _f.Conductor.ReleaseNextAsync(8, form, "op1", default);
        var other = await _f.PreparedAsync(9, batches: [("b9", ["zone04"])]);
        var busy = await Assert.ThrowsAsync<ConflictException>(() => _f.Conductor.ReleaseNextAsync(9, other, "op1", default));
        Assert.Contains("Release plan 8 is releasing now", busy.Message);
    }

    [Fact]
    public async Task A_merge_made_before_a_crash_kept_it_from_being_recorded_is_recorded_not_made_again()
    {
        var form = await _f.PreparedAsync(10);
        // The process made the uat merge and died before writing it down.
        await _f.Git.MergeAsync("release/10", "uat", "merge made before the crash", ReleaseFixture.Someone, default);
        var uatHead = _f.GitCli("rev-parse", "uat").Output;

        var stage = await _f.Conductor.ReleaseNextAsync(10, form, "op1", default);

        Assert.Equal(ReleaseStageStatus.Released, stage.Status);
        Assert.Equal(uatHead, _f.GitCli("rev-parse", "uat").Output);
        var record = Assert.Single(await _f.MergesAsync(10));
        Assert.Equal(ReleaseMergeResults.UpToDate, record.Result);
        Assert.Equal(uatHead, record.Commit);
    }

    [Fact]
    public async Task A_change_with_no_commit_or_a_broken_Puppetfile_is_refused()
    {
        var form = _f.Plan(("b1", ["zone01"]));
        await _f.TicketAsync(11);
        await _f.Conductor.PrepareAsync(11, form, default);
        var empty = await Assert.ThrowsAsync<ConflictException>(() => _f.Conductor.CheckChangeAsync(11, default));
        Assert.Contains("no commit beyond its first", empty.Message);

        await _f.Git.CommitFileAsync("release/11", "Puppetfile", "mod 'puppetlabs-stdlib', '9.4.1'\nmod 'puppetlabs-stdlib', '9.4.2'\n", "broken", ReleaseFixture.Someone, default);
        var broken = await Assert.ThrowsAsync<ValidationException>(() => _f.Conductor.CheckChangeAsync(11, default));
        Assert.Contains("duplicate module names", broken.Errors.Single().ErrorMessage);

        await _f.Git.CommitFileAsync("release/11", "Puppetfile", "mod 'puppetlabs-stdlib', '9.4.2'\n", "fixed", ReleaseFixture.Someone, default);
        Assert.True((await _f.Conductor.CheckChangeAsync(11, default)).Valid);
        Assert.True((await _f.Conductor.CheckChangeAsync(11, default)).FromCache);
    }
}
