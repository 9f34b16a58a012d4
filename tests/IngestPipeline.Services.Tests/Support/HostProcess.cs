using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IngestPipeline.Services.Tests.Support;

/// <summary>A web or worker host running as a real process, its output kept in a log file for the failure message.</summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;

    private HostProcess(string executable, IReadOnlyDictionary<string, string> environment, string logFile)
    {
        LogFile = logFile;
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(executable)! };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["Logging__LogLevel__Default"] = "Information";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start");
        var log = new StreamWriter(logFile) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string LogFile { get; }
    /// <summary>
    /// Whether the process has ended. Once it has, its output is all in the log: the redirected output is read on
    /// other threads and may still be arriving after the exit, until the parameterless wait has drained it.
    /// </summary>
    public bool HasExited
    {
        get
        {
            if (!_process.HasExited) return false;
            _process.WaitForExit();
            return true;
        }
    }
    public int Id => _process.Id;

    /// <summary>VmHWM: the most resident memory the process has had since it started (0 once it has ended).</summary>
    public long PeakResidentBytes => Status("VmHWM:");

    /// <summary>VmRSS: the process's resident memory now (0 once it has ended).</summary>
    public long ResidentBytes => Status("VmRSS:");

    private long Status(string field)
    {
        try
        {
            return long.Parse(File.ReadLines($"/proc/{Id}/status").Single(l => l.StartsWith(field)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>A worker; with <paramref name="listen"/>, on a free port of its own (<see cref="Address"/>) for /metrics and /health.</summary>
    public static HostProcess Worker(IReadOnlyDictionary<string, string> environment, string logFile, bool listen = false)
    {
        if (!listen) return new(Repository.WorkerHost, environment, logFile);
        var address = new Uri($"http://127.0.0.1:{FreePort()}/");
        var settings = new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = address.ToString() };
        return new(Repository.WorkerHost, settings, logFile) { Address = address };
    }

    /// <summary>Where the host answers HTTP, when the test chose it.</summary>
    public Uri? Address { get; private init; }

    /// <summary>Starts the web host on a free port and waits until /health/ready answers.</summary>
    public static async Task<(HostProcess Host, Uri Address)> WebAsync(IReadOnlyDictionary<string, string> environment, string logFile)
    {
        int port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var settings = new Dictionary<string, string>(TestAccounts.Settings()) { ["ASPNETCORE_URLS"] = address.ToString() };
        foreach (var (key, value) in environment) settings[key] = value;
        var host = new HostProcess(Repository.WebHost, settings, logFile);
        using var client = new HttpClient { BaseAddress = address };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (host.HasExited) throw new InvalidOperationException($"The web host exited: {host.Log()}");
            try
            {
                if ((await client.GetAsync("health/ready")).IsSuccessStatusCode) return (host, address);
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(250);
        }
        host.Dispose();
        throw new TimeoutException($"The web host was not ready within 60 s: {host.Log()}");
    }

    /// <summary>kill -9: no shutdown, no acknowledgement of the messages in hand.</summary>
    public void KillHard()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public string Log()
    {
        try
        {
            using var reader = new StreamReader(new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            var text = reader.ReadToEnd();
            return text.Length > 6000 ? text[^6000..] : text;
        }
        catch (IOException e)
        {
            return $"(log unreadable: {e.Message})";
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
