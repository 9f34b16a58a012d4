using System.Text.Json;
using IngestPipeline.Corpus.Labels;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Corpus.Tests;

/// <summary>A collection's own names, and the truth of a page typed into the lines a recognition found.</summary>
public sealed class TruthLinesTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("truth-lines-tests-").FullName;

    [Fact]
    public void A_collections_names_are_the_same_for_its_seed_unknown_to_the_dictionary_and_typed_in_its_cables()
    {
        var names = CollectionNames.Invent(61);

        Assert.Equal(names.Places, CollectionNames.Invent(61).Places);
        Assert.NotEqual(names.Places, CollectionNames.Invent(62).Places);
        var dictionary = File.ReadLines("/usr/share/dict/words").ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(names.Places.Concat(names.People), dictionary.Contains);
        var text = string.Join(' ', Enumerable.Range(0, 6).Select(i => GeneratedPage.Make("n", CorpusGenerator.PageSeed(61, CorpusSplit.Validation, i), CorpusSplit.Validation, names: names).Text));
        Assert.True(names.Places.Concat(names.People).Count(text.Contains) >= 4);
    }

    [Fact]
    public void Each_truth_line_goes_to_the_line_that_holds_its_words_even_on_a_skewed_page_and_a_line_of_noise_is_typed_empty()
    {
        var name = CorpusGenerator.Generate(_work, pages: 1, seed: 3, CorpusSplit.Validation, parallelism: 1, names: CollectionNames.Invent(3))[0];
        var truthPath = Path.Combine(_work, name + ".gt.json");
        using var json = JsonDocument.Parse(File.ReadAllText(truthPath));
        var truthLines = json.RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("text").GetString()!).ToList();
        // The page as a perfect reading finds it, turned a little (as deskewing leaves it), with a stray mark read as a line.
        static BoundingBox Turned(int[] b) => new(b[0] + b[1] / 100, b[1] - b[0] / 100, b[2] + b[1] / 100, b[3] - b[0] / 100);
        var lines = json.RootElement.GetProperty("words").EnumerateArray()
            .Select(w => (Line: w.GetProperty("line").GetInt32(), Word: new Word(w.GetProperty("text").GetString()!, Turned([.. w.GetProperty("bbox").EnumerateArray().Select(v => v.GetInt32())]), 95)))
            .GroupBy(w => w.Line).OrderBy(g => g.Key)
            .Select(g => new Line(BoundingBox.Union(g.Select(w => w.Word.Box)), [.. g.Select(w => w.Word)])).ToList();
        var noise = new Line(new BoundingBox(2300, 3150, 2340, 3190), [new Word("~", new BoundingBox(2300, 3150, 2340, 3190), 20)]);
        var page = new Page(1, 2550, 3300, 300, [new Block(BoundingBox.Union(lines.Select(l => l.Box)), [.. lines, noise])], new PageProcessing(0, 0, []));

        var truth = TruthLines.For(truthPath, page)!;

        var order = Domain.Transcripts.PageLayout.Of(page).Lines;
        Assert.Equal(0, truth.Unplaced);
        Assert.Equal("", truth.Texts[order.ToList().IndexOf(noise)]);
        var typed = order.Where(l => l != noise).Select(l => truth.Texts[order.ToList().IndexOf(l)]).ToList();
        Assert.Equal(truthLines.Where(t => t.Length > 0), typed);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
