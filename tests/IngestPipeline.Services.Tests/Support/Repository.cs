using System.Diagnostics;

namespace IngestPipeline.Services.Tests.Support;

/// <summary>Paths in the repository and the tools the tests drive.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();
    public static string Scans => Path.Combine(Root, "samples", "scans");
    public static string WebHost => Path.Combine(Root, "src", "IngestPipeline.Web", "bin", Configuration, "net10.0", "ingestpipeline-web");
    public static string WorkerHost => Path.Combine(Root, "src", "IngestPipeline.Worker", "bin", Configuration, "net10.0", "ingestpipeline-worker");
    public static string CommandLine => Path.Combine(Root, "src", "IngestPipeline.Cli", "bin", Configuration, "net10.0", "ingestpipeline");

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    /// <summary>A folder of its own for a test, inside this run's folder, which goes when the run ends.</summary>
    public static string NewTempDirectory() => Directory.CreateDirectory(Path.Combine(RunFolder.Value, Guid.NewGuid().ToString("N")[..12])).FullName;

    /// <summary>
    /// The run's temporary folder (pages, databases, blobs and screenshots of its hosts: tens of megabytes a test),
    /// deleted when the test process exits; folders left by runs that were killed are deleted when the next run starts.
    /// </summary>
    private static readonly Lazy<string> RunFolder = new(() =>
    {
        const string Prefix = "ingest-services-tests-run-";
        foreach (var stale in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
            if (int.TryParse(Path.GetFileName(stale)[Prefix.Length..], out int pid) && !IsRunning(pid)) TryDelete(stale);
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), Prefix + Environment.ProcessId)).FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(folder);
        return folder;
    });

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A host still writing: the next run deletes it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Runs a command to completion and fails with its output when it fails. A tool killed by a signal (exit code
    /// above 128) is run once more: the tests' inputs are made by ImageMagick, whose OpenMP builds have been seen to
    /// abort silently on a busy machine; a second crash fails the test. ImageMagick runs on one thread for the same
    /// reason (MAGICK_THREAD_LIMIT).
    /// </summary>
    public static string Run(string tool, params string[] args)
    {
        var (exitCode, stdout, stderr) = RunOnce(tool, args);
        if (exitCode > 128) (exitCode, stdout, stderr) = RunOnce(tool, args);
        if (exitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({exitCode}): {stderr}{stdout}");
        return stdout;
    }

    private static (int ExitCode, string StdOut, string StdErr) RunOnce(string tool, string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Root };
        start.Environment["MAGICK_THREAD_LIMIT"] = "1";
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IngestPipeline.sln"))) return dir.FullName;
        throw new InvalidOperationException("IngestPipeline.sln not found above the test binaries");
    }
}
