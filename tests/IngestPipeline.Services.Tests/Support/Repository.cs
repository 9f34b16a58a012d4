using System.Diagnostics;

namespace IngestPipeline.Services.Tests.Support;

/// <summary>Paths in the repository and the tools the tests drive.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();
    public static string Scans => Path.Combine(Root, "samples", "scans");
    public static string WebHost => Path.Combine(Root, "src", "IngestPipeline.Web", "bin", Configuration, "net10.0", "ingestpipeline-web");
    public static string WorkerHost => Path.Combine(Root, "src", "IngestPipeline.Worker", "bin", Configuration, "net10.0", "ingestpipeline-worker");

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string NewTempDirectory() => Directory.CreateTempSubdirectory("ingest-services-tests-").FullName;

    /// <summary>Runs a command to completion and fails with its output when it fails.</summary>
    public static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = Root };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({process.ExitCode}): {stderr}{stdout.Result}");
        return stdout.Result;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IngestPipeline.sln"))) return dir.FullName;
        throw new InvalidOperationException("IngestPipeline.sln not found above the test binaries");
    }
}
