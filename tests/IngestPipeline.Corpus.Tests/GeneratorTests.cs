using System.Text.Json;
using IngestPipeline.Corpus;
using SkiaSharp;

namespace IngestPipeline.Corpus.Tests;

/// <summary>
/// Generated pages are reproducible from their seed, their ground truth says exactly where the ink is, and training and
/// validation never share a typeface.
/// </summary>
public sealed class GeneratorTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("corpus-tests-").FullName;

    [Fact]
    public void The_same_seed_split_and_number_give_the_same_page_and_another_seed_another()
    {
        var first = GeneratedPage.Make("a", CorpusGenerator.PageSeed(5, CorpusSplit.Train, 3), CorpusSplit.Train);
        var again = GeneratedPage.Make("a", CorpusGenerator.PageSeed(5, CorpusSplit.Train, 3), CorpusSplit.Train);
        var other = GeneratedPage.Make("a", CorpusGenerator.PageSeed(6, CorpusSplit.Train, 3), CorpusSplit.Train);

        Assert.Equal(first.Png, again.Png);
        Assert.Equal(first.Text, again.Text);
        Assert.NotEqual(first.Text, other.Text);
        Assert.NotEqual(CorpusGenerator.PageSeed(5, CorpusSplit.Train, 3), CorpusGenerator.PageSeed(5, CorpusSplit.Validation, 3));
    }

    [Fact]
    public void Training_and_validation_share_no_typeface_and_each_has_typed_and_printed_ones()
    {
        Assert.Empty(Typeface.Missing());
        var train = Typeface.Of(CorpusSplit.Train);
        var validation = Typeface.Of(CorpusSplit.Validation);
        Assert.Empty(train.Select(t => t.Name).Intersect(validation.Select(t => t.Name)));
        Assert.True(Typeface.All.Count(t => t.Monospaced) >= 8 && Typeface.All.Count(t => !t.Monospaced) >= 4);
        Assert.All(new[] { train, validation }, split => Assert.True(split.Any(t => t.Monospaced) && split.Any(t => !t.Monospaced)));
    }

    [Theory]
    [InlineData(CorpusSplit.Train)]
    [InlineData(CorpusSplit.Validation)]
    public void Every_dark_pixel_lies_in_a_word_box_and_every_word_box_holds_ink(CorpusSplit split)
    {
        var names = CorpusGenerator.Generate(_work, pages: 6, seed: 11, split, parallelism: 2);
        foreach (var name in names)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, name + ".gt.json")));
            var root = json.RootElement;
            var boxes = root.GetProperty("words").EnumerateArray().Select(w => w.GetProperty("bbox").EnumerateArray().Select(v => v.GetInt32()).ToArray()).ToList();
            using var page = SKBitmap.Decode(Path.Combine(_work, name + ".png"));
            Assert.Equal((2550, 3300), (page.Width, page.Height));
            var inBox = new bool[page.Width * page.Height];
            foreach (var b in boxes)
                for (int y = b[1]; y < b[3]; y++)
                    for (int x = b[0]; x < b[2]; x++) inBox[y * page.Width + x] = true;
            var pixels = page.Pixels;
            int outside = 0;
            for (int i = 0; i < pixels.Length; i++)
                if (pixels[i].Red < 160 && !inBox[i]) outside++;
            Assert.True(outside == 0, $"{name}: {outside} dark pixels outside every word box");
            Assert.All(boxes, b => Assert.Contains(Enumerable.Range(b[1], b[3] - b[1]).SelectMany(y => Enumerable.Range(b[0], b[2] - b[0]).Select(x => pixels[y * page.Width + x].Red)), v => v < 160));

            // The text file is the JSON's text; each line's words, joined by one space, are the line.
            var text = File.ReadAllText(Path.Combine(_work, name + ".gt.txt"));
            Assert.Equal(root.GetProperty("text").GetString(), text);
            var lines = root.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("text").GetString()!).ToList();
            Assert.Equal(lines, text.Split('\n').Where(l => l.Length > 0));
            var words = root.GetProperty("words").EnumerateArray().ToList();
            for (int l = 0; l < lines.Count; l++)
                Assert.Equal(lines[l], string.Join(" ", words.Where(w => w.GetProperty("line").GetInt32() == l).Select(w => w.GetProperty("text").GetString())));
            Assert.Empty(root.GetProperty("illegible_spans").EnumerateArray());
        }
        Assert.Equal(names.Count, File.ReadAllLines(Path.Combine(_work, "generation.log")).Length);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
