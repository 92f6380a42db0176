namespace Cmdb.TestSupport;

/// <summary>Finds the build output of another project of this repository, in the same configuration as the running tests.</summary>
public static class BuildOutput
{
    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Cmdb.sln")))
                dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Cmdb.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>e.g. <c>Dll("tests/Workflows.EngineHost", "Cmdb.Workflows.EngineHost")</c>.</summary>
    public static string Dll(string projectFolder, string assemblyName)
    {
        // .../bin/<Configuration>/<tfm>/ of the running test assembly
        var tfmDir = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfmDir.Parent!.Name;
        var path = Path.Combine(RepositoryRoot, projectFolder, "bin", configuration, tfmDir.Name, assemblyName + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {projectFolder} in {configuration} first.", path);
    }
}
