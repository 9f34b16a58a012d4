using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Tests.Illegibility;

/// <summary>A stretch where words are missing is filled by what its ink shows, never by its width alone.</summary>
public sealed class GapEvidenceTests
{
    private static readonly Lexicon Words = new(["the ships left from the port of Dalian in the morning"]);
    private static readonly InkMeasure Typed = new(120, 0.3f);

    private static Word At(string text, int left, float confidence = 95) =>
        new(text, new BoundingBox(left, 1000, left + 30 * text.Length, 1040), confidence) { Ink = Typed };

    private static string Fill(Word before, TextGap gap, Word? after = null, Line[]? below = null, Lexicon? lexicon = null) =>
        string.Join(' ', Filled(before, gap, after, below, lexicon: lexicon).Words.Select(w => w.Text));

    private static Line Filled(Word before, TextGap gap, Word? after = null, Line[]? below = null, Word? inside = null, Lexicon? lexicon = null)
    {
        var sure = Enumerable.Range(0, 8).Select(i => new Word("morning", new BoundingBox(100 + i * 250, 500, 310 + i * 250, 540), 95) { Ink = Typed }).ToList();
        var words = new List<Word> { At("the", 100), At("ships", 220), before };
        if (inside is not null) words.Add(inside);
        if (after is not null) words.Add(after);
        var line = new Line(BoundingBox.Union(words.Select(w => w.Box)), words);
        var page = new Page(1, 2550, 3300, 300,
            [new Block(new BoundingBox(100, 500, 2400, 1040), [new Line(BoundingBox.Union(sure.Select(w => w.Box)), sure), line, .. below ?? []])],
            new PageProcessing(0, 0, [])) { TextGaps = [gap] };
        var ink = PageInk.Of(page, IllegibilityOptions.Default);
        var marked = GapMarker.Mark(page, lexicon ?? Words, IllegibilityOptions.Default, ink);
        return marked.Blocks[0].Lines[1];
    }

    [Fact]
    public void Blank_paper_after_a_full_stop_is_spacing_not_lost_words()
    {
        var gap = new TextGap(new BoundingBox(550, 1000, 1400, 1040), []) { Ink = new InkMeasure(4, 0.002f) };
        Assert.Equal("the ships left. Dalian", Fill(At("left.", 400), gap, At("Dalian", 1450)));
    }

    [Fact]
    public void Blank_paper_that_breaks_a_sentence_over_several_words_is_faded_text()
    {
        var gap = new TextGap(new BoundingBox(550, 1000, 1400, 1040), []) { Ink = new InkMeasure(4, 0.002f) };
        var text = Fill(At("left", 400), gap, At("Dalian", 1450));
        Assert.Equal("the ships left [ILLEGIBLE] Dalian", text);
        // Ten characters' width: a word faded to nothing and its spaces; eight may still be the typist's own gap.
        var tenChars = gap with { Box = new BoundingBox(550, 1000, 850, 1040) };
        Assert.Equal("the ships left [ILLEGIBLE] Dalian", Fill(At("left", 400), tenChars, At("Dalian", 900)));
        var eightChars = gap with { Box = new BoundingBox(550, 1000, 790, 1040) };
        Assert.Equal("the ships left Dalian", Fill(At("left", 400), eightChars, At("Dalian", 840)));
    }

    [Fact]
    public void Blank_paper_up_to_a_column_that_other_rows_reach_over_blank_paper_too_is_a_table()
    {
        var gap = new TextGap(new BoundingBox(550, 1000, 1400, 1040), []) { Ink = new InkMeasure(4, 0.002f) };
        Line Row(string label, string figure, int at) => new(new BoundingBox(100, 1100, at + 150, 1140),
            [new Word(label, new BoundingBox(100, 1100, 250, 1140), 95) { Ink = Typed }, new Word(figure, new BoundingBox(at, 1100, at + 150, 1140), 95) { Ink = Typed }]);
        // Figures set to the left of the stop, or to its right (their right ends in line), or a word that lines up with nothing.
        Assert.Equal("the ships left Dalian", Fill(At("left", 400), gap, At("Dalian", 1450), [Row("Cork", "3,516", 1460)]));
        Assert.Equal("the ships left Dalian", Fill(At("left", 400), gap, At("Dalian", 1450), [Row("Cork", "3,51", 1500)]));
        Assert.Equal("the ships left [ILLEGIBLE] Dalian", Fill(At("left", 400), gap, At("Dalian", 1450), [Row("Cork", "3,516", 1700)]));
        // A table further down the page is no column of this line: its rows are more than six lines away.
        var farRow = Row("Cork", "3,516", 1460) is var row ? new Line(row.Box with { Top = 1400, Bottom = 1440 },
            [.. row.Words.Select(w => w with { Box = w.Box with { Top = 1400, Bottom = 1440 } })]) : null;
        Assert.Equal("the ships left [ILLEGIBLE] Dalian", Fill(At("left", 400), gap, At("Dalian", 1450), [farRow!]));
    }

