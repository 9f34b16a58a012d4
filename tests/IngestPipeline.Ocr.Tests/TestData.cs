using System.Diagnostics;
using IngestPipeline.Domain.Evaluation;

namespace IngestPipeline.Ocr.Tests;

/// <summary>The repository's sample scans and the tools that derive test inputs from them.</summary>
internal static class TestData
{
    public static string RepositoryRoot { get; } = FindRoot();
    public static string Scans => Path.Combine(RepositoryRoot, "samples", "scans");
    public static string GroundTruth => Path.Combine(RepositoryRoot, "samples", "ground-truth");

    /// <summary>A clean Courier page, a noisy page, a damaged page and the Harriman seed cable.</summary>
    public const string Clean = "dev02_frus1942China_d42";
    public const string Noisy = "dev08_frus1942China_d58";
    public const string Damaged = "dev13_frus1943China_d218";
    public const string Seed = "dev00_seed_harriman_1945-07-03";

    public static string Scan(string name) => Path.Combine(Scans, name + ".png");
    public static string Truth(string name) => File.ReadAllText(Path.Combine(GroundTruth, name + ".gt.txt"));

    /// <summary>CER of a transcript against the page's ground truth, scored as the corpus README defines.</summary>
    public static double Cer(string name, string text) => TranscriptScorer.ScorePage(name, Truth(name), text).Cer;

    public static string NewTempDirectory() => Directory.CreateTempSubdirectory("ingest-tests-").FullName;

    /// <summary>Runs a tool and fails the test with its error output when it fails.</summary>
    public static void Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.Environment["MAGICK_THREAD_LIMIT"] = "1"; // ImageMagick's OpenMP builds have aborted silently on a busy machine
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {stderr}{stdout.Result}");
    }

    /// <summary>ImageMagick, which makes test inputs independently of the code under test.</summary>
    public static string Convert(string outputPath, params string[] args)
    {
        Run("convert", args.Append(outputPath).ToArray());
        return outputPath;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IngestPipeline.sln"))) return dir.FullName;
        throw new InvalidOperationException("IngestPipeline.sln not found above the test binaries");
    }
}
