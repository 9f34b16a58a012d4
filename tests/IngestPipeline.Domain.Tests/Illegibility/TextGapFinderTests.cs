using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Transcripts;
using static IngestPipeline.Domain.Tests.Export.SampleTranscripts;

namespace IngestPipeline.Domain.Tests.Illegibility;

/// <summary>Where a page's layout says words are missing: the geometry proposes, the ink in the stretch decides (GapEvidenceTests).</summary>
public sealed class TextGapFinderTests
{
    // 20 px per character and 20 px between words from x = 100: five words of eight letters end at x = 980, the margin.
    private static Line Full(int baseline, string last = "eeeeeeee") =>
        LineAt(baseline, ("aaaaaaaa", 90f), ("bbbbbbbb", 90f), ("cccccccc", 90f), ("dddddddd", 90f), (last, 90f));

    /// <summary>The stretches the hand rules judge.</summary>
    private static IReadOnlyList<BoundingBox> Gaps(params Line[] lines) =>
        TextGapFinder.Find(OnePage(Block(lines)).Pages[0]).Where(g => g.Source == GapSource.Layout).Select(g => g.Box).ToList();

    private static IReadOnlyList<(BoundingBox Box, GapSource Source)> AllGaps(params Line[] lines) =>
        TextGapFinder.Find(OnePage(Block(lines)).Pages[0]);

    [Fact]
    public void A_line_that_stops_in_mid_sentence_well_short_of_the_margin_is_a_place_to_look_even_if_it_is_nearly_full()
    {
        // Six characters short of the margin after "of": too long to call the line short, too short for the typist to stop.
        var gaps = Gaps(Full(200), Full(250),
            LineAt(300, ("aaaaaaaa", 90f), ("bbbbbbbb", 90f), ("cccccccc", 90f), ("dddddddd", 90f), ("of", 90f)),
            Full(350), LineAt(400, ("end.", 90f)));

        var gap = Assert.Single(gaps);
        Assert.InRange(gap.Left, 860, 880);
        Assert.Equal(980, gap.Right);
        Assert.InRange(gap.Top, 265, 275);
    }

    [Fact]
    public void A_line_that_ends_a_sentence_or_reaches_the_margin_holds_no_gap()
    {
        Assert.Empty(Gaps(Full(200), Full(250),
            LineAt(300, ("aaaaaaaa", 90f), ("bbbbbbbb", 90f), ("cccccccc", 90f), ("dddddddd", 90f), ("end.", 90f)),
            Full(350, "eeeeeee,"), Full(400), LineAt(450, ("end.", 90f))));
    }

    [Fact]
    public void The_paper_between_a_note_in_the_margin_and_the_typed_column_is_no_gap()
    {
        // The column starts at x = 300; initials written at x = 100 are read into the line ahead of its first word.
        Line Column(int baseline) => LineAt(300, baseline, ("aaaaaaaa", 90f), ("bbbbbbbb", 90f), ("cccccccc", 90f), ("end.", 90f));
        var noted = Column(300);
        noted = noted with { Words = [new Word("S.B.", new BoundingBox(100, 270, 180, 300), 40), .. noted.Words] };
        Assert.Empty(Gaps(Column(200), Column(250), noted, Column(350)));

        // The same stretch inside the column is a place to look.
        var inside = LineAt(300, 300, ("aaaaaaaa", 90f));
        inside = inside with { Words = [.. inside.Words, new Word("end.", new BoundingBox(760, 270, 840, 300), 90)] };
        Assert.Single(Gaps(Column(200), Column(250), inside, Column(350)));
    }

    [Fact]
    public void A_paragraph_of_prose_whose_last_line_stops_without_ending_its_sentence_is_a_place_to_look_unless_the_page_ends_there()
    {
        // A blank line, then the next paragraph: the first one ends on "as" with no full stop.
        var gaps = Gaps(Full(200), Full(250), LineAt(300, ("aaaaaaaa", 90f), ("as", 90f)), Full(450), Full(500), LineAt(550, ("end.", 90f)));
        Assert.Contains(gaps, g => g.Left > 280 && g.Top < 300);
        // Ended with a full stop, it lost nothing; the page's last line may go on overleaf.
        Assert.DoesNotContain(Gaps(Full(200), Full(250), LineAt(300, ("aaaaaaaa", 90f), ("as.", 90f)), Full(450), Full(500), LineAt(550, ("end.", 90f))),
            g => g.Top < 300);
        Assert.Empty(Gaps(Full(200), Full(250), LineAt(300, ("aaaaaaaa", 90f), ("as", 90f))));
    }

    [Fact]
    public void For_the_learned_decision_a_paragraph_line_that_starts_late_and_a_short_line_whose_sentence_ended_are_proposed_too()
    {
        // Line 3 starts 300 px (15 characters) right of the margin inside its paragraph: its first words faded.
        var late = LineAt(400, 300, ("cccccccc", 90f), ("dddddddd", 90f), ("eeeeeeee", 90f));
        var gaps = AllGaps(Full(200), Full(250), late, Full(350), LineAt(400, ("end.", 90f)));
        var start = Assert.Single(gaps, g => g.Source == GapSource.LineStart);
        Assert.InRange(start.Box.Left, 95, 105);
        Assert.InRange(start.Box.Right, 385, 400);

        // A line that ends a sentence well short of the margin while its paragraph goes on: not the rules' concern, but a candidate.
        var ended = AllGaps(Full(200), Full(250), LineAt(300, ("aaaaaaaa", 90f), ("end.", 90f)), Full(350), LineAt(400, ("end.", 90f)));
        Assert.Contains(ended, g => g.Source == GapSource.ShortLine && g.Box.Left > 280);
        Assert.DoesNotContain(ended, g => g.Source == GapSource.Layout);
    }
}
