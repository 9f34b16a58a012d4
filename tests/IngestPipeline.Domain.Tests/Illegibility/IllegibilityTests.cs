using System.Xml.Linq;
using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Tests.Illegibility;

public sealed class IllegibilityTests
{
    private static readonly Lexicon Words = new([
        "he is hopeful of reaching agreement on the railroads and ports arrangements hopes to be able",
        "understanding this subject with reference port Darien Dalian Soong Stalin",
    ]);

    private static Line LineOf(params (string Text, float Confidence)[] words)
    {
        var list = words.Select((w, i) => new Word(w.Text, new BoundingBox(100 + i * 200, 1000, 260 + i * 200, 1040), w.Confidence)).ToList();
        return new Line(BoundingBox.Union(list.Select(w => w.Box)), list);
    }

    private static string Text(Line line) => string.Join(' ', line.Words.Select(w => w.Text));

    [Fact]
    public void Garbage_with_low_confidence_becomes_one_marker_keeping_guess_box_and_confidence()
    {
        var line = IllegibilityDetector.Mark(LineOf(("arrangements...", 95), ("ee@e", 12), ("i>", 30), ("hopes", 93)), Words, IllegibilityOptions.Default);
        Assert.Equal("arrangements... [ILLEGIBLE] hopes", Text(line));
        var marker = line.Words[1];
        Assert.Equal(("ee@e i>", 12f), (marker.IllegibleGuess, marker.Confidence));
        Assert.Equal(new BoundingBox(300, 1000, 660, 1040), marker.Box);
    }

    [Fact]
    public void Weak_readings_between_two_unreadable_runs_are_the_same_damage_whatever_their_ink()
    {
        // Under a stain along the line's end: two smeared tokens, and between them weak readings whose ink looks typed.
        var typed = new InkMeasure(120, 0.3f);
        var smeared = new InkMeasure(130, 0.6f);
        Line Read(params (string Text, float Confidence, InkMeasure Ink)[] words)
        {
            var line = LineOf(words.Select(w => (w.Text, w.Confidence)).ToArray());
            return line with { Words = line.Words.Select((w, i) => w with { Ink = words[i].Ink }).ToList() };
        }
        var sure = new Line(new BoundingBox(100, 500, 2000, 540), Enumerable.Range(0, 6)
            .Select(i => new Word("railroads", new BoundingBox(100 + i * 300, 500, 350 + i * 300, 540), 96) { Ink = typed }).ToList());
        var ink = PageInk.Of(new Page(1, 2550, 3300, 300, [new Block(sure.Box, [sure])], new PageProcessing(0, 0, [])), IllegibilityOptions.Default);

        var weak = Read(("arrangements...", 95, typed), ("ee@e", 12, smeared), ("sean", 7, typed), ("8", 14, typed), ("HePe¥ee", 0, smeared), ("hopes", 93, typed));
        Assert.Equal("arrangements... [ILLEGIBLE] hopes", Text(IllegibilityDetector.Mark(weak, Words, IllegibilityOptions.Default, ink)));
        var sureBetween = Read(("arrangements...", 95, typed), ("ee@e", 12, smeared), ("port", 95, typed), ("HePe¥ee", 0, smeared), ("hopes", 93, typed));
        Assert.Equal("arrangements... [ILLEGIBLE] port [ILLEGIBLE] hopes", Text(IllegibilityDetector.Mark(sureBetween, Words, IllegibilityOptions.Default, ink)));
    }

    [Fact]
    public void Weak_real_word_next_to_garbage_joins_the_span_but_a_confident_one_does_not()
    {
        var line = IllegibilityDetector.Mark(LineOf(("the", 96), ("es", 29), ("HePe¥ee", 0), ("port", 95)), Words, IllegibilityOptions.Default);
        Assert.Equal("the [ILLEGIBLE] port", Text(line));
    }

