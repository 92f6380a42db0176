using System.Diagnostics;
using Cmdb.Integrations.Git;

namespace Cmdb.Integrations.Tests.Git;

/// <summary>A fresh bare control repository per test, and the git CLI to check what the code under test wrote.</summary>
public sealed class GitRepositoryFixture : IDisposable
{
    public static readonly GitAuthor Author = new("Release Bot", "release-bot@example.test");

    public GitRepositoryFixture()
    {
        Path = Directory.CreateTempSubdirectory("cmdb-git-").FullName;
        LocalControlRepository.EnsureCreated(Path);
        Host = new LocalGitHost(Path);
    }

    public string Path { get; }
    public LocalGitHost Host { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);

    /// <summary>Runs git against the bare repository and returns its trimmed output; a failure fails the test.</summary>
    public string Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--git-dir=" + Path);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {error}");
        return output.Trim();
    }

    public Task<GitCommit> CommitAsync(string branch, string path, string content, string message = "change") =>
        Host.CommitFileAsync(branch, path, content, message, Author, default);
}