    [Fact]
    public void A_row_whose_blank_covers_a_cell_the_rows_near_it_fill_lost_that_cell()
    {
        var gap = new TextGap(new BoundingBox(550, 1000, 1400, 1040), []) { Ink = new InkMeasure(4, 0.002f) };
        static Word Cell(string text, int left, int top) => new(text, new BoundingBox(left, top, left + 150, top + 40), 95) { Ink = Typed };
        static Line Row(int top, bool middle) => new(new BoundingBox(100, top, 1610, top + 40),
            [Cell("Cork", 100, top), .. middle ? new[] { Cell("3,516", 800, top) } : [], Cell("$93,000", 1460, top)]);
        // "Copper ⎵ $261,000" under two rows with a figure of tons in the middle: the row's own figure was lost.
        Assert.Equal("the ships left [ILLEGIBLE] Dalian", Fill(At("left", 400), gap, At("Dalian", 1460), [Row(1080, true), Row(1160, true)]));
        // One row filling it may be a row of its own; neither filling it, the table has two columns.
        Assert.Equal("the ships left Dalian", Fill(At("left", 400), gap, At("Dalian", 1460), [Row(1080, true), Row(1160, false)]));
        Assert.Equal("the ships left Dalian", Fill(At("left", 400), gap, At("Dalian", 1460), [Row(1080, false), Row(1160, false)]));
    }

    [Fact]
    public void A_row_starting_late_beside_rows_that_start_in_its_blank_lost_its_first_cells()
    {
        static Word Cell(string text, int left, int top) => new(text, new BoundingBox(left, top, left + 150, top + 40), 95) { Ink = Typed };
        static Line Row(int top, params Word[] cells) => new(BoundingBox.Union(cells.Select(c => c.Box)), cells);
        string Marked(params Line[] near)
        {
            // "[Wheat 687] $753,000": only the last cell is left, where the rows around have theirs.
            var late = Row(1000, Cell("$753,000", 1460, 1000));
            var sure = Enumerable.Range(0, 8).Select(i => new Word("morning", new BoundingBox(100 + i * 250, 500, 310 + i * 250, 540), 95) { Ink = Typed }).ToList();
            var page = new Page(1, 2550, 3300, 300,
                [new Block(new BoundingBox(100, 500, 2400, 1240), [new Line(BoundingBox.Union(sure.Select(w => w.Box)), sure), late, .. near])],
                new PageProcessing(0, 0, []))
            {
                TextGaps = [new TextGap(new BoundingBox(100, 1000, 1400, 1040), []) { Ink = new InkMeasure(4, 0.002f), Source = GapSource.LineStart }],
            };
            var marked = GapMarker.Mark(page, Words, IllegibilityOptions.Default, PageInk.Of(page, IllegibilityOptions.Default));
            return string.Join(' ', marked.Blocks[0].Lines[1].Words.Select(w => w.Text));
        }
        Line Full(int top) => Row(top, Cell("Wheat", 100, top), Cell("3,707", 800, top), Cell("$560,000", 1460, top));
        Assert.Equal("[ILLEGIBLE] $753,000", Marked(Full(1080), Full(1160)));
        // A numbered list's item carried on under its first word: rows of two cells only ("1.  My British colleague").
        Line Item(int top) => Row(top, Cell("1.", 100, top), Cell("My", 1460, top));
        Assert.Equal("$753,000", Marked(Item(1080), Item(1160)));
        // One such row may be a row of its own.
        Assert.Equal("$753,000", Marked(Full(1080)));
    }