    [Theory]
    [InlineData("Szepingkai", 60)]   // an unusual proper name, read fairly surely
    [InlineData("1116.", 40)]        // numbers pass
    [InlineData("851G.01/6-3049", 45)] // file codes pass
    [InlineData("agreemMent", 50)]   // a slip away from a word: misread, not lost
    [InlineData("hopeful", 20)]      // a real word is never flagged on confidence alone
    public void Hard_but_legible_tokens_are_not_flagged(string token, float confidence)
    {
        var line = IllegibilityDetector.Mark(LineOf(("he", 96), (token, confidence), ("is", 96)), Words, IllegibilityOptions.Default);
        Assert.DoesNotContain(line.Words, w => w.IsIllegible);
    }

    [Fact]
    public void Stray_marks_are_dropped_not_marked()
    {
        var line = IllegibilityDetector.Mark(LineOf(("he", 96), (";", 20), ("is", 96)), Words, IllegibilityOptions.Default);
        Assert.Equal("he is", Text(line));
    }

    [Fact]
    public void Line_running_into_a_tear_short_of_the_margin_gets_a_marker_at_its_end()
    {
        // Two full lines set the right margin near x = 1700; the third stops at 900 where the paper is torn away.
        var full = Enumerable.Range(0, 8).Select(i => new Word("ports", new BoundingBox(100 + i * 200, 0, 250 + i * 200, 40), 95)).ToList();
        var cut = full.Take(4).Select(w => w with { Box = w.Box with { Top = 50, Bottom = 90 } }).ToList();
        var tear = new DarkRegion(new BoundingBox(920, 45, 2550, 95), [new BoundingBox(920, 45, 2550, 95)]);
        var page = new Page(1, 2550, 3300, 300, [new Block(new BoundingBox(100, 0, 1700, 340), [
            new Line(BoundingBox.Union(full.Select(w => w.Box)), full),
            new Line(BoundingBox.Union(cut.Select(w => w.Box)), cut),
            new Line(BoundingBox.Union(full.Select(w => w.Box with { Top = 100, Bottom = 140 })), full.Select(w => w with { Box = w.Box with { Top = 100, Bottom = 140 } }).ToList()),
        ])], new PageProcessing(0, 0, [])) { DarkRegions = [tear] };

        var marked = DamageMarker.Mark(page).Lines.ToList();
        Assert.Equal("ports ports ports ports [ILLEGIBLE]", Text(marked[1]));
        Assert.DoesNotContain(marked[0].Words, w => w.IsIllegible);
        Assert.Equal(string.Empty, marked[1].Words[^1].IllegibleGuess);

        // The same short line at the end of a paragraph (a blank line follows) has lost nothing.
        var paragraphEnd = page with { Blocks = [page.Blocks[0] with { Lines = page.Blocks[0].Lines.Take(2).ToList() }] };
        Assert.DoesNotContain(DamageMarker.Mark(paragraphEnd).Lines.Last().Words, w => w.IsIllegible);

        // Unless the tear starts one space after its last word, mid-sentence: the tear took the words that ended it.
        var torn = new DarkRegion(new BoundingBox(880, 45, 2550, 95), [new BoundingBox(880, 45, 2550, 95)]);
        Assert.Equal("ports ports ports ports [ILLEGIBLE]", Text(DamageMarker.Mark(paragraphEnd with { DarkRegions = [torn] }).Lines.Last()));
        var ended = cut.Select((w, i) => i == 3 ? w with { Text = "ports." } : w).ToList();
        var sentenceEnd = paragraphEnd with
        {
            Blocks = [paragraphEnd.Blocks[0] with { Lines = [paragraphEnd.Blocks[0].Lines[0], new Line(BoundingBox.Union(ended.Select(w => w.Box)), ended)] }],
            DarkRegions = [torn],
        };
        Assert.DoesNotContain(DamageMarker.Mark(sentenceEnd).Lines.Last().Words, w => w.IsIllegible);
        // "Repeated to Vienna as no. ⎵": the number sign's full stop ends no sentence; its number was torn away.
        var numberSign = cut.Select((w, i) => i == 3 ? w with { Text = "no." } : w).ToList();
        var awaiting = sentenceEnd with { Blocks = [sentenceEnd.Blocks[0] with { Lines = [sentenceEnd.Blocks[0].Lines[0], new Line(BoundingBox.Union(numberSign.Select(w => w.Box)), numberSign)] }] };
        Assert.Equal("ports ports ports no. [ILLEGIBLE]", Text(DamageMarker.Mark(awaiting).Lines.Last()));
    }

