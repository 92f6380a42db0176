using Cmdb.Integrations.Git;
using LibGit2Sharp;

namespace Cmdb.Integrations.Tests.Git;

/// <summary>The embedded default's control repository is created once, also when several hosts start at the same moment.</summary>
public sealed class LocalControlRepositoryTests : IDisposable
{
    private readonly string _parent = Directory.CreateTempSubdirectory("cmdb-control-").FullName;

    public void Dispose() => Directory.Delete(_parent, recursive: true);

    [Fact]
    public async Task Hosts_starting_at_once_all_get_the_same_complete_repository()
    {
        var path = Path.Combine(_parent, "data", "control.git");
        using var start = new Barrier(8);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            start.SignalAndWait();
            LocalControlRepository.EnsureCreated(path);
        })));

        using var repo = new Repository(path);
        Assert.True(repo.Info.IsBare);
        Assert.Equal(LocalControlRepository.LongLivedBranches.Order(), repo.Branches.Select(b => b.FriendlyName).Order());
        Assert.Single(repo.Branches.Select(b => b.Tip.Sha).Distinct());
        Assert.Equal([Path.GetFileName(path)], Directory.GetFileSystemEntries(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void An_existing_repository_is_left_as_it_is()
    {
        var path = Path.Combine(_parent, "control.git");
        LocalControlRepository.EnsureCreated(path);
        string tip;
        using (var repo = new Repository(path))
            tip = repo.Branches["production"].Tip.Sha;

        LocalControlRepository.EnsureCreated(path);

        using var again = new Repository(path);
        Assert.Equal(tip, again.Branches["production"].Tip.Sha);
    }
}
