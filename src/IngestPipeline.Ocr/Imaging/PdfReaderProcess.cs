using System.Diagnostics;
using System.Text.Json;

namespace IngestPipeline.Ocr.Imaging;

/// <summary>
/// A PDF read in a child process (<see cref="PdfReaderChild"/>): PdfPig parses whatever the file holds, inflating its
/// streams as it goes, and a few kilobytes of filter chain can ask for gigabytes. The child's managed heap is capped
/// (<c>DOTNET_GCHeapHardLimit</c>, so such a stream ends in an out-of-memory answer), and its resident memory is watched
/// and the process killed past <see cref="ScanLimits.ReaderMemoryBytes"/> (native memory included); a request that
/// runs past its time kills it too. Either way the request fails with the bound, and the next one starts a new child.
/// </summary>
internal sealed class PdfReaderProcess : IDisposable
{
    /// <summary>The reader's program, built beside every host that opens scans: its launcher, and its assembly for <c>dotnet</c>.</summary>
    private const string Launcher = "ingestpipeline-scanreader", Assembly = Launcher + ".dll";

    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(20);

    private readonly string _pdf;
    private readonly string _folder;
    private readonly string _name;
    private readonly ScanLimits _limits;
    private Process? _process;
    private volatile string? _killedFor;

    public PdfReaderProcess(string pdf, string folder, string name, ScanLimits limits)
    {
        (_pdf, _folder, _name, _limits) = (pdf, folder, name, limits);
    }

    /// <summary>The child's answer to starting (on the first request) and to <paramref name="request"/>; null asks nothing more than the start.</summary>
    /// <exception cref="UnreadableScanException">The child died or was killed (memory, time): the message says which bound.</exception>
    public JsonElement Ask(string? request, string what)
    {
        if (_process is null)
        {
            Start();
            var greeting = Read(what);
            if (request is null) return greeting;
        }
        if (request is null) throw new InvalidOperationException("The reader has started already.");
        try
        {
            _process!.StandardInput.WriteLine(request);
            _process.StandardInput.Flush();
        }
        catch (IOException)
        {
            throw Died(_process!, what); // it was killed while it waited for this
        }
        return Read(what);
    }

    private void Start()
    {
        var start = Program();
        foreach (var argument in new[] { _pdf, _folder, _name, JsonSerializer.Serialize(_limits) }) start.ArgumentList.Add(argument);
        start.RedirectStandardInput = start.RedirectStandardOutput = start.RedirectStandardError = true;
        start.UseShellExecute = false;
        // Half the bound for the managed heap: what PdfPig inflates lives there; the rest is the runtime and native decoders.
        start.Environment["DOTNET_GCHeapHardLimit"] = $"0x{_limits.ReaderMemoryBytes / 2:X}";
        start.Environment["DOTNET_gcServer"] = "0";
        _killedFor = null;
        _process = Process.Start(start) ?? throw new InvalidOperationException("The PDF reader did not start.");
        _process.ErrorDataReceived += (_, _) => { }; // drained, so a chatty child never blocks on a full pipe
        _process.BeginErrorReadLine();
        var process = _process;
        _ = Task.Run(() => WatchAsync(process));
    }

    private JsonElement Read(string what)
    {
        var process = _process!;
        var line = process.StandardOutput.ReadLineAsync();
        // The reading of a page may include poppler drawing it; anything past that is a parser that does not end.
        var allowed = _limits.RasterizeTimeout + TimeSpan.FromSeconds(30);
        if (!line.Wait(allowed))
        {
            Kill(process, $"took longer than {allowed.TotalSeconds:0} s");
        }
        var text = line.IsCompletedSuccessfully ? line.Result : null;
        if (text is null) throw Died(process, what);
        var reply = JsonDocument.Parse(text).RootElement.Clone();
        if (reply.TryGetProperty("memory", out _)) throw Died(process, what);
        return reply;
    }

    private UnreadableScanException Died(Process process, string what)
    {
        process.WaitForExit(TimeSpan.FromSeconds(5));
        var reason = _killedFor ?? (process.HasExited && process.ExitCode == 3 ? MemoryReason()
            : $"stopped the reader (exit code {(process.HasExited ? process.ExitCode : -1)}; it may take {_limits.ReaderMemoryBytes / (1024 * 1024)} MB)");
        Stop();
        return new UnreadableScanException(_name, $"{what} {reason}; the file may be built to exhaust its reader");
    }

    private string MemoryReason() => $"needs more than the reader's {_limits.ReaderMemoryBytes / (1024 * 1024)} MB of memory";

    /// <summary>Kills the child when its resident memory passes the bound (native memory, which the heap limit does not see).</summary>
    private async Task WatchAsync(Process process)
    {
        var status = $"/proc/{process.Id}/status";
        while (!process.HasExited)
        {
            if (OperatingSystem.IsLinux() && ResidentBytes(status) > _limits.ReaderMemoryBytes)
            {
                Kill(process, MemoryReason());
                return;
            }
            await Task.Delay(WatchInterval);
        }
    }

    private static long ResidentBytes(string status)
    {
        try
        {
            foreach (var line in File.ReadLines(status))
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim()) * 1024;
        }
        catch (IOException)
        {
            // The process ended between two looks.
        }
        return 0;
    }

    private void Kill(Process process, string reason)
    {
        _killedFor ??= reason;
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    /// <summary>
    /// The reader on the runtime this process runs on: its assembly on the same dotnet host when this process was started
    /// by one, else its launcher (a self-contained deployment has no dotnet host: the launcher runs on the runtime
    /// published beside it; otherwise it is pointed at this process's runtime).
    /// </summary>
    private static ProcessStartInfo Program()
    {
        var assembly = Path.Combine(AppContext.BaseDirectory, Assembly);
        var launcher = Path.Combine(AppContext.BaseDirectory, Launcher);
        var host = Environment.ProcessPath;
        if (Path.GetFileNameWithoutExtension(host) == "dotnet" && File.Exists(assembly)) return new ProcessStartInfo(host!) { ArgumentList = { assembly } };
        if (File.Exists(launcher))
        {
            var start = new ProcessStartInfo(launcher);
            bool selfContained = File.Exists(Path.Combine(AppContext.BaseDirectory, "libcoreclr.so"));
            // RuntimeEnvironment's directory is ROOT/shared/Microsoft.NETCore.App/VERSION/.
            var root = Path.GetFullPath(Path.Combine(System.Runtime.InteropServices.RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
            if (!selfContained && Environment.GetEnvironmentVariable("DOTNET_ROOT") is null) start.Environment["DOTNET_ROOT"] = root;
            return start;
        }
        if (!File.Exists(assembly))
            throw new InvalidOperationException($"The PDF reader {assembly} is not installed beside the application; build or publish it with the host.");
        return new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } sdkHost ? sdkHost : "dotnet") { ArgumentList = { assembly } };
    }

    private void Stop()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(TimeSpan.FromSeconds(2))) _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            // Gone already.
        }
        _process.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();
}