    [Fact]
    public void Double_spaced_typing_ends_no_paragraph_at_every_line()
    {
        // A line's height of paper between every two lines: the short middle line beside the tear is inside its
        // paragraph, and loses its end; a wider space (a blank line more) still ends a paragraph.
        Line At(int top, int words) => new(new BoundingBox(100, top, 250 + (words - 1) * 200, top + 40),
            Enumerable.Range(0, words).Select(i => new Word("ports", new BoundingBox(100 + i * 200, top, 250 + i * 200, top + 40), 95)).ToList());
        var tear = new DarkRegion(new BoundingBox(920, 95, 2550, 145), [new BoundingBox(920, 95, 2550, 145)]);
        Page PageOf(params Line[] lines) => new(1, 2550, 3300, 300, [new Block(BoundingBox.Union(lines.Select(l => l.Box)), lines)], new PageProcessing(0, 0, [])) { DarkRegions = [tear] };

        var doubleSpaced = DamageMarker.Mark(PageOf(At(0, 8), At(100, 4), At(200, 8), At(300, 8))).Lines.ToList();
        Assert.Equal("ports ports ports ports [ILLEGIBLE]", Text(doubleSpaced[1]));
        var paragraphEnd = DamageMarker.Mark(PageOf(At(0, 8), At(100, 4), At(300, 8), At(400, 8))).Lines.ToList();
        Assert.DoesNotContain(paragraphEnd[1].Words, w => w.IsIllegible);
    }

    [Fact]
    public void A_blot_over_a_table_cell_at_either_end_of_a_row_is_a_lost_cell()
    {
        // Three columns: a name at the margin, figures tabbed to 900 and to 1500. One row lost its last cell under a
        // blot, another its first; a blot in the blank after a row's last word, in no column, is no cell.
        Word W(string text, int left, int top) => new(text, new BoundingBox(left, top, left + 20 * text.Length, top + 40), 95);
        Line Row(int top, params Word[] words) => new(BoundingBox.Union(words.Select(w => w.Box)), words);
        DarkRegion Blot(int left, int right, int top) => new(new BoundingBox(left, top - 10, right, top + 50), [new BoundingBox(left, top - 10, right, top + 50)]);
        var rows = new[]
        {
            Row(0, W("Copper", 100, 0), W("8,422", 900, 0), W("$334,000", 1500, 0)),
            Row(60, W("Coal", 100, 60), W("2,266", 900, 60)),
            Row(120, W("3,470", 900, 120), W("$283,000", 1500, 120)),
            Row(180, W("Wheat", 100, 180), W("8,291", 900, 180), W("$390,000", 1500, 180)),
            Row(240, W("Tin", 100, 240)),
        };
        var page = new Page(1, 2550, 3300, 300, [new Block(BoundingBox.Union(rows.Select(r => r.Box)), rows)], new PageProcessing(0, 0, []))
        {
            DarkRegions = [Blot(1490, 1680, 60), Blot(95, 230, 120), Blot(600, 760, 240)],
        };

        var marked = DamageMarker.Mark(page).Lines.Select(Text).ToList();
        Assert.Equal(["Copper 8,422 $334,000", "Coal 2,266 [ILLEGIBLE]", "[ILLEGIBLE] 3,470 $283,000", "Wheat 8,291 $390,000", "Tin"], marked);
    }

