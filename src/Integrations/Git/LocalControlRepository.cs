using LibGit2Sharp;

namespace Cmdb.Integrations.Git;

/// <summary>
/// Creates the embedded default's Puppet control repository on first use: a bare repository
/// with <c>production</c>, <c>uat</c> and <c>zone01</c>–<c>zone04</c> at one commit holding a sample
/// <c>Puppetfile</c> (synthetic modules). An existing repository is left as it is.
/// </summary>
public static class LocalControlRepository
{
    public static readonly IReadOnlyList<string> LongLivedBranches = ["production", "uat", "zone01", "zone02", "zone03", "zone04"];

    public const string SamplePuppetfile = """
        # Sample control repository of the embedded default (synthetic modules, no network needed).
        forge 'https://forge.puppet.com'

        mod 'puppetlabs-stdlib', '9.4.1'
        mod 'puppetlabs-ntp', '10.1.0'

        mod 'store_pos',
          :local => true

        mod 'store_edge',
          :local => true
        """;

    /// <summary>
    /// Builds the repository in a sibling folder and moves it into place, so two processes (or two
    /// hosts in one test run) starting at once never see, or trip over, a half-made repository.
    /// </summary>
    public static void EnsureCreated(string path)
    {
        path = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (Repository.IsValid(path))
            return;
        var staging = $"{path}.{Guid.NewGuid():N}.creating";
        try
        {
            CreateAt(staging);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            RemoveIfEmpty(path);
            Directory.Move(staging, path);
        }
        catch (IOException) when (Repository.IsValid(path))
        {
            // Another starter won the race; its repository is the one to use.
        }
        finally
        {
            if (Directory.Exists(staging))
                DeleteDirectory(staging);
        }
    }

    private static void CreateAt(string path)
    {
        Repository.Init(path, isBare: true);
        using var repo = new Repository(path);
        var blob = repo.ObjectDatabase.CreateBlob(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(SamplePuppetfile + "\n")));
        var definition = new TreeDefinition().Add("Puppetfile", blob, Mode.NonExecutableFile);
        var tree = repo.ObjectDatabase.CreateTree(definition);
        var signature = new Signature("Cmdb", "cmdb@example.test", DateTimeOffset.UtcNow);
        var commit = repo.ObjectDatabase.CreateCommit(signature, signature, "Initial control repository", tree, [], prettifyMessage: true);
        foreach (var branch in LongLivedBranches)
            repo.Branches.Add(branch, commit);
        repo.Refs.UpdateTarget("HEAD", "refs/heads/production");
    }

    /// <summary>An empty folder made for the repository (e.g. a fresh temp folder) is taken over.</summary>
    private static void RemoveIfEmpty(string path)
    {
        if (Directory.Exists(path) && !Directory.EnumerateFileSystemEntries(path).Any())
            Directory.Delete(path);
    }

    private static void DeleteDirectory(string path)
    {
        // git marks pack and object files read-only.
        foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
            File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(path, recursive: true);
    }
}
