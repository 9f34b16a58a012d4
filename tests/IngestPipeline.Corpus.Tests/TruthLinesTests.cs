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
    public void A_collections_typewriter_is_the_same_for_its_seed_and_types_every_page_with_its_face_ribbon_and_wear()
    {
        var typewriter = Typewriter.Invent(61);
        Assert.Equal(typewriter, Typewriter.Invent(61));
        Assert.Equal(CorpusSplit.Validation, typewriter.Typeface.Split);

        var seeds = Enumerable.Range(0, 4).Select(i => CorpusGenerator.PageSeed(61, CorpusSplit.Validation, i)).ToList();
        var own = seeds.Select(s => GeneratedPage.Make("n", s, CorpusSplit.Validation).GroundTruth).ToList();
        var typed = seeds.Select(s => GeneratedPage.Make("n", s, CorpusSplit.Validation, typewriter: typewriter).GroundTruth).ToList();

        Assert.True(own.Select(t => t.Font).Distinct().Count() > 1); // without it, each page draws its own face
        Assert.All(typed, t => Assert.Equal((typewriter.Typeface.Name, typewriter.Pitch, typewriter.InkMean, typewriter.InkSpread),
            (t.Font, t.Degradations.PitchCpi!.Value, t.Degradations.InkMu, t.Degradations.InkSd)));
        // Each page's damage is still drawn from its seed; only the worn type is the machine's.
        Assert.True(typed.Select(t => t.Degradations.PaperTone).Distinct().Count() > 1);
        Assert.All(typed, t => Assert.Equal(Math.Round(typewriter.Wear, 3), t.Degradations.Wear));
        // Two weak keys, named in each page's truth; pages of no collection have none.
        Assert.Equal(2, typewriter.WeakKeys.Length);
        Assert.InRange(typewriter.WeakStrike, 0.2, 0.28);
        Assert.All(typed, t => Assert.Equal((typewriter.WeakKeys, Math.Round(typewriter.WeakStrike, 3)), (t.Degradations.WeakKeys, t.Degradations.WeakStrike!.Value)));
        Assert.All(own, t => Assert.Null(t.Degradations.WeakKeys));
    }

    [Fact]
    public void Each_truth_line_goes_to_the_line_that_holds_its_words_even_on_a_skewed_page_and_a_line_of_noise_is_typed_empty()
    {
        var name = CorpusGenerator.Generate(_work, pages: 1, seed: 3, CorpusSplit.Validation, parallelism: 1, names: CollectionNames.Invent(3))[0];
        var truthPath = Path.Combine(_work, name + ".gt.json");
        using var json = JsonDocument.Parse(File.ReadAllText(truthPath));
        var truthLines = json.RootElement.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("text").GetString()!).ToList();
        // The page as a perfect reading finds it, turned a little (as deskewing leaves it), with a stray mark read as a line.
        // Turned by 2.3°, as a skewed scan left as it is: a long line drops by more than a line's height from end to end.
        static BoundingBox Turned(int[] b) => new(b[0] + b[1] / 25, b[1] - b[0] / 25, b[2] + b[1] / 25, b[3] - b[0] / 25);
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

        // The engine read a line into the one above it, which starts further right (a paragraph's indented first line):
        // both truth lines go into it, the upper one first, not the one further left.
        int k = Enumerable.Range(0, lines.Count - 1).First(i => lines[i].Box.Left > lines[i + 1].Box.Left + 40);
        var merged = new Line(BoundingBox.Union([lines[k].Box, lines[k + 1].Box]), [.. lines[k].Words, .. lines[k + 1].Words]);
        var joined = page with { Blocks = [new Block(page.Blocks[0].Box, [.. lines.Take(k), merged, .. lines.Skip(k + 2)])] };
        var truthOfJoined = TruthLines.For(truthPath, joined)!;
        int at = Domain.Transcripts.PageLayout.Of(joined).Lines.ToList().IndexOf(merged);
        var typedLines = truthLines.Where(t => t.Length > 0).ToList();
        Assert.Equal(typedLines[k] + " " + typedLines[k + 1], truthOfJoined.Texts[at]);

        // A line read short (a weak key's letters lost at each word's end): no word's centre is in a word read, and
        // the truth line still goes to the line where it was typed. A line the engine did not find at all is counted.
        var shortened = lines[k] with { Words = [.. lines[k].Words.Select(w => w with { Box = w.Box with { Right = w.Box.Left + (w.Box.Right - w.Box.Left) / 3 } })] };
        var readShort = page with { Blocks = [new Block(page.Blocks[0].Box, [.. lines.Take(k), shortened, .. lines.Skip(k + 1)])] };
        var truthOfShort = TruthLines.For(truthPath, readShort)!;
        Assert.Equal(0, truthOfShort.Unplaced);
        Assert.Equal(typedLines[k], truthOfShort.Texts[Domain.Transcripts.PageLayout.Of(readShort).Lines.ToList().IndexOf(shortened)]);
        var lost = page with { Blocks = [new Block(page.Blocks[0].Box, [.. lines.Take(k), .. lines.Skip(k + 1)])] };
        Assert.Equal(1, TruthLines.For(truthPath, lost)!.Unplaced);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