    [Fact]
    public void A_ragged_tear_inside_the_column_cuts_a_nearly_full_line_but_one_beyond_the_margin_does_not()
    {
        // Full lines end at x = 1650; the middle line stops at 1450, and the tear's edge reaches back to 1460
        // only in the line's lowest rows (upper rows are torn from 1560 on).
        Line At(int top, int words) => LineOf(top, Enumerable.Range(0, words).Select(i => new Word("ports", new BoundingBox(100 + i * 200, top, 250 + i * 200, top + 40), 95)).ToList());
        Line LineOf(int top, List<Word> words) => new(BoundingBox.Union(words.Select(w => w.Box)), words);
        Page PageWith(DarkRegion tear) => new(1, 2550, 3300, 300, [new Block(new BoundingBox(100, 0, 1650, 140), [At(0, 8), At(50, 7), At(100, 8)])],
            new PageProcessing(0, 0, [])) { DarkRegions = [tear] };
        var ragged = new DarkRegion(new BoundingBox(1460, 50, 2550, 90), [new BoundingBox(1560, 50, 2550, 80), new BoundingBox(1460, 80, 2550, 90)]);
        var beyond = new DarkRegion(new BoundingBox(1660, 0, 2550, 140), [new BoundingBox(1660, 0, 2550, 140)]);

        Assert.True(DamageMarker.Mark(PageWith(ragged)).Lines.ElementAt(1).Words[^1].IsIllegible);
        Assert.DoesNotContain(DamageMarker.Mark(PageWith(beyond)).Lines.SelectMany(l => l.Words), w => w.IsIllegible);
        // A line within a character of the margin has lost nothing at its end, whatever dark border lies beyond it.
        var border = new DarkRegion(new BoundingBox(1615, 50, 2550, 90), [new BoundingBox(1615, 50, 2550, 90)]);
        var nearlyFull = PageWith(border);
        var middle = LineOf(50, Enumerable.Range(0, 8).Select(i => new Word("ports", new BoundingBox(90 + i * 200, 50, 240 + i * 200, 90), 95)).ToList());
        nearlyFull = nearlyFull with { Blocks = [nearlyFull.Blocks[0] with { Lines = [nearlyFull.Blocks[0].Lines[0], middle, nearlyFull.Blocks[0].Lines[2]] }] };
        Assert.DoesNotContain(DamageMarker.Mark(nearlyFull).Lines.SelectMany(l => l.Words), w => w.IsIllegible);
    }

    [Fact]
    public void A_dark_gap_between_words_is_lost_text_unless_the_second_recogniser_read_on_into_it()
    {
        // "radiophonique" in heavy type: the first engine splits it at a clogged "ph" and reads "Saëi" + "nlque", with
        // a dark region in the gap; the second read the left part as "dlapho", more letters than its box holds.
        static Word Read(string text, int left, int right, string second) =>
            new(text, new BoundingBox(left, 100, right, 140), 60) { Readings = [new EngineReading("tesseract", text, 60), new EngineReading("pp-ocr", second, 87)] };
        Page PageOf(Word left) => new(1, 2550, 3300, 300,
            [new Block(new BoundingBox(100, 100, 400, 140), [new Line(new BoundingBox(100, 100, 400, 140), [left, Read("nlque", 300, 400, "nlque")])])],
            new PageProcessing(0, 0, [])) { DarkRegions = [new DarkRegion(new BoundingBox(205, 104, 260, 138), [new BoundingBox(205, 104, 260, 138)])] };

        Assert.DoesNotContain(DamageMarker.Mark(PageOf(Read("Saëi", 100, 200, "dlapho"))).Lines.Single().Words, w => w.IsIllegible);
        Assert.Contains(DamageMarker.Mark(PageOf(Read("Saëi", 100, 200, "Saëi"))).Lines.Single().Words, w => w.IsIllegible);
        // Both engines read the same letters, more than the line's average width holds (narrow letters in a
        // proportional face): the reading runs on into nothing, and the blot covers lost words.
        Assert.Contains(DamageMarker.Mark(PageOf(Read("dlapho", 130, 200, "dlapho"))).Lines.Single().Words, w => w.IsIllegible);
    }

