using System.Xml.Linq;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Review;
using IngestPipeline.Domain.Transcripts;
using static IngestPipeline.Domain.Tests.Export.SampleTranscripts;

namespace IngestPipeline.Domain.Tests.Review;

public class ReviewApplierTests
{
    // 20 px per character and 20 px between words from x = 100 (SampleTranscripts.LineAt).
    private static Line Line(params string[] words) => LineAt(200, words.Select(w => (w, 80f)).ToArray());

    private static string Text(Line line) => string.Join(' ', line.Words.Select(w => w.Text));

    [Fact]
    public void An_unchanged_line_keeps_every_word_as_it_was()
    {
        var line = Line("TO", "THE", "PRESIDENT");

        var reviewed = ReviewApplier.ApplyToLine(line, "TO THE PRESIDENT");

        Assert.Equal(line.Words, reviewed.Words);
        Assert.DoesNotContain(reviewed.Words, w => w.Corrected);
    }

    [Fact]
    public void A_corrected_word_keeps_its_box_and_is_marked_corrected()
    {
        var line = Line("arrived", "tbe", "Embassy");

        var reviewed = ReviewApplier.ApplyToLine(line, "arrived the Embassy");

        Assert.Equal("arrived the Embassy", Text(reviewed));
        Assert.Equal(line.Words[1].Box, reviewed.Words[1].Box);
        Assert.True(reviewed.Words[1].Corrected);
        Assert.Equal(100, reviewed.Words[1].Confidence);
        Assert.False(reviewed.Words[0].Corrected);
        Assert.False(reviewed.Words[2].Corrected);
    }

    [Fact]
    public void Words_typed_over_a_marker_share_its_box_with_a_space_between_them()
    {
        var marker = Word.Illegible(new BoundingBox(300, 170, 700, 200), "ee@e", 3);
        var line = new Line(new BoundingBox(100, 170, 900, 200),
            [new Word("hopes", new BoundingBox(100, 170, 280, 200), 90), marker, new Word("to", new BoundingBox(720, 170, 900, 200), 90)]);

        var reviewed = ReviewApplier.ApplyToLine(line, "hopes that Soong to");

        Assert.Equal("hopes that Soong to", Text(reviewed));
        // "that Soong": 10 characters over the marker's 400 px, the space a gap the text layer keeps.
        Assert.Equal((300, 460), (reviewed.Words[1].Box.Left, reviewed.Words[1].Box.Right));
        Assert.Equal((500, 700), (reviewed.Words[2].Box.Left, reviewed.Words[2].Box.Right));
        Assert.All(reviewed.Words.Skip(1).Take(2), w => Assert.True(w.Corrected));
        Assert.DoesNotContain(reviewed.Words, w => w.IsIllegible);
    }

    [Fact]
    public void A_kept_marker_stays_with_the_engines_guess_and_a_typed_one_takes_the_replaced_words_as_guess()
    {
        var marker = Word.Illegible(new BoundingBox(300, 170, 700, 200), "ee@e", 3);
        var line = new Line(new BoundingBox(100, 170, 1100, 200),
            [new Word("hopes", new BoundingBox(100, 170, 280, 200), 90), marker, new Word("Sovlet", new BoundingBox(720, 170, 1100, 200), 20)]);

        var reviewed = ReviewApplier.ApplyToLine(line, "hopes [ILLEGIBLE] [ILLEGIBLE]");

        Assert.Same(marker, reviewed.Words[1]);
        Assert.True(reviewed.Words[2].IsIllegible);
        Assert.Equal("Sovlet", reviewed.Words[2].IllegibleGuess);
        Assert.Equal(new BoundingBox(720, 170, 1100, 200), reviewed.Words[2].Box);
    }

    [Fact]
    public void Braces_mark_an_uncertain_reading_which_tei_wraps_in_unclear_and_alto_marks_corrections()
    {
        var transcript = OnePage(Block(Line("reported", "from", "Slan", "today")));

        var reviewed = ReviewApplier.Apply(transcript, [new LineEdit(1, 0, "reported from {Sian today}")]);

        var words = reviewed.Pages[0].Words.ToList();
        Assert.Equal(["reported", "from", "Sian", "today"], words.Select(w => w.Text));
        Assert.True(words[2].Uncertain && words[2].Corrected);
        Assert.True(words[3].Uncertain && !words[3].Corrected);

        var tei = TeiExporter.Build(reviewed);
        var unclear = Assert.Single(tei.Descendants(TeiExporter.Namespace + "unclear"));
        Assert.Equal("Sian today", unclear.Value);

        var alto = XDocument.Parse(AltoExporter.Write(reviewed));
        var corrected = alto.Descendants().Where(e => e.Name.LocalName == "String" && (string?)e.Attribute("CS") == "true").ToList();
        Assert.Equal(["Sian"], corrected.Select(e => (string)e.Attribute("CONTENT")!));
    }

    [Fact]
    public void An_inserted_word_takes_the_gap_where_it_was_inserted_and_deleted_words_go()
    {
        var line = Line("the", "the", "Embassy"); // "the" at 100-160, "the" at 180-240, "Embassy" at 260-400

        var reviewed = ReviewApplier.ApplyToLine(line, "the Embassy staff");

        Assert.Equal("the Embassy staff", Text(reviewed));
        Assert.True(reviewed.Words[2].Corrected);
        Assert.True(reviewed.Words[2].Box.Left >= reviewed.Words[1].Box.Right);
    }

    [Fact]
    public void Reviewed_words_survive_the_json_round_trip()
    {
        var transcript = ReviewApplier.Apply(OnePage(Block(Line("tbe", "Embassy"))), [new LineEdit(1, 0, "{the} Embassy")]);

        var again = JsonExporter.Read(JsonExporter.Write(transcript));

        var first = again.Pages[0].Words.First();
        Assert.True(first.Corrected);
        Assert.True(first.Uncertain);
        Assert.DoesNotContain("corrected", JsonExporter.Write(OnePage(Block(Line("plain")))));
    }

    [Fact]
    public void A_line_the_page_does_not_have_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReviewApplier.Apply(OnePage(Block(Line("one"))), [new LineEdit(1, 5, "x")]));
}
