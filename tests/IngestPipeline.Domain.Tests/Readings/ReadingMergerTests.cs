using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Readings;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Tests.Readings;

public sealed class ReadingMergerTests
{
    private static readonly Lexicon Words = new(["the", "have", "been", "here", "days", "Austria", "I", "a", "lo"]);
    private static readonly ReadingMerger Merger = new(Words, c => c < 128);

    /// <summary>A line of words 10 px a character with one character's space between them, as Tesseract gives it.</summary>
    private static Line LineOf(params (string Text, float Confidence)[] words)
    {
        var list = new List<Word>();
        int x = 0;
        foreach (var (text, confidence) in words)
        {
            list.Add(new Word(text, new BoundingBox(x, 0, x + 10 * text.Length, 20), confidence));
            x += 10 * text.Length + 10;
        }
        return new Line(new BoundingBox(0, 0, x - 10, 20), list);
    }

    /// <summary>A second reading of the text laid out as <see cref="LineOf"/> lays out words, from <paramref name="start"/> px.</summary>
    private static List<ReadCharacter> Read(string text, float probability = 0.95f, int start = 0) =>
        text.Select((c, i) => new ReadCharacter(c.ToString(), probability, start + 10 * i, start + 10 * i + 10)).ToList();

    [Fact]
    public void A_line_is_cut_into_stretches_around_its_doubtful_words_and_only_those_are_read_again()
    {
        // "hsve" is no known word: it and two words either side are read again, the sure words around them are not.
        var line = LineOf(("I", 96), ("have", 96), ("been", 96), ("here", 96), ("hsve", 60), ("the", 96), ("days", 96), ("here", 96), ("I", 96));

        var stretches = Merger.Stretches(line);

        Assert.Equal(["I have", "been here hsve the days", "here I"], stretches.Select(s => s.Text));
        Assert.Equal([false, true, false], stretches.Select(Merger.IsDoubtful));
        var merged = Merger.MergeStretches(stretches, s => Merger.IsDoubtful(s) ? Read("been here have the days", start: s.Box.Left) : null);
        Assert.Equal("I have been here have the days here I", string.Join(' ', merged.Select(s => s.Text)));
        Assert.All(merged[0].Words.Concat(merged[2].Words), w => Assert.Null(w.Readings));
        Assert.All(merged[1].Words, w => Assert.Equal(2, w.Readings!.Count));
    }

    [Fact]
    public void Characters_of_words_run_together_go_to_the_words_they_stand_in()
    {
        var line = LineOf(("Austria.", 90), ("I", 90), ("have", 90));

        var readings = ReadingMerger.Assign(line, Read("Austria.I have"));

        Assert.Equal(["Austria.", "I", "have"], readings.Select(r => r.Text));
    }

    [Fact]
    public void A_character_left_between_two_words_goes_to_the_nearer()
    {
        var line = LineOf(("days", 90), ("here", 90));
        // "days," read where Tesseract saw no comma: the comma stands just right of "days".
        var read = Read("days,");
        read.AddRange(Read("here", start: 50));

        var readings = ReadingMerger.Assign(line, read);

        Assert.Equal(["days,", "here"], readings.Select(r => r.Text));
    }

    [Fact]
    public void Nothing_read_over_a_word_leaves_it_an_empty_reading()
    {
        var line = LineOf(("been", 90), ("~", 20));

        var readings = ReadingMerger.Assign(line, Read("been"));

        Assert.Equal(["been", ""], readings.Select(r => r.Text));
        Assert.Equal(0, readings[1].Confidence);
    }

    [Theory]
    [InlineData("been", 0.5, "been", 0.5, "been")] // agreed
    [InlineData("THE", 0.9, "The", 0.1, "THE")] // case only: the surer engine's
    [InlineData("THE", 0.1, "The", 0.9, "The")]
    [InlineData("soit", 0.1, "#oit", 0.9, "soit")] // a symbol no typewriter had
    [InlineData("rartioullbrement", 0.9, "Xyzzyv", 0.9, "rartioullbrement")] // a tie: Tesseract's
    [InlineData("10", 0.1, "lo", 0.9, "10")] // a number whose digits were read as letters
    [InlineData("l938", 0.9, "1938", 0.1, "1938")]
    [InlineData("Attaché", 0.1, "Attache", 0.9, "Attaché")] // a letter the second cannot write
    [InlineData("tbe", 0.9, "the", 0.1, "the")] // the lexicon's word
    [InlineData("have", 0.1, "bave", 0.9, "have")]
    [InlineData("Xyzzy", 0.2, "Xyzzv", 0.8, "Xyzzv")] // neither known: the surer engine, on its own page's scale
    [InlineData("Xyzzy", 0.8, "Xyzzv", 0.2, "Xyzzy")]
    [InlineData("word", 0.5, "", 0, "word")] // only Tesseract read something
    public void Decides_each_disputed_word_by_its_evidence(string first, double firstRank, string second, double secondRank, string chosen) =>
        Assert.Equal(chosen, Merger.Decide(first, firstRank, second, secondRank).Text);