    [Fact]
    public void A_water_stain_where_a_word_took_in_its_tide_line_is_lost_text_between_the_words()
    {
        // "of 15,035 persons,<< ⎵ about": the engine's box of "persons," ran on over the stain's outline to 520, so the
        // blank between the boxes is narrow; the stain (400-480) holds no ink, so the word ends where it begins.
        static Word At(string text, int left, int right) => new(text, new BoundingBox(left, 100, right, 140), 95);
        static DarkRegion Stain(int top, int bottom) => new(new BoundingBox(400, top, 480, bottom), [new BoundingBox(400, top, 480, bottom)]) { Stain = true };
        Page PageOf(params DarkRegion[] regions)
        {
            var line = new Line(new BoundingBox(100, 100, 720, 140), [At("of", 100, 140), At("15,035", 160, 250), At("persons,<<", 270, 520), At("about", 560, 720)]);
            return new(1, 2550, 3300, 300, [new Block(line.Box, [line])], new PageProcessing(0, 0, [])) { DarkRegions = regions };
        }

        Assert.Equal("of 15,035 persons,<< [ILLEGIBLE] about", Text(DamageMarker.Mark(PageOf(Stain(96, 146))).Lines.Single()));
        // A stain below the line that reaches into its lower half only (the descenders of the line above it) took nothing.
        Assert.DoesNotContain(DamageMarker.Mark(PageOf(Stain(126, 176))).Lines.Single().Words, w => w.IsIllegible);
        // The same region as a blot (dark, not a stain) does not shorten the word: a blot can lie over the word's own ink.
        var blot = new DarkRegion(new BoundingBox(400, 96, 480, 146), [new BoundingBox(400, 96, 480, 146)]);
        Assert.DoesNotContain(DamageMarker.Mark(PageOf(blot)).Lines.Single().Words, w => w.IsIllegible);
    }

    [Fact]
    public void A_word_read_in_a_water_stain_is_a_guess_only_on_ink_unlike_the_typing()
    {
        // "memorandum was left": the stain over "memorandum was" at the line's start, its tide line read as "ay".
        var typed = new InkMeasure(120, 0.26f);
        static Word At(string text, int left, int right, float confidence, InkMeasure ink) => new(text, new BoundingBox(left, 100, right, 140), confidence) { Ink = ink };
        Page PageWith(InkMeasure read)
        {
            var above = new Line(new BoundingBox(100, 40, 1300, 80), Enumerable.Range(0, 6).Select(i => At("cordial", 100 + i * 200, 260 + i * 200, 96, typed)).ToList());
            var line = new Line(new BoundingBox(100, 100, 1300, 140), [At("ay", 300, 360, 55, read), At("left.", 600, 700, 96, typed), At("The", 760, 840, 96, typed)]);
            var stain = new DarkRegion(new BoundingBox(90, 96, 380, 146), [new BoundingBox(90, 96, 380, 146)]) { Stain = true };
            return new(1, 2550, 3300, 300, [new Block(BoundingBox.Union([above.Box, line.Box]), [above, line])], new PageProcessing(0, 0, [])) { DarkRegions = [stain] };
        }
        string Marked(InkMeasure read)
        {
            var page = PageWith(read);
            return Text(DamageMarker.Mark(page, PageInk.Of(page, IllegibilityOptions.Default)).Lines.Last());
        }

        // Faint, sparse ink: the tide line, read as letters.
        Assert.Equal("[ILLEGIBLE] left. The", Marked(new InkMeasure(50, 0.02f)));
        // Ink like the typing's: letters the stain's outline runs round, read as they are.
        Assert.Equal("ay left. The", Marked(typed));
    }

    [Theory]
    [InlineData("@", 93, true)]    // a hole read as a mark, however surely: no typed word
    [InlineData("I", 93, false)]   // a letter read surely over a dark scan is real ink
    [InlineData("I", 60, true)]    // a letter read unsurely is a guess under the blot
    public void A_mark_read_over_a_blot_is_lost_text_however_sure_the_engine(string text, float confidence, bool lost)
    {
        // "[I] shall": a punch hole over the "I"; the engine read the hole itself.
        var line = new Line(new BoundingBox(300, 100, 640, 140),
            [new Word(text, new BoundingBox(300, 100, 340, 140), confidence), new Word("shall", new BoundingBox(360, 100, 500, 140), 96), new Word("see", new BoundingBox(530, 100, 640, 140), 96)]);
        var page = new Page(1, 2550, 3300, 300, [new Block(line.Box, [line])], new PageProcessing(0, 0, []))
        {
            DarkRegions = [new DarkRegion(new BoundingBox(296, 96, 344, 144), [new BoundingBox(296, 96, 344, 144)]) { Solidity = 0.98 }],
        };
        Assert.Equal(lost ? "[ILLEGIBLE] shall see" : text + " shall see", Text(DamageMarker.Mark(page).Lines.Single()));
    }

