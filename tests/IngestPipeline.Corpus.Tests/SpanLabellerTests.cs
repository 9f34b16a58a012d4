using IngestPipeline.Domain.Illegibility.Evidence;
using IngestPipeline.Corpus.Labels;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Corpus.Tests;

/// <summary>Labelling a recognised page's places from the ground truth, across the deskewing and scaling the page went through.</summary>
public sealed class SpanLabellerTests
{
    /// <summary>Eight lines of six words, 200 px apart across and 60 down, each word a unique text.</summary>
    private static List<TruthWord> TruthWords() =>
        [.. Enumerable.Range(0, 48).Select(i => new TruthWord($"word{i:00}", new BoundingBox(300 + 200 * (i % 6), 400 + 60 * (i / 6), 460 + 200 * (i % 6), 430 + 60 * (i / 6))))];

    /// <summary>The page as recognised: turned by 1.5 degrees about (1200, 1500) and scaled by 1.25.</summary>
    private static (double X, double Y) Turned(double x, double y)
    {
        double angle = 1.5 * Math.PI / 180, scale = 1.25;
        double dx = x - 1200, dy = y - 1500;
        return (1200 + scale * (dx * Math.Cos(angle) - dy * Math.Sin(angle)), 1500 + scale * (dx * Math.Sin(angle) + dy * Math.Cos(angle)));
    }

    private static BoundingBox Turned(BoundingBox b)
    {
        var corners = new[] { Turned(b.Left, b.Top), Turned(b.Right, b.Top), Turned(b.Left, b.Bottom), Turned(b.Right, b.Bottom) };
        return new BoundingBox((int)corners.Min(c => c.X), (int)corners.Min(c => c.Y), (int)Math.Ceiling(corners.Max(c => c.X)), (int)Math.Ceiling(corners.Max(c => c.Y)));
    }

    [Fact]
    public void The_truths_spans_are_carried_onto_the_turned_and_scaled_page_and_label_what_lies_there()
    {
        var truth = TruthWords();
        var span = BoundingBox.Union([truth[14].Box, truth[15].Box]);
        // The page: every word but the span's two, read in its turned place; one read in a wrong place (a repeated heading) is outvoted.
        var read = truth.Where((_, i) => i is not 14 and not 15).Select(w => new Word(w.Text, Turned(w.Box), 95)).ToList();
        read[0] = read[0] with { Box = new BoundingBox(2000, 2900, 2100, 2930) };
        var page = new Page(1, 3000, 4000, 300, [new Block(BoundingBox.Union(read.Select(w => w.Box)), [new Line(BoundingBox.Union(read.Select(w => w.Box)), read)])],
            new PageProcessing(0, 1.5f, []));

        var labeller = SpanLabeller.For(new PageTruth(2550, 3300, truth, [span]), page);

        Assert.NotNull(labeller);
        var placed = Assert.Single(labeller.Spans);
        var expected = Turned(span);
        Assert.InRange(Math.Abs(placed.Left - expected.Left) + Math.Abs(placed.Top - expected.Top) + Math.Abs(placed.Right - expected.Right), 0, 6);
        Assert.Equal(TruthLabel.Unreadable, labeller.Of(Turned(truth[14].Box)));
        Assert.Equal(TruthLabel.Legible, labeller.Of(Turned(truth[30].Box)));
        // A box that only grazes the span's edge says nothing either way.
        Assert.Equal(TruthLabel.Unsure, labeller.Of(new BoundingBox(expected.Right - 5, expected.Top, expected.Right + 150, expected.Bottom)));
    }

    [Fact]
    public void A_page_whose_words_do_not_match_the_truth_is_not_labelled()
    {
        var truth = TruthWords();
        var read = truth.Take(4).Select(w => new Word(w.Text, w.Box, 95)).ToList();
        var page = new Page(1, 3000, 4000, 300, [new Block(BoundingBox.Union(read.Select(w => w.Box)), [new Line(BoundingBox.Union(read.Select(w => w.Box)), read)])],
            new PageProcessing(0, 0, []));

        Assert.Null(SpanLabeller.For(new PageTruth(2550, 3300, truth, []), page));
    }
}