    [Fact]
    public void A_row_stopping_short_beside_rows_that_have_cells_in_its_blank_lost_its_last_cells()
    {
        static Word Cell(string text, int left, int top) => new(text, new BoundingBox(left, top, left + 30 * text.Length, top + 40), 95) { Ink = Typed };
        static Line Row(int top, params Word[] cells) => new(BoundingBox.Union(cells.Select(c => c.Box)), cells);
        string Marked(Line shortRow, params Line[] near)
        {
            var sure = Enumerable.Range(0, 8).Select(i => new Word("morning", new BoundingBox(100 + i * 250, 500, 310 + i * 250, 540), 95) { Ink = Typed }).ToList();
            var page = new Page(1, 2550, 3300, 300,
                [new Block(new BoundingBox(100, 500, 2400, 1240), [new Line(BoundingBox.Union(sure.Select(w => w.Box)), sure), shortRow, .. near])],
                new PageProcessing(0, 0, []))
            {
                TextGaps = [new TextGap(new BoundingBox(shortRow.Box.Right + 15, 1000, 2200, 1040), []) { Ink = new InkMeasure(4, 0.002f), Source = GapSource.ShortLine }],
            };
            var marked = GapMarker.Mark(page, Words, IllegibilityOptions.Default, PageInk.Of(page, IllegibilityOptions.Default));
            return string.Join(' ', marked.Blocks[0].Lines[1].Words.Select(w => w.Text));
        }
        Line Full(int top) => Row(top, Cell("Wheat", 100, top), Cell("3,707", 800, top), Cell("$560,000", 1460, top));
        // "Tin [1,490 $880,000]": the row's first cell alone, where the rows around have all three.
        Assert.Equal("Tin [ILLEGIBLE]", Marked(Row(1000, Cell("Tin", 100, 1000)), Full(1080), Full(1160)));
        Assert.Equal("Tin 1,490 [ILLEGIBLE]", Marked(Row(1000, Cell("Tin", 100, 1000), Cell("1,490", 800, 1000)), Full(1080), Full(1160)));
        // One such row may be a row of its own; a heading ends in a colon; a line of prose is no row of cells.
        Assert.Equal("Tin", Marked(Row(1000, Cell("Tin", 100, 1000)), Full(1080)));
        Assert.Equal("Imports:", Marked(Row(1000, Cell("Imports:", 100, 1000)), Full(1080), Full(1160)));
        Assert.Equal("the ships left", Marked(Row(1000, Cell("the", 100, 1000), Cell("ships", 220, 1000), Cell("left", 400, 1000)), Full(1080), Full(1160)));
    }

