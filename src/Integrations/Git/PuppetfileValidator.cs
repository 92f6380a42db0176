using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Cmdb.Domain.Common;

namespace Cmdb.Integrations.Git;

/// <summary>What r10k said of a Puppetfile.</summary>
public sealed record PuppetfileCheck(bool Valid, string Message, bool FromCache);

/// <summary>
/// Checks a Puppetfile with <c>r10k puppetfile check</c> (Debian package r10k) in a temporary
/// folder, offline. A blob (by its git blob id) that passed is not checked again. r10k reports
/// errors on stderr with exit 1 and some mistakes only as warnings: a WARN also fails the check.
/// </summary>
public sealed class PuppetfileValidator(string r10kPath = "r10k", TimeSpan? timeout = null)
{
    private readonly ConcurrentDictionary<string, PuppetfileCheck> _passed = new(StringComparer.Ordinal);
    private readonly TimeSpan _timeout = timeout ?? TimeSpan.FromSeconds(30);

    public async Task<PuppetfileCheck> CheckAsync(string content, CancellationToken cancellationToken)
    {
        var blobId = GitBlobId(content);
        if (_passed.TryGetValue(blobId, out var known))
            return known with { FromCache = true };

        var folder = Directory.CreateTempSubdirectory("cmdb-r10k-").FullName;
        try
        {
            var path = Path.Combine(folder, "Puppetfile");
            await File.WriteAllTextAsync(path, content, cancellationToken);
            var (exitCode, output) = await RunAsync(folder, path, cancellationToken);
            var message = output.Replace(folder, ".", StringComparison.Ordinal).Trim();
            var valid = exitCode == 0 && !message.Contains("WARN", StringComparison.Ordinal);
            var check = new PuppetfileCheck(valid, message.Length > 0 ? message : valid ? "Syntax OK" : $"r10k exited with {exitCode}", false);
            if (valid)
                _passed[blobId] = check;
            return check;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The id git gives this content as a blob: <c>sha1("blob {length}\0{content}")</c>.</summary>
    public static string GitBlobId(string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        var header = Encoding.ASCII.GetBytes($"blob {bytes.Length}\0");
        return Convert.ToHexString(SHA1.HashData([.. header, .. bytes])).ToLowerInvariant();
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string folder, string path, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(r10kPath) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "puppetfile", "check", "--puppetfile", path })
            start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("r10k did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new ExternalSystemException("r10k", $"r10k cannot be run ({ex.Message}): install it (apt-get install -y r10k)", unavailable: true, ex);
        }
        using (process)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(deadline.Token);
            var stderr = process.StandardError.ReadToEndAsync(deadline.Token);
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                process.Kill(entireProcessTree: true);
                throw new ExternalSystemException("r10k", $"r10k puppetfile check did not finish within {_timeout.TotalSeconds:0} s", unavailable: true);
            }
            return (process.ExitCode, (await stderr + "\n" + await stdout).Trim());
        }
    }
}
