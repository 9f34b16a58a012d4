using System.Text.Json;
using IngestPipeline.Corpus;

namespace IngestPipeline.Corpus.Tests;

/// <summary>
/// The rule that labels a word unreadable, on words drawn by hand; and generated pages whose destroyed runs are one
/// [ILLEGIBLE] each in the text, on one line, with their words flagged.
/// </summary>
public sealed class UnreadableSpanTests : IDisposable
{
    private const int Width = 60, Height = 20;
    private readonly string _work = Directory.CreateTempSubdirectory("corpus-spans-").FullName;

    /// <summary>A word of two letters, each a 10 × 14 block of ink (60 gray levels on paper of 235), with paper round them.</summary>
    private static (RenderedWord Word, byte[] Ink, byte[] Paper, byte[] Page) Word()
    {
        var ink = Enumerable.Repeat((byte)255, Width * Height).ToArray();
        for (int y = 3; y < 17; y++)
            foreach (int x0 in new[] { 10, 35 })
                for (int x = x0; x < x0 + 10; x++) ink[y * Width + x] = 60;
        var paper = Enumerable.Repeat((byte)235, Width * Height).ToArray();
        var page = paper.Select((p, i) => (byte)(p * ink[i] / 255)).ToArray();
        return (new RenderedWord("ab", 0, 5, 1, 50, 19), ink, paper, page);
    }

    private static UnreadableSpans.Legibility Judge(Func<byte[], byte[], (byte[] Page, byte[] Paper)> damage)
    {
        var (word, ink, paper, page) = Word();
        var (damagedPage, damagedPaper) = damage((byte[])page.Clone(), (byte[])paper.Clone());
        return UnreadableSpans.Judge(word, damagedPage, damagedPaper, page, paper, ink, Width);
    }

    [Fact]
    public void An_untouched_word_and_one_faded_by_half_are_legible()
    {
        Assert.Equal(UnreadableSpans.Legibility.Legible, Judge((page, paper) => (page, paper)));
        Assert.Equal(UnreadableSpans.Legibility.Legible, Judge((page, paper) => ([.. page.Select((v, i) => (byte)(paper[i] - (paper[i] - v) / 2))], paper)));
    }

    [Fact]
    public void A_word_under_a_blot_or_faded_to_a_hundredth_is_unreadable()
    {
        Assert.Equal(UnreadableSpans.Legibility.Unreadable, Judge((page, paper) => ([.. page.Select(_ => (byte)30)], [.. paper.Select(_ => (byte)30)])));
        Assert.Equal(UnreadableSpans.Legibility.Unreadable, Judge((page, paper) => ([.. page.Select((v, i) => (byte)(paper[i] - (paper[i] - v) / 100))], paper)));
    }

    [Fact]
    public void A_word_with_one_letter_blotted_is_doubtful_so_no_span_is_labelled_near_the_boundary()
    {
        Assert.Equal(UnreadableSpans.Legibility.Doubtful, Judge((page, paper) =>
        {
            for (int y = 0; y < Height; y++)
                for (int x = 30; x < 50; x++) page[y * Width + x] = paper[y * Width + x] = 30;
            return (page, paper);
        }));
    }

    [Fact]
    public void A_word_washed_out_by_water_is_unreadable_though_the_stain_and_its_tide_line_darken_the_paper_too()
    {
        // Three hundredths of the ink left, and the paper browned by 30 levels on the page and the bare paper alike.
        Assert.Equal(UnreadableSpans.Legibility.Unreadable, Judge((page, paper) =>
            ([.. page.Select((p, i) => (byte)Math.Max(0, paper[i] - (paper[i] - p) * 0.03 - 30))], [.. paper.Select(p => (byte)(p - 30))])));
        // The stain alone, the ink kept: legible.
        Assert.Equal(UnreadableSpans.Legibility.Legible, Judge((page, paper) => ([.. page.Select(p => (byte)Math.Max(0, p - 30))], [.. paper.Select(p => (byte)(p - 30))])));
    }

    [Fact]
    public void Each_destroyed_run_is_one_marker_on_its_line_and_its_words_are_flagged()
    {
        var names = CorpusGenerator.Generate(_work, pages: 16, seed: 8, CorpusSplit.Train, parallelism: 2);
        int spans = 0;
        var kinds = new HashSet<string>();
        int tornAcross = 0;
        foreach (var name in names)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, name + ".gt.json")));
            var root = json.RootElement;
            var lines = root.GetProperty("lines").EnumerateArray().ToList();
            var words = root.GetProperty("words").EnumerateArray().ToList();
            var pageSpans = root.GetProperty("illegible_spans").EnumerateArray().ToList();
            spans += pageSpans.Count;
            kinds.UnionWith(pageSpans.Select(s => s.GetProperty("kind").GetString()!));
            // A tear down the edge over consecutive lines: a span on each, each its own marker.
            var torn = pageSpans.Where(s => s.GetProperty("kind").GetString() == "torn").Select(s => s.GetProperty("line").GetInt32()).Order().ToList();
            if (torn.Zip(torn.Skip(1)).Any(p => p.Second == p.First + 1)) tornAcross++;
            Assert.Equal(pageSpans.Count, lines.Sum(l => l.GetProperty("text").GetString()!.Split(' ').Count(t => t == "[ILLEGIBLE]")));
            Assert.Equal(pageSpans.Sum(s => s.GetProperty("words").GetArrayLength()), words.Count(w => w.GetProperty("illegible").GetBoolean()));
            foreach (var span in pageSpans)
            {
                int line = span.GetProperty("line").GetInt32();
                var flagged = words.Where(w => w.GetProperty("line").GetInt32() == line && w.GetProperty("illegible").GetBoolean()).Select(w => w.GetProperty("text").GetString());
                Assert.Equal(span.GetProperty("words").EnumerateArray().Select(w => w.GetString()), flagged);
                Assert.Contains("[ILLEGIBLE]", lines[line].GetProperty("text").GetString());
                Assert.DoesNotContain("[ILLEGIBLE]", lines[line].GetProperty("typed").GetString());
            }
            Assert.Equal(pageSpans.Count > 0 ? "illegible" : "clean", root.GetProperty("degradations").GetProperty("category").GetString());
        }
        Assert.True(spans >= 8, $"only {spans} spans on 16 pages");
        Assert.Contains("water", kinds);
        Assert.True(tornAcross > 0, "no tear across lines");
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