    [Theory]
    [InlineData("of", 0, 0, "morning", 9, "[ILLEGIBLE] morning")]  // "of ⎵ morning": the sentence goes on across lost words
    [InlineData("morning.", 0, 0, "morning", 9, "morning")]        // the line above ended its sentence: an indent
    [InlineData("of", 0, 0, "Dalian", 9, "Dalian")]                // a capital may start anything: a heading, a name set apart
    [InlineData("of", 9, 0, "morning", 9, "morning")]              // the line below starts late too: an indented block
    [InlineData("of", 0, 9, "morning", 9, "morning")]              // a word above stands where it starts: a hanging indent
    // Set in farther than a paragraph is, yet running to the margin: prose that lost its first words, whatever comes before.
    [InlineData("morning.", 0, 0, "Dalian", 20, "[ILLEGIBLE] Dalian")]
    // A paragraph set in as a whole, five characters right of the page's margin: its own lines set its margin.
    [InlineData("of", 0, 0, "morning", 14, "[ILLEGIBLE] morning", 5)]
    public void A_line_starting_late_inside_a_paragraph_lost_its_first_words_where_its_sentence_runs_on_from_above(
        string lastAbove, int belowIndent, int hangingIndent, string first, int lateBy, string expected, int setIn = 0)
    {
        // Typed at 30 pixels a character from the margin at 100: words and a space between them, up to the column's end.
        static Line TypedLine(int top, int fromChar, IEnumerable<string> texts, int toChar = 70)
        {
            var words = new List<Word>();
            int at = fromChar;
            foreach (var text in texts)
            {
                if (at + text.Length > toChar) break;
                words.Add(new Word(text, new BoundingBox(100 + 30 * at, top, 100 + 30 * (at + text.Length), top + 40), 95) { Ink = Typed });
                at += text.Length + 1;
            }
            return new Line(BoundingBox.Union(words.Select(w => w.Box)), words);
        }
        static IEnumerable<string> Prose() => Enumerable.Repeat("the ships left from the port", 10).SelectMany(t => t.Split(' '));
        // The line above: from the margin to the column's end, its last word given; with a label set apart, a list's item.
        int lastAt = 70 - lastAbove.Length;
        var aboveWords = TypedLine(1000, setIn + hangingIndent, Prose(), toChar: lastAt - 1).Words.Concat(TypedLine(1000, lastAt, [lastAbove]).Words);
        if (hangingIndent > 0) aboveWords = TypedLine(1000, 0, ["1."]).Words.Concat(aboveWords);
        var above = new Line(BoundingBox.Union(aboveWords.Select(w => w.Box)), aboveWords.ToList());
        var late = TypedLine(1060, lateBy, Prose().Skip(1).Prepend(first));
        var below = TypedLine(1120, setIn + belowIndent, Prose());
        // A paragraph above, at the page's margin.
        var earlier = Enumerable.Range(0, 4).Select(i => TypedLine(500 + 60 * i, 0, Prose())).ToList();
        var page = new Page(1, 2550, 3300, 300, [new Block(new BoundingBox(100, 500, 2200, 1160), [.. earlier, above, late, below])], new PageProcessing(0, 0, []))
        {
            TextGaps = [new TextGap(new BoundingBox(100, 1060, 100 + 30 * lateBy - 15, 1100), []) { Ink = new InkMeasure(4, 0.002f), Source = GapSource.LineStart }],
        };
        var lexicon = new Lexicon(["the ships left from the port of Dalian in the morning"]);
        var marked = GapMarker.Mark(page, lexicon, IllegibilityOptions.Default, PageInk.Of(page, IllegibilityOptions.Default));
        Assert.StartsWith(expected + " ships left", string.Join(' ', marked.Blocks[0].Lines[5].Words.Select(w => w.Text)));
    }

    [Fact]
    public void Blank_paper_after_a_capital_breaks_the_sentence_where_a_lower_case_word_follows()
    {
        // "the ships Dalian ⎵ left": a name inside the sentence; "Dalian ⎵ Ships" may be an address and a heading.
        var gap = new TextGap(new BoundingBox(550, 1000, 850, 1040), []) { Ink = new InkMeasure(4, 0.002f) };
        Assert.Equal("the ships Dalian [ILLEGIBLE] left", Fill(At("Dalian", 400), gap, At("left", 900)));
        Assert.Equal("the ships Dalian Ships", Fill(At("Dalian", 400), gap, At("Ships", 900)));
        Assert.Equal("the ships Dalian xqzt", Fill(At("Dalian", 400), gap, At("xqzt", 900)));
        Assert.Equal("the ships Dalian left", Fill(At("Dalian", 400), gap, At("left", 900, confidence: 30)));
        // One engine unsure where the other read the same word: read surely all the same.
        var readAlike = At("left", 900, confidence: 30) with { Readings = [new("tesseract", "left", 30), new("pp-ocr", "left", 99)] };
        Assert.Equal("the ships Dalian [ILLEGIBLE] left", Fill(At("Dalian", 400), gap, readAlike));
    }

    [Fact]
    public void A_day_and_its_comma_after_blank_paper_a_month_wide_lost_its_month()
    {
        // "a similar approach on ⎵ 13, which": the month faded; "Hides ⎵ 6, 832" is a figure split at its thousands.
        string Marked(string before, string day, string next) => string.Join(' ', Filled(At(before, 400),
            new TextGap(new BoundingBox(400 + 30 * before.Length + 15, 1000, 685, 1040), []) { Ink = new InkMeasure(4, 0.002f) },
            At(next, 820), inside: At(day, 700)).Words.Select(w => w.Text));
        Assert.Equal("the ships on [ILLEGIBLE] 13, which", Marked("on", "13,", "which"));
        Assert.Equal("the ships on [ILLEGIBLE] 13, 1944", Marked("on", "13,", "1944"));
        Assert.Equal("the ships Hides 6, 832", Marked("Hides", "6,", "832"));
        Assert.Equal("the ships on 43, which", Marked("on", "43,", "which"));   // no day of a month
    }

