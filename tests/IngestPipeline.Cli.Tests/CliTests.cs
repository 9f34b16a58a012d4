using System.Diagnostics;
using System.Text.Json;
using IngestPipeline.Cli;
using IngestPipeline.Domain.Export;

namespace IngestPipeline.Cli.Tests;

/// <summary>The command line end to end, with real Tesseract and poppler, in its own temporary folder.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("ingest-cli-").FullName;
    private static readonly string Samples = Path.Combine(FindRoot(), "samples");
    private static readonly string CleanPage = Path.Combine(Samples, "scans", "dev02_frus1942China_d42.png");

    [Fact]
    public async Task Ingest_writes_every_output_and_the_pdf_text_layer_holds_the_text()
    {
        var tiff = Path.Combine(_work, "two-pages.tif");
        Run("convert", CleanPage, CleanPage, "-compress", "LZW", tiff);
        var output = Path.Combine(_work, "out");

        Assert.Equal(0, await CliApp.RunAsync(["ingest", CleanPage, tiff, "--out", output, "--parallel", "2"]));

        foreach (var name in new[] { "dev02_frus1942China_d42", "two-pages" })
            foreach (var ext in new[] { ".txt", ".json", ".hocr", ".alto.xml", ".pdf" })
                Assert.True(File.Exists(Path.Combine(output, name + ext)), $"{name}{ext} missing");

        var text = await File.ReadAllTextAsync(Path.Combine(output, "two-pages.txt"));
        Assert.Equal(2, text.Split('\f').Length);
        Assert.Contains("TELEGRAM RECEIVED", text);

        var transcript = JsonExporter.Read(await File.ReadAllTextAsync(Path.Combine(output, "two-pages.json")));
        Assert.Equal([1, 2], transcript.Pages.Select(p => p.Number));

        var pdfText = Run("pdftotext", Path.Combine(output, "two-pages.pdf"), "-");
        Assert.Contains("TELEGRAM RECEIVED", pdfText);
        Assert.Contains("Pages:           2", Run("pdfinfo", Path.Combine(output, "two-pages.pdf")));
        Assert.Empty(Directory.GetDirectories(output)); // page images for the PDF are cleaned up
    }

    [Fact]
    public async Task A_printed_bullet_list_comes_out_with_bullets_and_no_marker()
    {
        var page = Path.Combine(_work, "bullets.png");
        string[] items = ["Scanning of typewritten cables", "Transcription and review by staff", "Publication of the reviewed text"];
        var args = new List<string> { "-size", "2550x900", "xc:white", "-font", "DejaVu-Sans", "-pointsize", "42", "-fill", "black",
            "-annotate", "+200+200", "Services offered by the archive" };
        for (int i = 0; i < items.Length; i++) args.AddRange(["-annotate", $"+260+{300 + 80 * i}", "\u2022  " + items[i]]);
        args.AddRange(["-units", "PixelsPerInch", "-density", "300", page]);
        Run("convert", [.. args]);
        var output = Path.Combine(_work, "out");

        Assert.Equal(0, await CliApp.RunAsync(["ingest", page, "--out", output, "--formats", "txt", "--text-layout", "lines"]));

        var lines = (await File.ReadAllTextAsync(Path.Combine(output, "bullets.txt"))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.DoesNotContain(lines, l => l.Contains("[ILLEGIBLE]"));
        foreach (var item in items) Assert.Contains("\u2022 " + item, lines);
    }

    [Fact]
    public async Task Unreadable_files_fail_alone_with_a_reason_and_the_exit_code_says_so()
    {
        var input = Directory.CreateDirectory(Path.Combine(_work, "in")).FullName;
        File.Copy(CleanPage, Path.Combine(input, "good.png"));
        File.WriteAllBytes(Path.Combine(input, "empty.png"), []);
        File.WriteAllText(Path.Combine(input, "notes.tif"), "not a scan\n");
        File.WriteAllBytes(Path.Combine(input, "cut.png"), File.ReadAllBytes(CleanPage)[..30_000]);
        File.WriteAllText(Path.Combine(input, "nopages.pdf"),
            "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
            "trailer << /Root 1 0 R >>\n%%EOF\n");
        var output = Path.Combine(_work, "out");

        Assert.Equal(1, await CliApp.RunAsync(["ingest", input, "--out", output, "--formats", "txt"]));

        Assert.Contains("TELEGRAM RECEIVED", await File.ReadAllTextAsync(Path.Combine(output, "good.txt")));
        AssertError("empty", "empty.png: the file is empty (0 bytes)");
        AssertError("notes", "notes.tif: the file is not a PNG, JPEG, TIFF or PDF scan (it contains plain text)");
        AssertError("cut", "cut.png: page 1 cannot be decoded");
        AssertError("nopages", "nopages.pdf: ");

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "ingest-summary.json")));
        var totals = summary.RootElement.GetProperty("totals");
        Assert.Equal((5, 4, 1), (totals.GetProperty("files").GetInt32(), totals.GetProperty("failed").GetInt32(), totals.GetProperty("pages").GetInt32()));

        void AssertError(string name, string expected)
        {
            var path = Path.Combine(output, name + ".error.txt");
            Assert.True(File.Exists(path), $"{name}.error.txt missing");
            Assert.StartsWith(expected, File.ReadAllText(path));
            Assert.False(File.Exists(Path.Combine(output, name + ".txt")));
        }
    }

    [Fact]
    public async Task Formats_option_limits_the_outputs_and_rejects_unknown_names()
    {
        var output = Path.Combine(_work, "out");
        Assert.Equal(0, await CliApp.RunAsync(["ingest", CleanPage, "--out", output, "--formats", "txt,alto"]));
        Assert.Equal(
            ["dev02_frus1942China_d42.alto.xml", "dev02_frus1942China_d42.txt", "ingest-summary.json"],
            Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        Assert.Equal(2, await CliApp.RunAsync(["ingest", CleanPage, "--out", output, "--formats", "txt,docx"]));
    }

    [Fact]
    public async Task Eval_scores_transcripts_against_ground_truth()
    {
        var gt = Directory.CreateDirectory(Path.Combine(_work, "gt")).FullName;
        var output = Directory.CreateDirectory(Path.Combine(_work, "out")).FullName;
        File.WriteAllText(Path.Combine(gt, "a.gt.txt"), "FROM W. A. HARRIMAN\nhopes to be able to... [ILLEGIBLE]\n");
        File.WriteAllText(Path.Combine(output, "a.txt"), "FROM W. A. HARRIMAN\nhopes to be able to... [ILLEGIBLE]\n");
        File.WriteAllText(Path.Combine(gt, "b.gt.txt"), "TOP SECRET\n");
        File.WriteAllText(Path.Combine(output, "b.txt"), "TOP SECRFT\n");

        Assert.Equal(0, await CliApp.RunAsync(["eval", "--gt", gt, "--out", output]));

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "eval-summary.json")));
        var overall = summary.RootElement.GetProperty("overall");
        Assert.Equal(1, overall.GetProperty("charEdits").GetInt32());
        Assert.Equal(1.0, overall.GetProperty("spanRecall").GetDouble());
        var pages = summary.RootElement.GetProperty("pages").EnumerateArray().ToList();
        Assert.Equal(0.0, pages[0].GetProperty("cer").GetDouble());
        Assert.Equal(0.1, pages[1].GetProperty("cer").GetDouble(), 3);
    }

    private static string Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["MAGICK_THREAD_LIMIT"] = "1"; // ImageMagick's OpenMP builds have aborted silently on a busy machine
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IngestPipeline.sln"))) return dir.FullName;
        throw new InvalidOperationException("IngestPipeline.sln not found above the test binaries");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
