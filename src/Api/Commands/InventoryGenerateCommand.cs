using System.Diagnostics;
using System.Globalization;
using Cmdb.Domain.Inventory.Demo;
using Cmdb.Domain.Inventory.Sync;

namespace Cmdb.Api.Commands;

/// <summary>
/// <c>inventory generate --resources N [--seed S] --out FOLDER</c>: writes a synthetic inventory
/// (<see cref="InventoryGenerator"/>) in the import folder format, streamed, without starting the service.
/// </summary>
public static class InventoryGenerateCommand
{
    public const string Usage = "usage: inventory generate --resources N [--seed S] --out FOLDER";

    public static bool Matches(string[] args) => args is ["inventory", "generate", ..];

    /// <returns>The process exit code: 0 done, 1 the folder could not be written, 2 bad arguments.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var (options, problem) = Parse(args[2..]);
        if (problem is not null)
        {
            await error.WriteLineAsync($"inventory generate: {problem}\n{Usage}");
            return 2;
        }
        var resources = int.Parse(options["resources"], CultureInfo.InvariantCulture);
        var seed = int.Parse(options.GetValueOrDefault("seed", "1"), CultureInfo.InvariantCulture);
        var folder = Path.GetFullPath(options["out"]);
        var clock = Stopwatch.StartNew();
        try
        {
            var written = await InventoryFolderWriter.WriteAsync(new GeneratedInventoryConnector(resources, seed), folder, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {written.ResourceCount:N0} resources and {written.RelationCount:N0} relations (seed {seed}) to {folder} in {clock.Elapsed.TotalSeconds:F1} s."));
            return 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"inventory generate: cannot write {folder}: {exception.Message}");
            return 1;
        }
    }

    private static (Dictionary<string, string> Options, string? Problem) Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
                return (options, $"unexpected argument '{arg}'");
            var (name, value) = arg.IndexOf('=') is var eq and > 0 ? (arg[2..eq], arg[(eq + 1)..]) : (arg[2..], i + 1 < args.Length ? args[++i] : null);
            if (name is not ("resources" or "seed" or "out"))
                return (options, $"unknown option --{name}");
            if (string.IsNullOrWhiteSpace(value))
                return (options, $"--{name} needs a value");
            options[name] = value;
        }
        if (!options.TryGetValue("resources", out var size))
            return (options, "--resources is required");
        if (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < InventoryPlan.MinSize or > InventoryPlan.MaxSize)
            return (options, $"--resources must be a whole number from {InventoryPlan.MinSize} to {InventoryPlan.MaxSize}");
        if (options.TryGetValue("seed", out var seed) && !int.TryParse(seed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            return (options, "--seed must be a whole number");
        if (!options.ContainsKey("out"))
            return (options, "--out is required (the folder to write)");
        return (options, null);
    }
}