    [Fact]
    public void Where_only_confidence_decides_the_stretch_gets_the_lower_of_the_two()
    {
        var line = LineOf(("here", 90), ("oro", 14), ("days", 80));
        var read = Read("here", 0.9f);
        read.AddRange(Read("ctua", 0.99f, start: 50));
        read.AddRange(Read("days", 0.8f, start: 90));

        var merged = Merger.Merge([new Block(line.Box, [line])], _ => read).Single().Lines.Single().Words;

        Assert.Equal("ctua", merged[1].Text); // neither known: the engine surer on its page's scale
        Assert.Equal(14, merged[1].Confidence, 3); // but the stretch is doubtful to one of them
    }

    [Fact]
    public void A_word_the_second_did_not_see_stays_only_where_tesseract_is_sure()
    {
        var line = LineOf(("will.", 95), ("i", 10), ("here", 90));
        line = line with { Words = [line.Words[0], line.Words[1] with { Box = line.Words[1].Box with { Right = line.Words[1].Box.Left + 4 } }, line.Words[2]] };
        var read = Read("will.", 0.9f);
        read.AddRange(Read("here", 0.9f, start: 80));

        var merged = Merger.Merge([new Block(line.Box, [line])], _ => read);

        Assert.Equal(["will.", "here"], merged.Single().Lines.Single().Words.Select(w => w.Text));
        var sure = LineOf(("will.", 95), ("(3)", 93));
        Assert.Equal(2, Merger.Merge([new Block(sure.Box, [sure])], _ => Read("will.")).Single().Lines.Single().Words.Count);
        // A run of unsure words only one engine saw, or one as wide as a character, may be a damaged stretch: kept
        // for the illegibility decision.
        var damaged = LineOf(("will.", 95), ("+h", 10), ("sean", 20));
        Assert.Equal(3, Merger.Merge([new Block(damaged.Box, [damaged])], _ => Read("will.")).Single().Lines.Single().Words.Count);
        var wide = LineOf(("will.", 95), ("+h", 10));
        Assert.Equal(2, Merger.Merge([new Block(wide.Box, [wide])], _ => Read("will.")).Single().Lines.Single().Words.Count);
    }

    [Fact]
    public void Chinese_characters_and_foreign_symbols_never_win()
    {
        Assert.Equal(".", Merger.Decide(".", 0.1, "电", 0.9).Text);
        Assert.Equal("been", Merger.Decide("been", 0.1, "b#en", 0.9).Text);
    }

    [Fact]
    public void Symbols_a_typewriter_lacked_still_beat_chinese_characters()
    {
        Assert.Equal("=", Merger.Decide("=", 0.1, "华", 0.9).Text); // a dash read as "=" beside a "character" that cannot be on the page
        Assert.Equal("!", Merger.Decide("Î|", 0.9, "!", 0.1).Text); // a letter the second cannot write proves nothing in a reading with "|"
    }

    [Fact]
    public void Letters_that_cannot_fit_the_words_width_lose_to_a_mark_that_does()
    {
        // Tesseract reads a worn full stop as "ae" in less than one typed character's width; PP reads a comma.
        Assert.Equal(",", Merger.Decide("ae", 0.9, ",", 0.1, widthInChars: 0.7).Text);
        Assert.Equal("ae", Merger.Decide("ae", 0.9, ",", 0.1, widthInChars: 2).Text); // room for two letters: confidence decides
        Assert.True(Merger.Decide("ae", 0.9, ",", 0.1, widthInChars: 2).ByConfidence);
    }

    [Theory]
    [InlineData("gg", "w")] // a blot: a single letter is no evidence of a word
    [InlineData("w", "gg")]
    public void A_single_letter_weighs_no_more_than_an_unknown_word(string first, string second) =>
        Assert.True(Merger.Decide(first, 0.5, second, 0.4).ByConfidence);

    [Fact]
    public void A_merged_page_keeps_both_readings_with_confidences_on_tesseracts_scale()
    {
        var line = LineOf(("tbe", 40), ("days", 70), ("here", 90));
        var blocks = new List<Block> { new(line.Box, [line]) };
        var read = Read("the", 0.99f);
        read.AddRange(Read("days", 0.6f, start: 40));
        read.AddRange(Read("here", 0.8f, start: 90));

        var merged = Merger.Merge(blocks, _ => read).Single().Lines.Single().Words;

        Assert.Equal(["the", "days", "here"], merged.Select(w => w.Text));
        Assert.Equal([new EngineReading(ReadingMerger.Tesseract, "tbe", 40), new EngineReading(ReadingMerger.PaddleOcr, "the", 99)], merged[0].Readings!);
        // Only the second made it a known word: its surest word on the page stands where Tesseract's surest does.
        Assert.Equal(90, merged[0].Confidence, 3);
        // Agreed words keep Tesseract's confidence.
        Assert.Equal(70, merged[1].Confidence, 3);
        Assert.Equal(90, merged[2].Confidence, 3);
        Assert.False(merged[0].ReadAlike);
        Assert.True(merged[1].ReadAlike);
    }
}
