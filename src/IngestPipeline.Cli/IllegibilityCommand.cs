using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using IngestPipeline.Corpus.Labels;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Illegibility.Evidence;
using IngestPipeline.Domain.Illegibility.Model;
using IngestPipeline.Ocr.Illegibility;
using IngestPipeline.Ocr.Languages;
using IngestPipeline.Ocr.Lexicon;

namespace IngestPipeline.Cli;

/// <summary>
/// <c>illegibility evidence --gt DIR --raw DIR [--out FILE]</c>: the candidates of the [ILLEGIBLE] decision on pages
/// with ground truth, measured from their raw transcripts (<c>ingest --raw --formats json</c>) and labelled.
/// </summary>
public static class IllegibilityCommand
{
    public static Command Create()
    {
        var truth = new Option<string>("--gt") { Description = "Folder of NAME.gt.json ground truth (a generated corpus, or the dev corpus)", Required = true };
        var raw = new Option<string>("--raw") { Description = "Folder of NAME.json raw transcripts of the same pages (ingest --raw --formats json)", Required = true };
        var language = new Option<string>("--lang", "-l") { Description = "The pages' languages, for the word lists", DefaultValueFactory = _ => OcrLanguages.Default };
        var allLegible = new Option<bool>("--all-legible") { Description = "Pages with only NAME.gt.txt (transcribed scans, nothing unreadable): every candidate legible" };
        var output = new Option<string?>("--out", "-o") { Description = "Write the labelled candidates and their measures here (tab separated)" };
        var model = new Option<string?>("--illegibility-model") { Description = "With --out: a model (learned, or a model file) whose probability for each candidate is written beside its label (-1 where it does not decide)" };
        var evidence = new Command("evidence", "Measure and label the candidates of pages with ground truth") { truth, raw, language, allLegible, output, model };
        evidence.SetAction(parse =>
        {
            EvidenceSet set;
            IllegibilityModel? scoring;
            try
            {
                scoring = parse.GetValue(model) is { } chosen ? IllegibilityModelFiles.Choose(chosen) : null;
                set = Collect(parse.GetValue(truth)!, parse.GetValue(raw)!, parse.GetValue(language)!, parse.GetValue(allLegible));
            }
            catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            Print(set);
            if (parse.GetValue(output) is { } path) WriteTable(set, path, scoring);
            return 0;
        });
        return new Command("illegibility", "The evidence and the model of the [ILLEGIBLE] decision") { evidence, TrainCommand() };
    }

