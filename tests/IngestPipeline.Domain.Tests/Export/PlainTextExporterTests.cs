using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Transcripts;
using static IngestPipeline.Domain.Tests.Export.SampleTranscripts;

namespace IngestPipeline.Domain.Tests.Export;

public class PlainTextExporterTests
{
    [Fact]
    public void Writes_lines_paragraph_gaps_and_a_form_feed_between_pages()
    {
        var text = PlainTextExporter.Write(TwoPages());

        Assert.Equal(
            "TO: SECSTATE WASHINGTON\n" +
            "FROM: LONDON\n" +
            "\n" +
            "URGENT <script>&\"x\" STOP\n" +
            "Attaché ARRIVES\n" +
            "TUESDAY\n" +
            "\n" +
            "END MESSAGE\n" +
            "\f" +
            "SIGNED WINANT\n" +
            "Attaché COPY\n",
            text);
    }

    [Fact]
    public void Form_feed_separates_pages_and_text_ends_with_a_newline()
    {
        var text = PlainTextExporter.Write(TwoPages());

        Assert.Single(text, c => c == '\f');
        Assert.DoesNotContain("\f", text[^2..]);
        Assert.EndsWith("\n", text);
        Assert.False(text.StartsWith('\f'));
        Assert.DoesNotContain("\r", text);
    }

    [Fact]
    public void Double_spaced_page_has_no_paragraph_breaks_where_every_gap_is_equally_large()
    {
        // Pitch 100 px everywhere: twice the single-spaced pitch, but the page's own median.
        var transcript = OnePage(Block(
            LineAt(200, ("ONE", 90f)),
            LineAt(300, ("TWO", 90f)),
            LineAt(400, ("THREE", 90f)),
            LineAt(500, ("FOUR", 90f))));

        Assert.Equal("ONE\nTWO\nTHREE\nFOUR\n", PlainTextExporter.Write(transcript));
    }

    [Fact]
    public void Double_spaced_page_still_breaks_at_a_larger_gap()
    {
        var transcript = OnePage(Block(
            LineAt(200, ("ONE", 90f)),
            LineAt(300, ("TWO", 90f)),
            LineAt(400, ("THREE", 90f)),
            LineAt(600, ("FOUR", 90f)),
            LineAt(700, ("FIVE", 90f))));

        Assert.Equal("ONE\nTWO\nTHREE\n\nFOUR\nFIVE\n", PlainTextExporter.Write(transcript));
    }

    [Fact]
    public void Descenders_do_not_fake_a_paragraph_gap()
    {
        // Line 3 has one word reaching 25 px below the baseline; by its box bottom the step from line 2 would be
        // 75 px (> 1.4 x 50), by its baseline it is the usual 50 px.
        var withDescender = new Line(
            new BoundingBox(100, 220, 500, 275),
            [
                new Word("PAYING", new BoundingBox(100, 220, 220, 275), 90f),
                new Word("DUE", new BoundingBox(240, 220, 300, 250), 90f),
                new Word("NOW", new BoundingBox(320, 220, 380, 250), 90f),
            ]);
        var transcript = OnePage(Block(
            LineAt(150, ("ONE", 90f)),
            LineAt(200, ("TWO", 90f)),
            withDescender,
            LineAt(300, ("FOUR", 90f))));

        Assert.Equal("ONE\nTWO\nPAYING DUE NOW\nFOUR\n", PlainTextExporter.Write(transcript));
    }

    [Fact]
    public void Block_beside_the_previous_one_starts_a_paragraph()
    {
        var left = Block(LineAt(100, 200, ("LEFT", 90f)), LineAt(100, 250, ("COLUMN", 90f)));
        var right = Block(LineAt(1200, 200, ("RIGHT", 90f)), LineAt(1200, 250, ("SIDE", 90f)));

        Assert.Equal("LEFT\nCOLUMN\n\nRIGHT\nSIDE\n", PlainTextExporter.Write(OnePage(left, right)));
    }

    [Fact]
    public void Control_characters_inside_words_cannot_break_lines_or_pages()
    {
        var transcript = OnePage(Block(LineAt(200, ("A\fB", 90f), ("C\nD", 90f))));

        Assert.Equal("A B C D\n", PlainTextExporter.Write(transcript));
    }

    [Fact]
    public void Lines_without_words_are_left_out_and_an_empty_transcript_is_empty()
    {
        var empty = new Line(new BoundingBox(100, 220, 200, 250), []);
        var transcript = OnePage(Block(LineAt(200, ("ONE", 90f)), empty, LineAt(250, ("TWO", 90f))));

        Assert.Equal("ONE\nTWO\n", PlainTextExporter.Write(transcript));
        Assert.Equal("", PlainTextExporter.Write(new Transcript("none", [])));
    }
}
