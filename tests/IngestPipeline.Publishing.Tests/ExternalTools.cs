using System.Diagnostics;
using System.Text;

namespace IngestPipeline.Publishing.Tests;

/// <summary>
/// Runs the real command-line tools (poppler-utils, ImageMagick) that the tests check PDFs with, found by name on PATH,
/// so the PDFs are judged by the same readers people use rather than by our own parser.
/// </summary>
internal static class ExternalTools
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr);

    public static Result Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(Find(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.Environment["MAGICK_THREAD_LIMIT"] = "1"; // ImageMagick's OpenMP builds have aborted silently on a busy machine
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
        // Both pipes are drained at once: a tool blocked on a full stderr pipe would never finish its stdout.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} {string.Join(' ', arguments)} did not finish within a minute.");
        }
        return new Result(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>Runs a tool that must succeed without complaint, and returns what it printed.</summary>
    public static string RunClean(string tool, params string[] arguments)
    {
        var result = Run(tool, arguments);
        Assert.True(result.ExitCode == 0, $"{tool} exited with {result.ExitCode}: {result.StdErr}");
        // Poppler repairs a broken file silently apart from a message on stderr, so silence is part of "valid".
        Assert.True(result.StdErr.Length == 0, $"{tool} complained: {result.StdErr}");
        return result.StdOut;
    }

    /// <summary>A flat JPEG made by ImageMagick: 1 component when <paramref name="gray"/>, otherwise 3.</summary>
    public static byte[] MakeJpeg(string directory, int width, int height, bool gray, string color = "white") =>
        Convert(directory, "-size", $"{width}x{height}", $"xc:{color}", "-depth", "8",
            gray ? "-colorspace" : "-type", gray ? "Gray" : "TrueColor");

    /// <summary>Runs ImageMagick's convert with these arguments and returns the JPEG it writes.</summary>
    public static byte[] Convert(string directory, params string[] arguments)
    {
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}.jpg");
        RunClean("convert", [.. arguments, path]);
        return File.ReadAllBytes(path);
    }

    private static string Find(string tool)
    {
        var directories = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return directories.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"'{tool}' is not on PATH; these tests need poppler-utils (pdfinfo, pdftotext, pdfimages, pdftoppm) and ImageMagick (convert).");
    }
}