    private static Command TrainCommand()
    {
        var sets = new Option<string[]>("--set") { Description = "GTDIR:RAWDIR[:LANG]: pages with ground truth (NAME.gt.json) and their raw transcripts (repeatable)", Required = true };
        var legible = new Option<string[]>("--legible") { Description = "GTDIR:RAWDIR[:LANG]: transcribed scans where nothing is unreadable, every candidate legible (repeatable)" };
        var output = new Option<string>("--out", "-o") { Description = "Where to write the model file", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed of the split into halves for calibration", DefaultValueFactory = _ => 1 };
        var precision = new Option<double>("--target-precision") { Description = "The threshold is the lowest at which held-out candidates reach this precision", DefaultValueFactory = _ => 0.9 };
        var trees = new Option<int>("--trees") { Description = "Trees per decision", DefaultValueFactory = _ => new TreeSettings().Trees };
        var depth = new Option<int>("--depth") { Description = "Depth of each tree", DefaultValueFactory = _ => new TreeSettings().Depth };
        var stretches = new Option<string>("--stretches") { Description = "The kinds of stretch the model decides (the hand rules weigh the others): all, none, or a list of between-words, line-end, under-dark-region, torn-line-end, header, line-start, short-line, lost-line", DefaultValueFactory = _ => "between-words,line-end,under-dark-region,torn-line-end" };
        var legibleWeight = new Option<int>("--legible-weight") { Description = "How many times the --legible scans' candidates count (in training and in calibration): a collection's own legible pages teach more than generated ones", DefaultValueFactory = _ => 1 };
        var command = new Command("train", "Train the [ILLEGIBLE] decision on labelled candidates") { sets, legible, legibleWeight, output, seed, precision, trees, depth, stretches };
        command.SetAction(parse =>
        {
            var clock = Stopwatch.StartNew();
            var cases = new List<TrainingCase>();
            var names = new List<string>();
            int weight = parse.GetValue(legibleWeight);
            try
            {
                if (weight < 1) throw new ArgumentException("--legible-weight is a whole number from 1");
                foreach (var (spec, allLegible) in parse.GetValue(sets)!.Select(s => (s, false)).Concat((parse.GetValue(legible) ?? []).Select(s => (s, true))))
                {
                    var parts = spec.Split(':');
                    if (parts.Length is < 2 or > 3) throw new ArgumentException($"'{spec}': a set is GTDIR:RAWDIR[:LANG]");
                    var set = Collect(parts[0], parts[1], parts.Length == 3 ? parts[2] : OcrLanguages.Default, allLegible);
                    Console.WriteLine($"{spec}: {set.Pages} pages, {set.Candidates.Count} candidates, spans reached {set.SpansReached}/{set.Spans}");
                    // A set's page names may repeat another's: the set keeps them apart for the split into halves.
                    // Copies of a page share its name, so they fall into the same half of the split.
                    for (int copy = allLegible ? weight : 1; copy > 0; copy--)
                        cases.AddRange(set.Candidates.Where(c => c.Label != TruthLabel.Unsure)
                            .Select(c => new TrainingCase(spec + "/" + c.Page, c.Candidate, c.Label == TruthLabel.Unreadable, Calibrates: !allLegible)));
                    names.Add(Path.GetFileName(Path.TrimEndingDirectorySeparator(parts[0])) + (allLegible ? weight > 1 ? $" (legible, ×{weight})" : " (legible)" : ""));
                }
            }
            catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            var settings = new TreeSettings { Trees = parse.GetValue(trees), Depth = parse.GetValue(depth) };
            IllegibilityTrainer.Result result;
            try
            {
                result = IllegibilityTrainer.Train(cases, names, parse.GetValue(seed), settings, parse.GetValue(precision), ParseSources(parse.GetValue(stretches)!));
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 2;
            }
            var (model, held) = result;
            PrintCalibration(held);
            IllegibilityModelFiles.Save(model, parse.GetValue(output)!);
            Console.WriteLine($"{model.Version}: {model.Training.WordCases} words, {model.Training.StretchCases} stretches from {model.Training.Pages} pages; "
                + $"threshold {model.Training.Threshold:0.000}; {clock.Elapsed.TotalSeconds:0.0} s; written to {parse.GetValue(output)}");
            return 0;
        });
        return command;
    }

    private static HashSet<StretchSource> ParseSources(string value)
    {
        if (value.Trim() == "all") return [.. Enum.GetValues<StretchSource>()];
        if (value.Trim() == "none") return [];
        var sources = new HashSet<StretchSource>();
        foreach (var name in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            sources.Add(Enum.TryParse<StretchSource>(name.Replace("-", ""), ignoreCase: true, out var source) ? source
                : throw new ArgumentException($"--stretches: unknown kind '{name}'"));
        return sources;
    }

    /// <summary>Held-out probabilities in tenths: how many cases, their mean probability, the share unreadable.</summary>
    private static void PrintCalibration(IReadOnlyList<(double Probability, bool Unreadable)> held)
    {
        Console.WriteLine("held-out calibration: bin, cases, mean probability, share unreadable");
        foreach (var bin in held.GroupBy(h => Math.Min(9, (int)(h.Probability * 10))).OrderBy(g => g.Key))
            Console.WriteLine($"  {bin.Key / 10.0:0.0}-{(bin.Key + 1) / 10.0:0.0} {bin.Count(),7} {bin.Average(h => h.Probability),6:0.000} {bin.Count(h => h.Unreadable) / (double)bin.Count(),6:0.000}");
    }

    internal static EvidenceSet Collect(string truthDir, string rawDir, string languages, bool allLegible)
    {
        foreach (var dir in new[] { truthDir, rawDir })
            if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"{dir}: no such folder");
        var lexicon = LexiconFiles.Load(null, OcrLanguages.Parse(languages));
        return LabelledEvidence.Collect(truthDir, rawDir, lexicon, CleanupOptions.Default, allLegible);
    }

    private static void Print(EvidenceSet set)
    {
        Console.WriteLine($"{set.Pages} pages, {set.Candidates.Count} candidates");
        foreach (var kind in Enum.GetValues<CandidateKind>())
        {
            var own = set.Candidates.Where(c => c.Candidate.Kind == kind).ToList();
            Console.WriteLine($"  {kind.ToString().ToLowerInvariant(),-8} {own.Count,7}: {own.Count(c => c.Label == TruthLabel.Unreadable),5} unreadable, "
                + $"{own.Count(c => c.Label == TruthLabel.Legible),7} legible, {own.Count(c => c.Label == TruthLabel.Unsure),5} unsure");
        }
        if (set.Spans > 0)
        {
            Console.WriteLine($"spans reached by a candidate: {set.SpansReached}/{set.Spans} = {set.SpansReached / (double)set.Spans:0.000}");
            foreach (var (page, span) in set.Unreached.Take(20))
                Console.WriteLine($"  not reached: {page} {span.Left},{span.Top},{span.Right},{span.Bottom}");
        }
        if (set.Unplaced.Count > 0)
            Console.WriteLine($"{set.Unplaced.Count} pages left out: too few words matched their truth to place it ({string.Join(", ", set.Unplaced.Take(5))})");
    }

    private static void WriteTable(EvidenceSet set, string path, IllegibilityModel? model)
    {
        var text = new StringBuilder();
        foreach (var kind in Enum.GetValues<CandidateKind>())
        {
            var names = kind == CandidateKind.Word ? CandidateFeatures.WordNames : CandidateFeatures.StretchNames;
            string[] head = model is null ? ["page", "kind", "label"] : ["page", "kind", "label", "probability"];
            text.AppendLine(string.Join('\t', head.Concat(["source", "line", "left", "top", "right", "bottom", "text"]).Concat(names)));
            foreach (var (page, c, label) in set.Candidates.Where(c => c.Candidate.Kind == kind))
            {
                var shown = c.Word?.Text ?? string.Join(' ', c.Reread.Select(w => w.Text));
                string[] judged = model is null ? [page, kind.ToString(), label.ToString()]
                    : [page, kind.ToString(), label.ToString(), (model.Decides(c) ? model.Probability(c) : -1).ToString("0.####", CultureInfo.InvariantCulture)];
                text.AppendLine(string.Join('\t', judged.Concat([kind == CandidateKind.Word ? "" : c.Source.ToString(), c.Line.ToString(CultureInfo.InvariantCulture),
                    c.Box.Left.ToString(CultureInfo.InvariantCulture), c.Box.Top.ToString(CultureInfo.InvariantCulture),
                    c.Box.Right.ToString(CultureInfo.InvariantCulture), c.Box.Bottom.ToString(CultureInfo.InvariantCulture), shown.Replace('\t', ' ')])
                    .Concat(c.Features.Select(f => f.ToString("0.###", CultureInfo.InvariantCulture)))));
            }
        }
        File.WriteAllText(path, text.ToString());
        Console.WriteLine($"candidates written to {path}");
    }
}
