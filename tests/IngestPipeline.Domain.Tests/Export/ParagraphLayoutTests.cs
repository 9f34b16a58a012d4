using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Transcripts;
using static IngestPipeline.Domain.Tests.Export.SampleTranscripts;

namespace IngestPipeline.Domain.Tests.Export;

public class ParagraphLayoutTests
{
    // 20 px per character and 20 px between words from x = 100: "aaaaaaaa" x 5 ends at x = 980 (the full measure).
    private static Line Full(int baseline, string first = "aaaaaaaa", string last = "eeeeeeee") =>
        LineAt(baseline, (first, 90f), ("bbbbbbbb", 90f), ("cccccccc", 90f), ("dddddddd", 90f), (last, 90f));

    [Fact]
    public void Full_lines_run_on_and_a_short_line_ends_the_paragraph()
    {
        var page = OnePage(Block(
            Full(200, "The"),
            Full(250),
            LineAt(300, ("short.", 90f)),
            Full(350, "Next"),
            LineAt(400, ("end.", 90f))));

        Assert.Equal(
            "The bbbbbbbb cccccccc dddddddd eeeeeeee aaaaaaaa bbbbbbbb cccccccc dddddddd eeeeeeee short.\n" +
            "Next bbbbbbbb cccccccc dddddddd eeeeeeee end.\n",
            PlainTextExporter.Write(page, TextLayout.Paragraphs));
    }

    [Fact]
    public void An_indented_line_starts_a_new_paragraph()
    {
        var page = OnePage(Block(
            Full(200, "One"),
            LineAt(200 + 50, ("aaaaaaaa", 90f), ("bbbbbbbb", 90f), ("cccccccc", 90f), ("dddddddd", 90f), ("eeeeeeee.", 90f)),
            LineAt(160, 300, ("Two", 90f), ("bbbbbbbb", 90f), ("cccccccc", 90f), ("dddddddd", 90f), ("eeeeeeee", 90f)),
            LineAt(350, ("end.", 90f))));

        var text = PlainTextExporter.Write(page, TextLayout.Paragraphs);

        Assert.Equal(
            "One bbbbbbbb cccccccc dddddddd eeeeeeee aaaaaaaa bbbbbbbb cccccccc dddddddd eeeeeeee.\n" +
            "Two bbbbbbbb cccccccc dddddddd eeeeeeee end.\n",
            text);
    }

    [Fact]
    public void A_header_block_of_short_lines_is_kept_line_by_line_even_where_a_line_reaches_the_margin()
    {
        var page = OnePage(
            Block(
                LineAt(500, 200, ("TELEGRAM", 90f), ("RECEIVED", 90f)),
                LineAt(760, 250, ("740.0011/2375", 90f)),
                LineAt(300, ("FROM:", 90f), ("Chungking", 90f)),
                LineAt(350, ("Dated", 90f), ("July", 90f), ("3,", 90f), ("1945", 90f))),
            Block(
                Full(450, "Body"),
                Full(500),
                LineAt(550, ("done.", 90f))));

        Assert.Equal(
            "TELEGRAM RECEIVED\n740.0011/2375\nFROM: Chungking\nDated July 3, 1945\n\n" +
            "Body bbbbbbbb cccccccc dddddddd eeeeeeee aaaaaaaa bbbbbbbb cccccccc dddddddd eeeeeeee done.\n",
            PlainTextExporter.Write(page, TextLayout.Paragraphs));
    }

    [Fact]
    public void A_line_ending_in_a_colon_does_not_run_on()
    {
        var page = OnePage(Block(
            Full(200, "Text", "appeared:"),
            Full(250, "Quoted"),
            LineAt(300, ("end.", 90f))));

        Assert.StartsWith("Text bbbbbbbb cccccccc dddddddd appeared:\nQuoted ", PlainTextExporter.Write(page, TextLayout.Paragraphs));
    }

    [Fact]
    public void A_word_broken_at_a_line_end_keeps_its_line_end_rather_than_a_space_after_the_hyphen()
    {
        var page = OnePage(Block(
            Full(200, "Text", "discrimina-"),
            Full(250, "tions"),
            LineAt(300, ("end.", 90f))));

        Assert.StartsWith("Text bbbbbbbb cccccccc dddddddd discrimina-\ntions bbbbbbbb ", PlainTextExporter.Write(page, TextLayout.Paragraphs));
    }

    [Fact]
    public void On_a_page_read_with_its_slope_the_slanted_margins_are_the_margins()
    {
        // Lines falling 1 px per 25 across (a page skewed 2.3 degrees and read as scanned), so the margins slant left
        // going down, 4 px a line: the top line starts 60 px right of the median start, yet is no new paragraph, and
        // the short line at the bottom ends the paragraph.
        static Line Sloped(int left, int baseline, params string[] texts)
        {
            var words = new List<Word>();
            int x = left;
            foreach (var text in texts)
            {
                int width = 20 * text.Length, drop = (x - 200) / 25;
                words.Add(new Word(text, new BoundingBox(x, baseline + drop - 30, x + width, baseline + drop), 90f));
                x += width + 20;
            }
            return new Line(BoundingBox.Union(words.Select(w => w.Box)), words);
        }
        string[] full = ["aaaaaaaa", "bbbbbbbb", "cccccccc", "dddddddd", "eeeeeeee"];
        var lines = Enumerable.Range(0, 30).Select(i => Sloped(200 - 4 * i, 200 + 100 * i, full)).Append(Sloped(80, 3200, "end.")).ToArray();

        var text = PlainTextExporter.Write(OnePage(Block(lines)), TextLayout.Paragraphs);

        Assert.Equal(1, text.Count(c => c == '\n'));
    }

    [Fact]
    public void Lines_layout_keeps_every_typed_line()
    {
        var page = OnePage(Block(Full(200, "One"), Full(250, "Two"), LineAt(300, ("end.", 90f))));

        Assert.Equal(3, PlainTextExporter.Write(page, TextLayout.Lines).Count(c => c == '\n'));
        Assert.Equal(1, PlainTextExporter.Write(page, TextLayout.Paragraphs).Count(c => c == '\n'));
    }
}