    [Fact]
    public void Blank_paper_after_a_figure_breaks_the_sentence_where_a_lower_case_word_follows()
    {
        // "4,000 ⎵ left": the figure's words faded; before a capital or a figure it may be a table's next column.
        var gap = new TextGap(new BoundingBox(550, 1000, 850, 1040), []) { Ink = new InkMeasure(4, 0.002f) };
        Assert.Equal("the ships 4,000 [ILLEGIBLE] left", Fill(At("4,000", 400), gap, At("left", 900)));
        Assert.Equal("the ships 4,000 Dalian", Fill(At("4,000", 400), gap, At("Dalian", 900)));
        Assert.Equal("the ships 4,000 1,200", Fill(At("4,000", 400), gap, At("1,200", 900)));
        // A month's name and its year a day's width apart: the day is lost; a space apart, they are a date.
        var day = gap with { Box = new BoundingBox(680, 1000, 790, 1040) };
        Assert.Equal("the ships September [ILLEGIBLE] 1944", Fill(At("September", 400), day, At("1944", 800)));
        Assert.Equal("the ships September 1944", Fill(At("September", 400), day with { Box = new BoundingBox(675, 1000, 725, 1040) }, At("1944", 730)));
        // A short word's width ("13 ⎵ are", "per cent" faded) is lost words too; narrower is the typist's own spacing.
        var word = gap with { Box = new BoundingBox(550, 1000, 760, 1040) };
        Assert.Equal("the ships 4,000 [ILLEGIBLE] left", Fill(At("4,000", 400), word, At("left", 800)));
        var narrow = gap with { Box = new BoundingBox(550, 1000, 670, 1040) };
        Assert.Equal("the ships 4,000 left", Fill(At("4,000", 400), narrow, At("left", 700)));
    }

    [Fact]
    public void Stained_paper_holding_no_typing_that_breaks_a_sentence_is_a_washed_out_word_where_blank_paper_is_a_gap()
    {
        // Five characters' width: a short word and its spaces. A stain's tide line darkens the paper without any ink.
        var stained = new TextGap(new BoundingBox(550, 1000, 700, 1040), []) { Ink = new InkMeasure(36, 0.004f) };
        var blank = stained with { Ink = new InkMeasure(4, 0.002f) };
        Assert.Equal("the ships left [ILLEGIBLE] Dalian", Fill(At("left", 400), stained, At("Dalian", 750)));
        Assert.Equal("the ships left Dalian", Fill(At("left", 400), blank, At("Dalian", 750)));
        Assert.Equal("the ships left. Dalian", Fill(At("left.", 400), stained, At("Dalian", 750)));
        // A stain's browning can be fainter than paper counted blank otherwise (a sixth of the typing's contrast)
        // and a washed-out word of two letters leaves a stretch of three characters and a third.
        var faintStain = new TextGap(new BoundingBox(550, 1000, 650, 1040), []) { Ink = new InkMeasure(20, 0.004f) };
        Assert.Equal("the ships left [ILLEGIBLE] Dalian", Fill(At("left", 400), faintStain, At("Dalian", 700)));
        Assert.Equal("the ships left Dalian", Fill(At("left", 400), faintStain with { Ink = new InkMeasure(12, 0.004f) }, At("Dalian", 700)));
        Assert.Equal("the ships left Dalian", Fill(At("left", 400), faintStain with { Box = new BoundingBox(550, 1000, 630, 1040) }, At("Dalian", 680)));
        // The word before a stain may read unsurely, its box holding a piece of the tide line; before blank paper it
        // may be a speck read as a word.
        Assert.Equal("the ships left [ILLEGIBLE] Dalian", Fill(At("left", 400, 22), stained, At("Dalian", 750)));
        var wide = new TextGap(new BoundingBox(550, 1000, 1400, 1040), []) { Ink = new InkMeasure(4, 0.002f) };
        Assert.Equal("the ships left Dalian", Fill(At("left", 400, 22), wide, At("Dalian", 1450)));
        // A stain is damage whatever the case of the words either side ("Figures ⎵ Ministry"); blank paper after a
        // capital may be a heading's or an address's spacing.
        Assert.Equal("the ships The [ILLEGIBLE] Dalian", Fill(At("The", 400), stained, At("Dalian", 750)));
        Assert.Equal("the ships The Dalian", Fill(At("The", 400), blank, At("Dalian", 750)));
    }

