using System.CommandLine;
using System.Diagnostics;
using IngestPipeline.Cli.Ingest;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Ocr.Imaging;
using IngestPipeline.Ocr.Languages;
using IngestPipeline.Ocr.Lexicon;
using IngestPipeline.Ocr.Recognition;
using Spectre.Console;

namespace IngestPipeline.Cli;

/// <summary><c>ingest INPUT... --out DIR [--lang LANGS] [--parallel N] [--formats ...]</c></summary>
public static class IngestCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "Scan files or folders of scans (PNG, JPEG, TIFF, PDF)", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out", "-o") { Description = "Folder for the results", Required = true };
        var parallel = new Option<int>("--parallel", "-p") { Description = "Pages recognised at once (one engine each)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var formats = new Option<string>("--formats", "-f") { Description = "Outputs to write: txt,json,hocr,alto,tei,pdf or all", DefaultValueFactory = _ => "all" };
        var psm = new Option<int?>("--psm") { Description = "Tesseract page segmentation mode (default 3)" };
        var noOrientation = new Option<bool>("--no-orientation") { Description = "Skip orientation detection" };
        var noDeskew = new Option<bool>("--no-deskew") { Description = "Skip deskewing" };
        var minDeskew = new Option<float>("--min-deskew") { Description = "Leave a skew under this many degrees to the engine", DefaultValueFactory = _ => new OcrOptions().MinDeskewAngle };
        var noGapReread = new Option<bool>("--no-gap-reread") { Description = "Do not re-read, contrast stretched, the stretches of lines where words are missing" };
        var allStretches = new Option<bool>("--all-stretches") { Description = "Also measure the stretches only a learned decision trained on them weighs (lost lines), and read again every stretch, blank ones too (header gaps, late line starts, short lines): training evidence; 14 % slower" };
        var keepDarkRegions = new Option<bool>("--keep-dark-regions") { Description = "Let the engine see blots and tears as scanned, instead of whitened for layout analysis" };
        var noReread = new Option<bool>("--no-reread") { Description = "Do not re-read, each alone and contrast stretched, the doubtful words on damaged ink" };
        var maxMegapixels = new Option<double>("--max-megapixels") { Description = "Refuse pages larger than this", DefaultValueFactory = _ => ScanLimits.Default.MaxPixelsPerPage / 1e6 };
        var speckSize = new Option<int>("--speck-size") { Description = "Whiten specks up to this many pixels (at 300 dpi) before recognition; 0 keeps them", DefaultValueFactory = _ => new OcrOptions().SpeckSizeAt300Dpi };
        var speckReach = new Option<double>("--speck-reach") { Description = "Keep specks this many glyph heights from a letter (punctuation); 0 removes every speck", DefaultValueFactory = _ => new OcrOptions().SpeckReach };
        var specks = new Option<string>("--specks") { Description = "auto: the page decides whether its specks are dirt or punctuation; remove; keep", DefaultValueFactory = _ => "auto" };
        var megapixelsAtOnce = new Option<double>("--megapixels-at-once") { Description = "Most megapixels recognised at once (a larger page runs alone): memory grows with pixels", DefaultValueFactory = _ => new OcrOptions().MaxPixelsAtOnce / 1e6 };
        var variables = new Option<string[]>("--tesseract-variable", "-c") { Description = "Set a Tesseract variable on every engine: NAME=VALUE (repeatable)" };
        var raw = new Option<bool>("--raw") { Description = "Write the raw OCR: no [ILLEGIBLE] markers, no cleanup" };
        var lexicons = new Option<string[]>("--lexicon") { Description = "A word list of the collection's names and places, added to the lexicon (repeatable)" };
        var layout = new Option<TextLayout>("--text-layout") { Description = "NAME.txt as running paragraphs (headers kept as lines) or one line per typed line", DefaultValueFactory = _ => TextLayout.Paragraphs };
        var language = new Option<string>("--lang", "-l") { Description = "Tesseract languages of the pages, e.g. eng, fra or eng+fra; the cleanup's word lists follow them", DefaultValueFactory = _ => OcrLanguages.Default };
        var engines = new Option<string>("--engines") { Description = "both: Tesseract and PP-OCR, combined word by word; tesseract: Tesseract alone (half the time)", DefaultValueFactory = _ => "both" };
        var secondReading = new Option<string>("--second-reading") { Description = "With --engines both, what PP-OCR reads: stretches (the words Tesseract is unsure of, two either side), doubtful (the lines with such a word), or all", DefaultValueFactory = _ => "stretches" };
        var models = new Option<string?>("--models") { Description = "Folder of PP-OCR's model files (default: beside the program)" };
        var illegibilityModel = IllegibilityOptionsCli.ModelOption();
        var illegibleThreshold = IllegibilityOptionsCli.ThresholdOption();
        var deadline = new Option<int>("--page-deadline") { Description = "Seconds one page may take in recognition", DefaultValueFactory = _ => 120 };

        var command = new Command("ingest", "Transcribe scans into text, JSON, hOCR, ALTO and searchable PDF")
        {
            inputs, output, language, parallel, formats, psm, noOrientation, noDeskew, minDeskew, noGapReread, allStretches, keepDarkRegions, noReread, speckSize, speckReach, specks, megapixelsAtOnce, variables, raw, lexicons, maxMegapixels, deadline, layout, engines, secondReading, models, illegibilityModel, illegibleThreshold,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            OutputFormats wanted;
            IReadOnlyList<InputFile> files;
            OcrOptions options;
            TranscriptCleanup? cleanup;
            var defaults = new OcrOptions();
            try
            {
                wanted = OutputFormatParser.Parse(parse.GetValue(formats)!);
                files = InputFiles.Expand(parse.GetValue(inputs)!);
                var languages = OcrLanguages.Parse(parse.GetValue(language)!);
                OcrLanguages.RequireModels(languages, defaults.TessdataPath);
                options = defaults with
                {
                    Language = string.Join('+', languages),
                    Engines = Math.Max(1, parse.GetValue(parallel)),
                    PageSegmentationMode = parse.GetValue(psm) ?? defaults.PageSegmentationMode,
                    DetectOrientation = !parse.GetValue(noOrientation),
                    Deskew = !parse.GetValue(noDeskew),
                    PaintOverDarkRegions = !parse.GetValue(keepDarkRegions),
                    MinDeskewAngle = parse.GetValue(minDeskew),
                    RereadGaps = !parse.GetValue(noGapReread),
                    AllStretches = parse.GetValue(allStretches),
                    Reread = !parse.GetValue(noReread),
                    SpeckSizeAt300Dpi = parse.GetValue(speckSize),
                    SpeckReach = Math.Max(0, parse.GetValue(speckReach)),
                    Specks = SpeckTreatments.Parse(parse.GetValue(specks)!, "--specks"),
                    MaxPixelsAtOnce = (long)(parse.GetValue(megapixelsAtOnce) * 1e6),
                    EngineVariables = ParseVariables(parse.GetValue(variables) ?? [], defaults.EngineVariables),
                    PageDeadline = TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(deadline))),
                    Recognizers = RecognizerChoices.Parse(parse.GetValue(engines)!, "--engines"),
                    SecondReading = SecondReadings.Parse(parse.GetValue(secondReading)!, "--second-reading"),
                    ModelsPath = parse.GetValue(models),
                };
                // The lexicon judges a page read two ways (raw output too) besides cleaning the text.
                var lexicon = LexiconFiles.Load(parse.GetValue(lexicons), languages);
                options = options with { Lexicon = lexicon };
                cleanup = parse.GetValue(raw) ? null : new TranscriptCleanup(lexicon,
                    IllegibilityOptionsCli.Apply(CleanupOptions.Default, parse.GetValue(illegibilityModel), parse.GetValue(illegibleThreshold)));
                // A model that weighs every stretch the layout proposes needs them proposed and re-read.
                if (cleanup?.Options.Model is { WeighsStretchesBeyondTheRules: true }) options = options with { AllStretches = true };
            }
            catch (Exception e) when (e is ArgumentException or FileNotFoundException or InvalidOperationException or InvalidDataException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            var limits = ScanLimits.Default with { MaxPixelsPerPage = (long)(parse.GetValue(maxMegapixels) * 1e6) };
            var writer = new TranscriptOutputWriter(parse.GetValue(output)!, wanted, parse.GetValue(layout));
            return await RunAsync(files, options, limits, writer, cleanup, cancellation);
        });
        return command;
    }

    private static Dictionary<string, string> ParseVariables(string[] pairs, IReadOnlyDictionary<string, string> defaults)
    {
        var result = new Dictionary<string, string>(defaults);
        foreach (var pair in pairs)
        {
            var at = pair.IndexOf('=');
            if (at <= 0) throw new ArgumentException($"--tesseract-variable takes NAME=VALUE, not '{pair}'");
            result[pair[..at]] = pair[(at + 1)..];
        }
        return result;
    }

    private static async Task<int> RunAsync(IReadOnlyList<InputFile> files, OcrOptions options, ScanLimits limits,
        TranscriptOutputWriter writer, TranscriptCleanup? cleanup, CancellationToken cancellation)
    {
        ScratchSpace.SweepLeftovers(); // what an ingest killed before it could clean up left behind
        EnginePool? pool = null;
        try
        {
            pool = new EnginePool(options); // PP-OCR's models are checked here
            await pool.RunAsync(_ => 0, cancellation); // starts one engine: a bad setting fails here, once
        }
        catch (InvalidOperationException e)
        {
            pool?.Dispose();
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
        using var engines = pool;
        var clock = Stopwatch.StartNew();
        IReadOnlyList<DocumentResult> results;
        if (AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected)
        {
            results = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(ctx => new BatchIngester(pool, limits, writer, new TerminalProgress(ctx.AddTask("pages")), cleanup).RunAsync(files, cancellation));
        }
        else
        {
            results = await new BatchIngester(pool, limits, writer, new PlainProgress(Console.Out), cleanup).RunAsync(files, cancellation);
        }
        clock.Stop();
        long peak = ProcessMemory.PeakResidentBytes();
        IngestSummary.WriteJson(Path.Combine(writer.Directory, "ingest-summary.json"), results, clock.Elapsed, peak);
        IngestSummary.Print(results, clock.Elapsed, peak, writer.Directory);
        return results.All(r => r.Succeeded) ? 0 : 1;
    }
}
