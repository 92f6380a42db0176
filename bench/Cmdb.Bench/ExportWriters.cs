using System.Diagnostics;
using System.Runtime.InteropServices;
using Cmdb.Api.Inventory.Export;

namespace Cmdb.Bench;

/// <summary>
/// bench/run.sh --mode export [--rows 200000]: the export writers alone (no database, no HTTP):
/// rows × 20 columns of VM-like text per format into a null stream that, like the response,
/// refuses synchronous writes. Reports time and memory growth: the process's peak working set
/// (VmHWM, reset before each format where Linux allows it) over the working set before, and the
/// managed heap's sampled peak over its size before.
/// </summary>
internal static class ExportWriters
{
    private const int Columns = 20;

    private static readonly string[] Headers =
    [
        "名称", "资源ID", "云平台", "账号", "环境", "负责人", "状态", "CPU(核)", "内存(GB)", "操作系统",
        "宿主机", "私网IP", "EIP", "IPv6", "子网", "安全组", "VPC", "U位", "创建时间", "标签",
    ];

    public static async Task RunAsync(int rows)
    {
        await WriteAsync("csv", 2_000, new AsyncNullStream()); // JIT warm-up, not measured
        await WriteAsync("xlsx", 2_000, new AsyncNullStream());
        var results = new List<string>();
        foreach (var format in TableWriters.Formats)
            results.Add(await MeasureAsync(format, rows));

        Console.WriteLine($"## Export writers, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine();
        Console.WriteLine($"Machine: {Report.Cpu()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
                          $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC");
        Console.WriteLine($"Load: {rows:N0} rows × {Columns} columns (VM-like text, Chinese status, ~1 in 4 cells empty → `/`, some quoted or guarded cells) into a null stream that refuses synchronous writes");
        Console.WriteLine();
        Console.WriteLine("| format | rows | time (s) | rows/s | output (MB) | peak working-set growth (MB) | managed heap peak growth (MB) | allocated (MB) |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var line in results)
            Console.WriteLine(line);
    }

    private static async Task<string> MeasureAsync(string format, int rows)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        var hwmReset = ResetPeakWorkingSet();
        process.Refresh();
        var workingSetBefore = process.WorkingSet64;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        long heapPeak = heapBefore, workingSetPeak = workingSetBefore;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            using var self = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                self.Refresh();
                workingSetPeak = Math.Max(workingSetPeak, self.WorkingSet64);
                heapPeak = Math.Max(heapPeak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(10);
            }
        });

        var output = new AsyncNullStream();
        var watch = Stopwatch.StartNew();
        await WriteAsync(format, rows, output);
        watch.Stop();
        await sampling.CancelAsync();
        await sampler;

        process.Refresh();
        // PeakWorkingSet64 is VmHWM: exact when it could be reset, otherwise the sampled peak is the fair figure.
        var peak = hwmReset ? Math.Max(process.PeakWorkingSet64, workingSetPeak) : workingSetPeak;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        return $"| {format} | {rows:N0} | {watch.Elapsed.TotalSeconds:0.00} | {rows / watch.Elapsed.TotalSeconds:N0} | {Mb(output.Bytes)} | " +
               $"{Mb(peak - workingSetBefore)}{(hwmReset ? "" : " (sampled)")} | {Mb(heapPeak - heapBefore)} | {Mb(allocated):N0} |";
    }

    private static async Task WriteAsync(string format, int rows, Stream output)
    {
        var cells = new string?[Columns];
        await using var writer = TableWriters.Create(format, output, sheetName: "虚拟机");
        await writer.WriteHeaderAsync(Headers, CancellationToken.None);
        for (var i = 0; i < rows; i++)
        {
            Fill(cells, i);
            await writer.WriteRowAsync(cells, CancellationToken.None);
        }
        await writer.CompleteAsync(CancellationToken.None);
    }

    /// <summary>One synthetic VM; new strings per row, as rows read from the database would be.</summary>
    private static void Fill(string?[] cells, int i)
    {
        cells[0] = $"vm-prod-app{i % 97:D2}-{i:D7}";
        cells[1] = $"i-{(uint)(i * 2654435761):x8}{i:x6}";
        cells[2] = (i % 4) switch { 0 => "Tencent Cloud", 1 => "AWS", 2 => "office", _ => "未知" };
        cells[3] = $"account-{i % 13:D2}";
        cells[4] = (i % 5) switch { 0 => "prod", 1 => "uat", 2 => "sit", 3 => "dev", _ => "pt" };
        cells[5] = i % 7 == 0 ? null : $"user{i % 211:D3}";
        cells[6] = i % 9 == 0 ? "已关机" : "运行中";
        cells[7] = (2 << (i % 5)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        cells[8] = (4 << (i % 6)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        cells[9] = i % 3 == 0 ? "CentOS 7.9 64位" : "Ubuntu Server 22.04 LTS 64bit";
        cells[10] = i % 4 == 0 ? $"esxi-{i % 331:D3}.dc1.example" : null;
        cells[11] = i % 10 == 0 ? null : $"10.{i >> 16 & 255}.{i >> 8 & 255}.{i & 255}";
        cells[12] = i % 3 == 0 ? $"203.0.113.{i % 254 + 1}" : null;
        cells[13] = i % 5 == 0 ? $"2001:db8::{i:x}" : "";
        cells[14] = $"subnet-{i % 64:D2}";
        cells[15] = i % 2 == 0 ? $"sg-web-{i % 17},sg-base" : $"sg-base";
        cells[16] = $"vpc-{i % 8}";
        cells[17] = i % 11 == 0 ? "-1" : (i % 42).ToString(System.Globalization.CultureInfo.InvariantCulture);
        cells[18] = new DateTime(2024, 1, 1).AddMinutes(i).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        cells[19] = i % 50 == 0 ? "=cmd|' /C calc'!A0" : $"owner=user{i % 211:D3};system=sys{i % 9};module=m{i % 4}";
    }

    /// <summary>Writing 5 to /proc/self/clear_refs resets VmHWM (Linux 4.0+), so each format's peak is its own.</summary>
    private static bool ResetPeakWorkingSet()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string Mb(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Counts bytes and drops them; synchronous writes throw, as the ASP.NET response's do.</summary>
    private sealed class AsyncNullStream : Stream
    {
        public long Bytes { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Bytes += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");
        public override void Flush() => throw new InvalidOperationException("Synchronous operations are disallowed.");
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