    [Fact]
    public void A_narrower_blank_is_lost_words_where_the_words_either_side_never_follow_one_another_in_print()
    {
        // Seven characters of blank paper: a typist's gap where the sentence reads on across it, lost words where it cannot.
        var pairs = new WordPairs(Enumerable.Range(0, WordPairs.CommonFrom)
            .SelectMany(i => new[] { $"left x{(char)('a' + i)}", $"ships x{(char)('a' + i)}", $"x{(char)('a' + i)} from", $"x{(char)('a' + i)} the" }).Append("left from 100"));
        var lexicon = new Lexicon(["the ships left from the port of Dalian in the morning"]) { Pairs = pairs };
        var gap = new TextGap(new BoundingBox(550, 1000, 760, 1040), []) { Ink = new InkMeasure(4, 0.002f) };
        Assert.Equal("the ships left from", Fill(At("left", 400), gap, At("from", 800), lexicon: lexicon));
        Assert.Equal("the ships left [ILLEGIBLE] the", Fill(At("left", 400), gap, At("the", 800), lexicon: lexicon));
        Assert.Equal("the ships left the", Fill(At("left", 400), gap, At("the", 800)));
        // From four characters (a word of two letters and its spaces); narrower is a typist's double space and a slip.
        var four = gap with { Box = new BoundingBox(550, 1000, 685, 1040) };
        Assert.Equal("the ships left [ILLEGIBLE] the", Fill(At("left", 400), four, At("the", 700), lexicon: lexicon));
        var three = gap with { Box = new BoundingBox(550, 1000, 655, 1040) };
        Assert.Equal("the ships left the", Fill(At("left", 400), three, At("the", 670), lexicon: lexicon));
        // After a capital the sentence must go on in lower case: "Ships ⎵ The" may be a heading and what follows it.
        Assert.Equal("the ships Ships [ILLEGIBLE] the", Fill(At("Ships", 400), gap, At("the", 800), lexicon: lexicon));
        Assert.Equal("the ships Ships The", Fill(At("Ships", 400), gap, At("The", 800), lexicon: lexicon));
    }

    [Fact]
    public void A_speck_read_inside_the_stretch_neither_ends_nor_starts_a_sentence()
    {
        // The tide line read as ">" just before the next word: the sentence still breaks between "left" and "Dalian".
        var gap = new TextGap(new BoundingBox(550, 1000, 1400, 1040), []) { Ink = new InkMeasure(4, 0.002f) };
        var speck = new Word(">", new BoundingBox(1380, 1010, 1384, 1030), 95) { Ink = Typed };
        var line = Filled(At("left", 400), gap, At("Dalian", 1450), inside: speck);
        Assert.Equal("the ships left > [ILLEGIBLE] Dalian", string.Join(' ', line.Words.Select(w => w.Text)));
        // Nor does a speck read over most of the stretch: the tide line's arc read as "<" is no reading of it.
        var arc = new Word("<", new BoundingBox(560, 990, 1300, 1050), 6) { Ink = Typed };
        var under = Filled(At("left", 400), gap, At("Dalian", 1450), inside: arc);
        Assert.Contains(under.Words, w => w.IsIllegible);
    }

    [Fact]
    public void Blank_paper_after_a_speck_read_as_a_letter_breaks_no_sentence()
    {
        // Specks in the margin read as "i", then blank paper up to where the typed line starts.
        var gap = new TextGap(new BoundingBox(550, 1000, 1400, 1040), []) { Ink = new InkMeasure(4, 0.002f) };
        Assert.Equal("the ships i Dalian", Fill(At("i", 400, 34), gap, At("Dalian", 1450)));
        Assert.Equal("the ships xq Dalian", Fill(At("xq", 400, 90), gap, At("Dalian", 1450)));
    }

