using System.CommandLine;
using System.Diagnostics;
using IngestPipeline.Corpus;

namespace IngestPipeline.Cli;

/// <summary>
/// <c>corpus generate --out DIR --pages N --seed S --split train|validation</c>: typed and printed pages with exact ground
/// truth, in the dev corpus's format (see <see cref="CorpusGenerator"/>).
/// </summary>
public static class CorpusCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out", "-o") { Description = "Folder for NAME.png, NAME.gt.txt, NAME.gt.json", Required = true };
        var pages = new Option<int>("--pages") { Description = "How many pages", DefaultValueFactory = _ => 30 };
        var seed = new Option<int>("--seed") { Description = "The run's seed: the same seed, split and page number give the same page", DefaultValueFactory = _ => 1 };
        var split = new Option<CorpusSplit>("--split") { Description = "train or validation: they never share a typeface", DefaultValueFactory = _ => CorpusSplit.Train };
        var clean = new Option<bool>("--clean") { Description = "Type the pages on white paper, without the damage of their split" };
        var collection = new Option<int?>("--collection") { Description = "Pages of one collection, whose seed this is: its own names in the text, and its typewriter (typeface, tired ribbon, worn type, weak keys) on every page" };
        var generate = new Command("generate", "Generate pages with exact ground truth") { output, pages, seed, split, clean, collection };
        generate.SetAction(parse =>
        {
            int count = parse.GetValue(pages);
            if (count < 1)
            {
                Console.Error.WriteLine("error: --pages must be at least 1");
                return 2;
            }
            var clock = Stopwatch.StartNew();
            try
            {
                var own = parse.GetValue(collection);
                CorpusGenerator.Generate(parse.GetValue(output)!, count, parse.GetValue(seed), parse.GetValue(split), damaged: !parse.GetValue(clean),
                    names: own is { } s ? CollectionNames.Invent(s) : null, typewriter: own is { } t ? Typewriter.Invent(t) : null);
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return 1;
            }
            Console.WriteLine($"{count} pages in {clock.Elapsed.TotalSeconds:0.0} s ({count / clock.Elapsed.TotalMinutes:0} pages/min) in {parse.GetValue(output)}");
            return 0;
        });
        return new Command("corpus", "Generated corpora for measuring and training") { generate };
    }
}
