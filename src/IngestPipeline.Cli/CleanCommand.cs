using System.CommandLine;
using System.Diagnostics;
using IngestPipeline.Cli.Ingest;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Ocr.Languages;
using IngestPipeline.Ocr.Lexicon;

namespace IngestPipeline.Cli;

/// <summary>
/// <c>clean RAWDIR --out DIR [--illegibility-model FILE] [--illegible-threshold P]</c>: cleans raw transcripts
/// (<c>ingest --raw --formats json</c>) again, without recognising the scans again: a new model, threshold or word
/// list judged on the same OCR in seconds.
/// </summary>
public static class CleanCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("raw") { Description = "Folder of NAME.json raw transcripts" };
        var output = new Option<string>("--out", "-o") { Description = "Folder for the cleaned transcripts", Required = true };
        var formats = new Option<string>("--formats", "-f") { Description = "Outputs to write: txt,json,hocr,alto,tei (a PDF needs the scans)", DefaultValueFactory = _ => "txt,json" };
        var language = new Option<string>("--lang", "-l") { Description = "The pages' languages, for the word lists", DefaultValueFactory = _ => OcrLanguages.Default };
        var lexicons = new Option<string[]>("--lexicon") { Description = "A word list of the collection's names and places (repeatable)" };
        var model = IllegibilityOptionsCli.ModelOption();
        var threshold = IllegibilityOptionsCli.ThresholdOption();
        var command = new Command("clean", "Clean raw transcripts again, without OCR") { input, output, formats, language, lexicons, model, threshold };
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            TranscriptOutputWriter writer;
            IReadOnlyList<string> files;
            Domain.Cleanup.Lexicon lexicon;
            CleanupOptions options;
            try
            {
                var wanted = OutputFormatParser.Parse(parse.GetValue(formats)!);
                if (wanted.HasFlag(OutputFormats.Pdf)) throw new ArgumentException("a searchable PDF needs the scans: use ingest");
                var dir = parse.GetValue(input)!;
                if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"{dir}: no such folder");
                files = Directory.GetFiles(dir, "*.json").Where(f => !f.EndsWith("-summary.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
                lexicon = LexiconFiles.Load(parse.GetValue(lexicons), OcrLanguages.Parse(parse.GetValue(language)!));
                options = IllegibilityOptionsCli.Apply(CleanupOptions.Default, parse.GetValue(model), parse.GetValue(threshold));
                writer = new TranscriptOutputWriter(parse.GetValue(output)!, wanted);
            }
            catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or InvalidOperationException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            int failed = 0;
            foreach (var file in files)
            {
                var name = Path.GetFileNameWithoutExtension(file);
                try
                {
                    var raw = JsonExporter.Read(File.ReadAllText(file));
                    using var images = writer.NewPageImageStore(name);
                    writer.Write(name, TranscriptCleaner.Clean(raw, lexicon, options), images);
                }
                catch (System.Text.Json.JsonException e)
                {
                    Console.Error.WriteLine($"error: {file}: not a transcript ({e.Message})");
                    failed++;
                }
            }
            Console.WriteLine($"{files.Count - failed} transcripts cleaned in {clock.Elapsed.TotalSeconds:0.0} s"
                + (options.Model is { } m ? $" with {m.Version} at {options.IllegibleThreshold ?? m.Training.Threshold:0.000}" : " with the hand rules")
                + $" into {writer.Directory}");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