    [Theory]
    // "and will ⎵", "Repeated to Warsaw as ⎵": a paragraph never ends on a word no sentence ends with.
    [InlineData("will", true)]
    [InlineData("as", true)]
    [InlineData("no.", true)]    // "as no. ⎵": the number sign awaits its number
    // "Repeated to Warsaw ⎵" may be a paragraph's end whose full stop was not read.
    [InlineData("Warsaw", false)]
    [InlineData("as.", false)]
    public void A_paragraph_whose_last_line_stops_on_a_word_no_sentence_ends_with_lost_its_end(string last, bool lost)
    {
        var lexicon = new Lexicon(["the ships left from the port of Dalian in the morning as Warsaw will"]) { Pairs = new WordPairs(["ships left 100"]) };
        var full = new Line(new BoundingBox(100, 940, 2100, 980),
            [.. Enumerable.Range(0, 10).Select(i => new Word("morning", new BoundingBox(100 + i * 200, 940, 310 + i * 200, 980), 95) { Ink = Typed })]);
        var end = new Line(new BoundingBox(100, 1000, 700, 1040), [At("ships", 100), At(last, 400)]);
        var gap = new TextGap(new BoundingBox(430 + 30 * last.Length, 1000, 2085, 1040), []) { Ink = new InkMeasure(4, 0.002f) };
        var page = new Page(1, 2550, 3300, 300, [new Block(new BoundingBox(100, 940, 2100, 1040), [full, end])], new PageProcessing(0, 0, [])) { TextGaps = [gap] };
        var marked = GapMarker.Mark(page, lexicon, IllegibilityOptions.Default, PageInk.Of(page, IllegibilityOptions.Default));
        Assert.Equal(lost, marked.Blocks[0].Lines[1].Words.Any(w => w.IsIllegible));
        // Not on a page read in another language than English.
        var other = GapMarker.Mark(page, new Lexicon(["the ships left from the port as will"]), IllegibilityOptions.Default, PageInk.Of(page, IllegibilityOptions.Default));
        Assert.DoesNotContain(other.Blocks[0].Lines[1].Words, w => w.IsIllegible);
    }

    [Fact]
    public void Blank_paper_at_a_line_end_is_a_line_ended_early_not_lost_words()
    {
        // "left," with a full stop read as a comma on worn type, then nothing to the margin: the typist ended the line.
        var gap = new TextGap(new BoundingBox(550, 1000, 1400, 1040), []) { Ink = new InkMeasure(4, 0.002f) };
        Assert.Equal("the ships left,", Fill(At("left,", 400), gap));
        Assert.Equal("the ships left", Fill(At("left", 400), gap));
    }

    [Fact]
    public void A_smudge_where_a_line_stops_short_or_starts_late_is_lost_text_where_blank_paper_is_not()
    {
        // Stretches the rules otherwise leave to the learned decision: a smear of typing's ink at either end of a line.
        var smudge = new InkMeasure(60, 0.25f);
        foreach (var source in new[] { GapSource.ShortLine, GapSource.LineStart })
        {
            var gap = new TextGap(new BoundingBox(550, 1000, 1400, 1040), []) { Ink = smudge, Source = source };
            Assert.Equal("the ships left [ILLEGIBLE]", Fill(At("left", 400), gap));
            Assert.Equal("the ships left", Fill(At("left", 400), gap with { Ink = new InkMeasure(4, 0.002f) }));
        }
    }

    [Theory]
    // "response from ⎵⎵⎵ / MacDonald": a line cut short after a word that cannot end it, far more than its next word needs.
    [InlineData("from", 300, "MacDonald", true)]
    // A typist stops short for a long word ("in the ⎵ / communiqué.") and anywhere after a word that may end a line.
    [InlineData("from", 1300, "Constantinople's", false)]
    [InlineData("from", 1300, "MacDonald", true)]
    [InlineData("ships", 300, "MacDonald", false)]
    public void A_line_cut_short_after_a_word_that_cannot_end_it_lost_its_end(string last, int at, string next, bool lost)
    {
        // Running prose, a line a pitch of 60 px, a character 30 px: the line under test stops 54 or 22 characters short.
        var pairs = new WordPairs(Enumerable.Range(0, 12).Select(i => $"ships x{(char)('a' + i)} 100"));
        var lexicon = new Lexicon(["the ships left from the port of Dalian in the morning"]) { Pairs = pairs };
        Line Full(int top, string first = "the") => new(new BoundingBox(100, top, 2100, top + 40),
            [.. Enumerable.Range(0, 10).Select(i => new Word(i == 0 ? first : "morning", new BoundingBox(100 + i * 200, top, 100 + i * 200 + 30 * (i == 0 ? first.Length : 7), top + 40), 95) { Ink = Typed })]);
        var cut = new Line(new BoundingBox(100, 1060, 1100, 1100), [At("ships", 100) with { Box = new BoundingBox(100, 1060, 250, 1100) },
            At(last, at) with { Box = new BoundingBox(at, 1060, at + 30 * last.Length, 1100) }]);
        var gap = new TextGap(new BoundingBox(at + 30 * last.Length + 15, 1060, 2085, 1100), []) { Ink = new InkMeasure(4, 0.002f) };
        var lines = new List<Line> { Full(1000), cut, Full(1120, next), Full(1180) };
        var page = new Page(1, 2550, 3300, 300, [new Block(new BoundingBox(100, 1000, 2100, 1220), lines)], new PageProcessing(0, 0, [])) { TextGaps = [gap] };
        var marked = GapMarker.Mark(page, lexicon, IllegibilityOptions.Default, PageInk.Of(page, IllegibilityOptions.Default));
        Assert.Equal(lost, marked.Blocks[0].Lines[1].Words.Any(w => w.IsIllegible));
        // Without the word pairs the page was not read in English alone, whose words these are.
        var other = GapMarker.Mark(page, new Lexicon(["the ships left from the port"]), IllegibilityOptions.Default, PageInk.Of(page, IllegibilityOptions.Default));
        Assert.DoesNotContain(other.Blocks[0].Lines[1].Words, w => w.IsIllegible);
    }