    [Fact]
    public void A_word_read_across_a_punch_hole_is_the_two_words_either_side_of_a_marker()
    {
        // "had made [a] similar": a hole over "a"; Tesseract read it as "@", PP-OCR ran the words together.
        static Line LineWith(string first, string second) => new(new BoundingBox(700, 100, 1180, 140),
        [
            new Word("had", new BoundingBox(700, 100, 880, 140), 96),
            new Word(second, new BoundingBox(912, 100, 1180, 140), 90) { Readings = [new EngineReading("tesseract", first, 86), new EngineReading("pp-ocr", second, 98)] },
        ]);
        Page PageWith(Line line, double solidity) => new(1, 2550, 3300, 300, [new Block(line.Box, [line])], new PageProcessing(0, 0, []))
        {
            DarkRegions = [new DarkRegion(new BoundingBox(1012, 96, 1052, 144), [new BoundingBox(1012, 96, 1052, 144)]) { Solidity = solidity }],
        };

        var split = DamageMarker.Mark(PageWith(LineWith("made@similar", "madesimilar"), 0.98)).Lines.Single();
        Assert.Equal("had made [ILLEGIBLE] similar", Text(split));
        Assert.Equal((912, 1012), (split.Words[1].Box.Left, split.Words[1].Box.Right));
        // A hyphen is the word's own; a gray smear (letters smeared by water) is no blot over a word.
        Assert.Equal("had well-known", Text(DamageMarker.Mark(PageWith(LineWith("well-known", "well-known"), 0.98)).Lines.Single()));
        Assert.Equal("had madesimilar", Text(DamageMarker.Mark(PageWith(LineWith("made@similar", "madesimilar"), 0.3)).Lines.Single()));
    }

    [Fact]
    public void A_stain_the_engine_read_a_row_around_in_two_pieces_is_marked_once()
    {
        // "proposed ⎵ no. 155": the row read as two lines either side of the stain; the first piece's end marks it.
        static Word At(string text, int left, int right) => new(text, new BoundingBox(left, 100, right, 140), 95);
        var before = new Line(new BoundingBox(100, 100, 500, 140), [At("as", 100, 160), At("proposed", 200, 500)]);
        var after = new Line(new BoundingBox(900, 100, 1100, 140), [At("no.", 900, 980), At("155", 1010, 1100)]);
        var stain = new DarkRegion(new BoundingBox(520, 96, 880, 146), [new BoundingBox(520, 96, 880, 146)]) { Stain = true };
        var page = new Page(1, 2550, 3300, 300, [new Block(new BoundingBox(100, 100, 1100, 140), [before, after])], new PageProcessing(0, 0, [])) { DarkRegions = [stain] };

        var marked = DamageMarker.Mark(page).Lines.ToList();
        Assert.Equal(1, marked.Sum(l => l.Words.Count(w => w.IsIllegible)));
        Assert.Equal("no. 155", Text(marked[1]));
    }

