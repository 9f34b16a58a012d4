using IngestPipeline.Domain.Metadata;
using IngestPipeline.Domain.Review;
using IngestPipeline.Domain.Transcripts;
using static IngestPipeline.Domain.Tests.Export.SampleTranscripts;

namespace IngestPipeline.Domain.Tests.Review;

public class ReviewSheetTests
{
    private static Transcript Cable() => OnePage(Block(
        LineAt(200, ("SECRET", 95)),
        LineAt(260, ("arrived", 92), ("tbe", 41), ("Embassy", 90)),
        new Line(new BoundingBox(100, 300, 400, 330), [new Word("from", new BoundingBox(100, 300, 180, 330), 90), Word.Illegible(new BoundingBox(200, 300, 400, 330), "Chnngk1ng", 12)])));

    [Fact]
    public void Lines_come_in_reading_order_with_illegible_and_low_confidence_words_flagged_at_their_characters()
    {
        var lines = ReviewSheet.Of(Cable());

        Assert.Equal(["SECRET", "arrived tbe Embassy", "from [ILLEGIBLE]"], lines.Select(l => l.Text));
        var low = Assert.Single(lines[1].Flags);
        Assert.Equal((FlagKind.LowConfidence, "tbe"), (low.Kind, lines[1].Text.Substring(low.Start, low.Length)));
        var illegible = Assert.Single(lines[2].Flags);
        Assert.Equal((FlagKind.Illegible, "[ILLEGIBLE]", "Chnngk1ng"), (illegible.Kind, lines[2].Text.Substring(illegible.Start, illegible.Length), illegible.Guess));
        Assert.Equal(new BoundingBox(200, 300, 400, 330), illegible.Box);
    }

    [Fact]
    public void A_kept_marker_stays_a_flag_counted_as_resolved_and_a_kept_doubtful_word_is_no_longer_flagged()
    {
        var kept = ReviewApplier.Keep(Cable(), [new KeptWord(1, 1, 1), new KeptWord(1, 2, 1)]);

        var lines = ReviewSheet.Of(kept);

        Assert.Empty(lines[1].Flags);
        var marker = Assert.Single(lines[2].Flags);
        Assert.True(marker.Kept);
        Assert.Equal(1, ReviewSheet.FlagCount(kept));
        Assert.Equal(ReviewSheet.LineText(ReviewSheet.Of(Cable())), ReviewSheet.LineText(lines)); // the text is as it was
    }

    [Fact]
    public void A_word_two_engines_read_differently_is_flagged_with_the_other_reading_as_the_guess()
    {
        static Word Read(string chosen, string tesseract, string second) => new(chosen, new BoundingBox(0, 0, 50, 20), 80)
        {
            Readings = [new EngineReading("tesseract", tesseract, 80), new EngineReading("pp-ocr", second, 95)],
        };
        var line = new Line(new BoundingBox(0, 0, 400, 20),
            [Read("the", "tbe", "the"), Read("Embassy,", "Embassy.", "Embassy,"), Read("10", "10", "lo"), Read("city", "city", "")]);

        var flags = ReviewSheet.Of(OnePage(Block(line))).Single().Flags;

        // Punctuation-only or unread differences are not worth a look; letters and digits are.
        Assert.Equal([(FlagKind.Disputed, "tbe"), (FlagKind.Disputed, "lo")], flags.Select(f => (f.Kind, f.Guess!)));
    }

    [Fact]
    public void A_line_edited_with_any_text_reads_back_at_the_same_index_and_later_lines_keep_theirs()
    {
        const string hostile = "<script>alert(1)</script><img src=x onerror=\"x()\">";
        var edited = ReviewApplier.Apply(Cable(), [new LineEdit(1, 0, hostile)]);

        var lines = ReviewSheet.Of(edited);

        Assert.Equal([hostile, "arrived tbe Embassy", "from [ILLEGIBLE]"], lines.Select(l => l.Text));
    }

    [Fact]
    public void Uncertain_readings_are_written_back_in_braces_so_an_unchanged_save_keeps_them()
    {
        var edited = ReviewApplier.Apply(Cable(), [new LineEdit(1, 2, "from {Chungking Szechwan}")]);

        var line = ReviewSheet.Of(edited)[2];

        Assert.Equal("from {Chungking Szechwan}", line.Text);
        Assert.Equal(edited, ReviewApplier.Apply(edited, [new LineEdit(1, 2, line.Text)]), new TranscriptTextComparer());
    }

    [Fact]
    public void Corrected_words_are_no_longer_flagged_and_the_line_text_has_a_heading_per_page()
    {
        var edited = ReviewApplier.Apply(Cable(), [new LineEdit(1, 1, "arrived the Embassy")]);

        var lines = ReviewSheet.Of(edited);

        Assert.Empty(lines[1].Flags);
        Assert.Equal("[page 1]\nSECRET\narrived the Embassy\nfrom [ILLEGIBLE]\n", ReviewSheet.LineText(lines));
    }

    [Fact]
    public void Reviewed_metadata_replaces_only_changed_fields_with_the_reviewer_as_source()
    {
        var extracted = new CableMetadata
        {
            Date = new MetadataField<string>("1943-05-12", 0.9, "Dated May 12, 1943"),
            Sender = new MetadataField<string>("GAUSS", 0.8, "GAUSS"),
            Recipients = new MetadataField<IReadOnlyList<string>>(["SECRETARY OF STATE"], 0.9, "TO: SECRETARY OF STATE"),
        };
        var fields = ReviewedMetadata.Of(extracted) with { Title = "Gauss on supplies", To = "SECRETARY OF STATE; THE PRESIDENT", From = "" };

        var reviewed = fields.ApplyTo(extracted);

        Assert.Same(extracted.Date, reviewed.Date);
        Assert.Equal(new MetadataField<string>("Gauss on supplies", 1, "reviewer"), reviewed.Title);
        Assert.Equal(["SECRETARY OF STATE", "THE PRESIDENT"], reviewed.Recipients!.Value);
        Assert.Null(reviewed.Sender);
    }

    private sealed class TranscriptTextComparer : IEqualityComparer<Transcript>
    {
        public bool Equals(Transcript? x, Transcript? y) => ReviewSheet.LineText(ReviewSheet.Of(x!)) == ReviewSheet.LineText(ReviewSheet.Of(y!))
            && x!.Pages.SelectMany(p => p.Words).Select(w => w.Uncertain).SequenceEqual(y!.Pages.SelectMany(p => p.Words).Select(w => w.Uncertain));

        public int GetHashCode(Transcript obj) => 0;
    }
}
