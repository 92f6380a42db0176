using System.Collections.Concurrent;
using System.Diagnostics;

namespace Cmdb.TestSupport;

/// <summary>A real child process (a node of the service) whose output the test can wait on and which it can kill.</summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ChildProcess(Process process, string name)
    {
        _process = process;
        Name = name;
        _process.OutputDataReceived += (_, e) => Capture(e.Data);
        _process.ErrorDataReceived += (_, e) => Capture(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    /// <summary>True once the process has exited and all its output has been captured (output events can trail the exit).</summary>
    public bool HasExited
    {
        get
        {
            if (!_process.HasExited)
                return false;
            _process.WaitForExit(); // waits for the redirected streams to reach their end
            return true;
        }
    }

    /// <summary>Runs <c>dotnet &lt;dll&gt; args</c> in <paramref name="workingDirectory"/>.</summary>
    public static ChildProcess StartDotnet(string name, string dll, IEnumerable<string> arguments, string? workingDirectory = null,
        IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory ?? Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // A child must not inherit the test host's environment name or URLs by accident.
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("ASPNETCORE_URLS");
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start");
        return new ChildProcess(process, name);
    }

    public async Task WaitForOutputAsync(string marker, TimeSpan timeout) =>
        await Eventually.Until(() =>
        {
            if (_process.HasExited && !_output.Any(line => line.Contains(marker, StringComparison.Ordinal)))
                throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before printing '{marker}'.\n{Tail()}");
            return _output.Any(line => line.Contains(marker, StringComparison.Ordinal));
        }, timeout, $"{Name} prints '{marker}'\n{Tail()}");

    /// <summary>SIGKILL: no shutdown code runs, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public string Tail(int lines = 40) => string.Join('\n', _output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Capture(string? line)
    {
        if (line is null)
            return;
        _output.Enqueue(line);
        while (_output.Count > 2000)
            _output.TryDequeue(out _);
    }
}