    [Fact]
    public void Tei_has_a_gap_for_each_marker_and_alto_tags_it()
    {
        var line = IllegibilityDetector.Mark(LineOf(("hopes", 95), ("ee@e", 12), ("able", 93)), Words, IllegibilityOptions.Default);
        var transcript = new Transcript("cable.png", [new Page(1, 2550, 3300, 300, [new Block(line.Box, [line])], new PageProcessing(0, 0, []))]);

        var tei = XDocument.Parse(TeiExporter.Write(transcript));
        var gap = Assert.Single(tei.Descendants(TeiExporter.Namespace + "gap"));
        Assert.Equal("illegible", (string?)gap.Attribute("reason"));
        Assert.Contains("hopes", tei.Descendants(TeiExporter.Namespace + "body").Single().Element(TeiExporter.Namespace + "p")!.Value);

        var alto = XDocument.Parse(AltoExporter.Write(transcript));
        var marker = alto.Descendants(AltoExporter.Namespace + "String").Single(s => (string?)s.Attribute("CONTENT") == "[ILLEGIBLE]");
        Assert.Equal(AltoExporter.IllegibleTagId, (string?)marker.Attribute("TAGREFS"));

        var roundTrip = JsonExporter.Read(JsonExporter.Write(transcript));
        Assert.Equal("ee@e", roundTrip.Pages[0].Words.Single(w => w.IsIllegible).IllegibleGuess);
    }
}

public sealed class TranscriptCleanerTests
{
    [Fact]
    public void Cleaning_extracts_metadata_and_json_keeps_it()
    {
        var lines = new[] { "PARAPHRASE OF NAVY CABLE FROM MOSCOW JULY 3, 1945", "TOP SECRET", "FROM W. A. HARRIMAN TO", "THE PRESIDENT AND THE SECRETARY OF STATE" };
        var model = lines.Select((text, i) =>
        {
            var words = text.Split(' ').Select((w, j) => new Word(w, new BoundingBox(100 + j * 150, 100 + i * 50, 240 + j * 150, 140 + i * 50), 95)).ToList();
            return new Line(BoundingBox.Union(words.Select(w => w.Box)), words);
        }).ToList();
        var transcript = new Transcript("seed.png", [new Page(1, 2550, 3300, 300, [new Block(BoundingBox.Union(model.Select(l => l.Box)), model)], new PageProcessing(0, 0, []))]);

        var cleaned = TranscriptCleaner.Clean(transcript, new Lexicon(["paraphrase of navy cable from to the president and secretary state"]), CleanupOptions.Default);

        Assert.Equal("1945-07-03", cleaned.Metadata!.Date!.Value);
        Assert.Equal("TOP SECRET", cleaned.Metadata.Classification!.Value);
        var read = JsonExporter.Read(JsonExporter.Write(cleaned));
        Assert.Equal("W. A. HARRIMAN", read.Metadata!.Sender!.Value);
        Assert.Equal(["THE PRESIDENT", "THE SECRETARY OF STATE"], read.Metadata.Recipients!.Value);
    }
}

public sealed class OcrDamagedDateTests
{
    [Fact]
    public void An_i_read_for_a_1_in_the_day_is_repaired() =>
        Assert.Equal("1948-03-01", IngestPipeline.Domain.Metadata.CableMetadataExtractor.Extract(
            "TELEGRAM SENT\nSECRET\nFROM: THE SECRETARY OF STATE, WASHINGTON\nTO: AMEMBASSY, TEHRAN\nMarch i, 1948, 7 p.m.\n").Date!.Value);
}

public sealed class WordPlausibilityTests
{
    private static readonly Lexicon Words = new(["Tsung-nan the of gendarmerie"]);

    [Theory]
    [InlineData("Tsung~nan.", WordKind.Lexicon)]   // a hyphen misread as a tilde
    [InlineData("110600Z.", WordKind.Number)]      // a navy date-time group
    [InlineData("851G.01/6-3049", WordKind.Number)]
    [InlineData("PaosShan.", WordKind.Name)]       // a capital inside a word alone is weak evidence
    [InlineData("HePe¥ee", WordKind.Garbage)]
    [InlineData("ee@e", WordKind.Garbage)]
    [InlineData("#i%&", WordKind.Garbage)]         // symbols around a lone letter the lexicon knows
    [InlineData("gendarm[er]Jie,", WordKind.NearWord)] // an editorial insertion inside a word, one slip away
    [InlineData(";", WordKind.Punctuation)]
    public void Tokens_are_classified_by_what_a_typist_could_have_written(string token, WordKind kind) =>
        Assert.Equal(kind, WordPlausibility.Classify(token, Words));
}
