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
        var names = CorpusGenerator.Generate(_work, pages: 6, seed: 11, split, damaged: false, parallelism: 2);
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

    [Fact]
    public void A_turned_page_at_a_lower_resolution_keeps_every_word_box_on_its_ink()
    {
        var damage = Damage.None with { SkewDegrees = 2.2, Dpi = 150 };
        var page = GeneratedPage.Make("turned", CorpusGenerator.PageSeed(2, CorpusSplit.Train, 0), CorpusSplit.Train, damage);
        using var bitmap = SKBitmap.Decode(page.Png);

        Assert.Equal((1275, 1650, 150), (bitmap.Width, bitmap.Height, page.GroundTruth.Dpi));
        Assert.Equal((bitmap.Width, bitmap.Height), (page.GroundTruth.Width, page.GroundTruth.Height));
        var boxes = page.GroundTruth.Words.Select(w => w.Bbox).ToList();
        var inBox = new bool[bitmap.Width * bitmap.Height];
        foreach (var b in boxes) // a pixel of slack: turning and scaling resample the edges of the letters
            for (int y = Math.Max(0, b[1] - 1); y < Math.Min(bitmap.Height, b[3] + 1); y++)
                for (int x = Math.Max(0, b[0] - 1); x < Math.Min(bitmap.Width, b[2] + 1); x++) inBox[y * bitmap.Width + x] = true;
        var pixels = bitmap.Pixels;
        Assert.Equal(0, Enumerable.Range(0, pixels.Length).Count(i => pixels[i].Red < 160 && !inBox[i]));
        Assert.All(boxes, b => Assert.Contains(Enumerable.Range(b[1], b[3] - b[1]).SelectMany(y => Enumerable.Range(b[0], b[2] - b[0]).Select(x => pixels[y * bitmap.Width + x].Red)), v => v < 160));
        // A line runs uphill when the page is turned counter-clockwise: its last word sits higher than its first.
        var line = page.GroundTruth.Words.Where(w => w.Line == 5).ToList();
        Assert.True(line[^1].Bbox[1] < line[0].Bbox[1]);
    }

    [Fact]
    public void Training_and_validation_damage_keep_apart_and_two_kinds_never_reach_training()
    {
        var train = Enumerable.Range(0, 400).Select(i => Damage.Draw(new Random(i), CorpusSplit.Train)).ToList();
        var validation = Enumerable.Range(0, 400).Select(i => Damage.Draw(new Random(i), CorpusSplit.Validation)).ToList();

        Assert.All(train, d => Assert.Equal((0.0, 0.0), (d.CarbonBlur, d.BleedThrough)));
        Assert.Contains(validation, d => d.CarbonBlur > 0);
        Assert.Contains(validation, d => d.BleedThrough > 0);
        void Apart(Func<Damage, double> measure, bool includeZero = false)
        {
            var t = train.Select(measure).Where(v => includeZero || v != 0).ToList();
            var v = validation.Select(measure).Where(v => includeZero || v != 0).ToList();
            Assert.True(t.Max() <= v.Min() || v.Max() <= t.Min(), $"ranges overlap: training {t.Min()}-{t.Max()}, validation {v.Min()}-{v.Max()}");
        }
        Apart(d => Math.Abs(d.SkewDegrees), includeZero: true);
        Apart(d => d.PaperTone, includeZero: true);
        Apart(d => d.PaperNoise, includeZero: true);
        Apart(d => d.Foxing);
        Apart(d => d.Fade);
        Apart(d => d.Wear);
        Apart(d => d.Contrast);
        Apart(d => d.Dpi == PageLayout.Dpi ? 0 : d.Dpi);
        Apart(d => d.JpegQuality);
    }

    [Fact]
    public void A_damaged_page_states_its_resolution_in_the_file_and_in_its_ground_truth()
    {
        var names = CorpusGenerator.Generate(_work, pages: 8, seed: 21, CorpusSplit.Validation, parallelism: 2);
        foreach (var name in names)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, name + ".gt.json")));
            int dpi = json.RootElement.GetProperty("dpi").GetInt32();
            var png = File.ReadAllBytes(Path.Combine(_work, name + ".png"));
            int pHYs = png.AsSpan().IndexOf("pHYs"u8);
            Assert.True(pHYs > 0, $"{name} has no pHYs chunk");
            int perMetre = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pHYs + 4));
            Assert.Equal(dpi, (int)Math.Round(perMetre * 0.0254));
            using var bitmap = SKBitmap.Decode(png);
            Assert.Equal((json.RootElement.GetProperty("width").GetInt32(), json.RootElement.GetProperty("height").GetInt32()), (bitmap.Width, bitmap.Height));
        }
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}

/// <summary>Layouts where wide gaps and short lines are as typed: a table at tab stops, a centred letterhead.</summary>
public sealed class LayoutNegativeTests
{
    private static readonly PageStyle Typed = new(Monospaced: true, Cell: 30, FontPixels: 50, LineHeight: 50, LeftMargin: 300, RightMargin: 300,
        TopMargin: 300, Indent: 0, ClosingIndent: 0, TwoSpacesAfterStop: true, InkMean: 30, InkSpread: 10, BaselineJitter: 0);

    [Fact]
    public void A_tables_cells_stand_at_the_same_tab_stops_row_after_row_and_a_letterhead_is_centred()
    {
        var text = new CableText(["SECRET"], ["Commodity\tTons\tValue\nTungsten ore\t1,200\t$45,000\nCork\t80\t$3,000", "The figures are final."], ["HAYES"])
        {
            Letterhead = ["AMERICAN LEGATION"],
        };

        var lines = PageLayout.Lay(text, Typed, _ => 0).OfType<PlacedLine>().ToList();

        var letterhead = Assert.Single(lines, l => l.Kind == "letterhead");
        float end = letterhead.Words[^1].X + letterhead.Words[^1].Text.Length * Typed.Cell;
        Assert.Equal(PageLayout.Width - end, letterhead.Words[0].X, 1);
        var rows = lines.Where(l => l.Kind == "table").ToList();
        Assert.Equal(3, rows.Count);
        // The second cell of every row starts at one stop, a third of the way across the column, whatever the first cell's length.
        var stops = rows.Select(r => r.Words.Single(w => w.Text is "Tons" or "1,200" or "80").X).Distinct().ToList();
        Assert.Equal(300 + (PageLayout.Width - 600) / 3f, Assert.Single(stops), 1);
        Assert.Contains(lines, l => l.Kind == "body");
    }

    [Fact]
    public void A_lists_items_hang_their_further_lines_under_their_text_not_under_their_label()
    {
        var item = "1. " + string.Join(" ", Enumerable.Repeat("The Embassy should proceed as proposed.", 4));
        var text = new CableText(["SECRET"], [item + "\n2. Reply."], ["HAYES"]);

        var lines = PageLayout.Lay(text, Typed, _ => 0).OfType<PlacedLine>().Where(l => l.Kind == "list").ToList();

        Assert.True(lines.Count >= 3);
        Assert.Equal("1.", lines[0].Words[0].Text);
        float hang = 300 + 5 * Typed.Cell;
        Assert.Equal(hang, lines[0].Words[1].X, 1);
        Assert.Equal(hang, lines[1].Words[0].X, 1);
        Assert.Equal("2.", lines[^1].Words[0].Text);
        Assert.Equal(300, lines[^1].Words[0].X, 1);
    }
}