    [Fact]
    public void Faint_typing_at_a_line_end_is_lost_text()
    {
        var gap = new TextGap(new BoundingBox(550, 1000, 1400, 1040), []) { Ink = new InkMeasure(60, 0.25f) };
        Assert.Equal("the ships left [ILLEGIBLE]", Fill(At("left", 400), gap));
    }

    [Fact]
    public void Ink_as_dark_as_the_typing_is_legible_type_the_engine_skipped_not_lost_text()
    {
        // Worn type the engine did not read, its re-reading junk: nothing to call illegible, so the line stays as read.
        var gap = new TextGap(new BoundingBox(550, 1000, 1000, 1040), [At("jij", 560, 30)]) { Ink = new InkMeasure(110, 0.28f) };
        Assert.Equal("the ships left Dalian", Fill(At("left", 400), gap, At("Dalian", 1050)));
        // As dark and denser than the typing, and junk read again: a smudge over the words.
        var smudge = new TextGap(gap.Box, [At("~~", 560, 27), At("&", 650, 84)]) { Ink = new InkMeasure(110, 0.38f) };
        Assert.Equal("the ships left [ILLEGIBLE] Dalian", Fill(At("left", 400), smudge, At("Dalian", 1050)));
        Assert.Equal("the ships left Dalian", Fill(At("left", 400), smudge with { Ink = gap.Ink }, At("Dalian", 1050)));
        // Read again as words, it is typing the engine skipped, however dense: no marker.
        var words = new TextGap(gap.Box, [At("from", 560, 85), At("the", 700, 85), At("port", 820, 85)]) { Ink = new InkMeasure(110, 0.38f) };
        Assert.Equal("the ships left Dalian", Fill(At("left", 400), words, At("Dalian", 1050)));
    }

    [Fact]
    public void A_narrow_blank_stretch_is_a_tabulation()
    {
        var gap = new TextGap(new BoundingBox(550, 1000, 700, 1040), []) { Ink = new InkMeasure(4, 0.002f) };
        Assert.Equal("the ships left Dalian", Fill(At("left", 400), gap, At("Dalian", 750)));
    }

    [Fact]
    public void Faint_typing_reread_as_confident_words_is_kept_as_text()
    {
        var gap = new TextGap(new BoundingBox(550, 1000, 1000, 1040), [At("from", 560, 90), At("the", 720, 91), At("port", 850, 88)])
        { Ink = new InkMeasure(60, 0.25f) };
        Assert.Equal("the ships left from the port Dalian", Fill(At("left", 400), gap, At("Dalian", 1050)));
    }

    [Fact]
    public void A_marker_keeps_no_guess_when_the_rereading_is_junk()
    {
        var gap = new TextGap(new BoundingBox(550, 1000, 1000, 1040), [At("jij", 560, 30), At("+h", 720, 20)]) { Ink = new InkMeasure(60, 0.25f) };
        var marker = Assert.Single(Filled(At("left", 400), gap, At("Dalian", 1050)).Words, w => w.IsIllegible);
        Assert.Equal("", marker.IllegibleGuess);
    }
}
