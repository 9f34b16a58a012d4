using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Tests.Illegibility;

/// <summary>The ink decides: low confidence on ordinary ink is a misreading to review, not text lost from the page.</summary>
public sealed class InkEvidenceTests
{
    private static readonly Lexicon Words = new(["the camp was in the middle of the town and we stayed there for weeks as I"]);
    private static readonly InkMeasure Typed = new(120, 0.3f);

    private static Word At(string text, int index, float confidence, InkMeasure? ink) =>
        new(text, new BoundingBox(100 + index * 200, 1000, 100 + index * 200 + 30 * text.Length, 1040), confidence) { Ink = ink };

    /// <summary>A page of sure words with ordinary ink (so the page's typical ink is known) and the line under test.</summary>
    private static (Page Page, Line Line) PageWith(params Word[] words)
    {
        var sure = Enumerable.Range(0, 8)
            .Select(i => At("middle", i, 95, Typed))
            .Select(w => w with { Box = w.Box with { Top = 500, Bottom = 540 } })
            .ToList();
        var context = new Line(BoundingBox.Union(sure.Select(w => w.Box)), sure);
        var line = new Line(BoundingBox.Union(words.Select(w => w.Box)), words);
        var page = new Page(1, 2550, 3300, 300, [new Block(new BoundingBox(100, 500, 2000, 1040), [context, line])], new PageProcessing(0, 0, []));
        return (page, line);
    }

    private static string Marked(params Word[] words)
    {
        var (page, line) = PageWith(words);
        var ink = PageInk.Of(page, IllegibilityOptions.Default);
        Assert.NotNull(ink);
        return string.Join(' ', IllegibilityDetector.Mark(line, Words, IllegibilityOptions.Default, ink).Words.Select(w => w.Text));
    }

    [Fact]
    public void Garbage_read_from_ordinary_ink_is_kept_as_read()
    {
        // Worn type: "oamp" for "camp", confidence 10, but the strokes are as dark and as dense as the page's typing.
        Assert.Equal("the oamp@e was", Marked(At("the", 0, 95, Typed), At("oamp@e", 1, 10, new(115, 0.33f)), At("was", 2, 95, Typed)));
    }

    [Fact]
    public void Garbage_over_a_smudge_is_marked()
    {
        Assert.Equal("the [ILLEGIBLE] was", Marked(At("the", 0, 95, Typed), At("oamp@e", 1, 10, new(130, 0.7f)), At("was", 2, 95, Typed)));
    }

    [Fact]
    public void Garbage_from_faded_ink_is_marked()
    {
        Assert.Equal("the [ILLEGIBLE] was", Marked(At("the", 0, 95, Typed), At("oamp@e", 1, 10, new(35, 0.1f)), At("was", 2, 95, Typed)));
    }

    [Theory]
    [InlineData(true, 125, 0.8f, "the : was")] // set apart as the page's typist does (French spacing): dark as the typing, its box all ink
    [InlineData(true, 30, 0.8f, "the was")] // a faint speck read as a mark
    [InlineData(false, 125, 0.8f, "the was")] // a typist who never sets marks apart: a dense dot is dirt
    [InlineData(false, 120, 0.3f, "the : was")]
    public void Lone_punctuation_read_unsurely_is_dropped_only_on_ink_unlike_the_typing(bool spacedPage, int contrast, float coverage, string expected)
    {
        // Three marks set apart and read surely elsewhere on the page make the typist's habit.
        var habit = spacedPage ? new[] { At("morning", 3, 95, Typed), At(";", 4, 95, Typed), At("?", 5, 95, Typed), At(":", 6, 95, Typed) } : [];
        var (page, line) = PageWith([At("the", 0, 95, Typed), At(":", 1, 30, new(contrast, coverage)), At("was", 2, 95, Typed), .. habit]);
        var ink = PageInk.Of(page, IllegibilityOptions.Default);
        Assert.NotNull(ink);
        var kept = IllegibilityDetector.Mark(line, Words, IllegibilityOptions.Default, ink).Words.Take(3).Select(w => w.Text);
        Assert.Equal(expected, string.Join(' ', kept.Where(t => t != "morning")));
    }

    [Fact]
    public void A_letterless_mark_of_a_character_or_two_is_never_lost_words()
    {
        // "»" for a misread dash, its box dense because it is tight around a small mark.
        Assert.Equal("the » was", Marked(At("the", 0, 95, Typed), At("»", 1, 60, new(130, 0.8f)), At("was", 2, 95, Typed)));
    }

    [Fact]
    public void A_letterless_mark_flatter_than_the_letters_is_a_dash_however_wide()
    {
        var rule = At("=", 1, 30, new(130, 0.5f)) with { Box = new BoundingBox(300, 1030, 400, 1038) };
        Assert.Equal("the = was", Marked(At("the", 0, 95, Typed), rule, At("was", 2, 95, Typed)));
        var tall = rule with { Box = rule.Box with { Top = 1000, Bottom = 1040 } };
        Assert.Equal("the [ILLEGIBLE] was", Marked(At("the", 0, 95, Typed), tall, At("was", 2, 95, Typed)));
    }

    [Fact]
    public void An_unsure_reading_of_blank_paper_is_noise_not_lost_words()
    {
        // Bleed-through or the paper's grain read as "es": no ink to speak of where the engine saw letters.
        Assert.Equal("the was", Marked(At("the", 0, 95, Typed), At("es", 1, 21, new(11, 0.04f)), At("was", 2, 95, Typed)));
        // Faded typing keeps enough ink to be lost text.
        Assert.Equal("the [ILLEGIBLE] was", Marked(At("the", 0, 95, Typed), At("oamp@e", 1, 21, new(35, 0.1f)), At("was", 2, 95, Typed)));
    }

    [Fact]
    public void A_known_word_on_a_smudge_where_the_second_recogniser_saw_nothing_is_lost()
    {
        static Word Seen(Word w, string second) => w with { Readings = [new("tesseract", w.Text, w.Confidence), new("pp-ocr", second, second.Length == 0 ? 0 : 90)] };
        var smudge = new InkMeasure(130, 0.7f);
        Word The() => Seen(At("the", 0, 95, Typed), "the");
        Word Was() => Seen(At("was", 2, 95, Typed), "was");
        Assert.Equal("the [ILLEGIBLE] was", Marked(The(), Seen(At("town", 1, 33, smudge), ""), Was()));
        Assert.Equal("the town was", Marked(The(), Seen(At("town", 1, 33, smudge), "tovn"), Was()));
        Assert.Equal("the town was", Marked(The(), Seen(At("town", 1, 33, Typed), ""), Was()));
        // Alone on its line, where the second recogniser read nothing at all, it is a mark of the page, not lost typing.
        Assert.Equal("town", Marked(Seen(At("town", 1, 33, smudge), "")));
        // A single letter counts where its box is a smear far wider than the letter: "(I" over seven characters.
        var letter = Seen(At("(I", 1, 22, smudge), "");
        var rest = Enumerable.Range(3, 5).Select(i => Seen(At("middle", i, 95, Typed), "middle")).ToArray();
        Assert.Equal("the [ILLEGIBLE] was middle middle middle middle middle",
            Marked([The(), letter with { Box = letter.Box with { Right = letter.Box.Left + 7 * 30 } }, Was(), .. rest]));
        Assert.Equal("the (I was middle middle middle middle middle", Marked([The(), letter, Was(), .. rest]));
    }

    [Theory]
    [InlineData(80f, 0.42f, true)]    // denser and paler at once: ink smeared thin, or washed by water
    [InlineData(125f, 0.42f, false)]  // denser but as dark: typing struck hard, a heavy typeface
    [InlineData(80f, 0.33f, false)]   // paler alone: a worn ribbon, still typing
    [InlineData(125f, 0.5f, true)]    // far denser whatever its contrast: a blot
    public void Ink_denser_and_paler_than_the_typing_is_smeared(float contrast, float coverage, bool smudged)
    {
        var (page, _) = PageWith(At("the", 0, 95, Typed));
        Assert.Equal(smudged, PageInk.Of(page, IllegibilityOptions.Default)!.IsSmudged(new InkMeasure(contrast, coverage)));
    }

    [Fact]
    public void A_known_word_read_unsurely_from_a_smear_far_wider_than_its_reading_is_lost()
    {
        // "as" read at 24 from a smear seven characters wide, the second recogniser seeing one letter there: a fragment.
        var smear = new InkMeasure(80, 0.45f);
        Word Fragment(float confidence, InkMeasure ink, int chars) => At("as", 1, confidence, ink) with
        {
            Box = new BoundingBox(300, 1000, 300 + chars * 30, 1040),
            Readings = [new EngineReading("tesseract", "as", confidence), new EngineReading("pp-ocr", "a", 98)],
        };
        // The line's other words set its character width.
        string Line(Word fragment) => Marked([At("the", 0, 95, Typed), fragment, .. Enumerable.Range(3, 5).Select(i => At("middle", i, 95, Typed))]);
        const string Rest = " middle middle middle middle middle";
        Assert.Equal("the [ILLEGIBLE]" + Rest, Line(Fragment(24, smear, 7)));
        Assert.Equal("the as" + Rest, Line(Fragment(24, smear, 3)));   // its box no wider than the reading
        Assert.Equal("the as" + Rest, Line(Fragment(24, Typed, 7)));   // ordinary ink: typing spaced out
        Assert.Equal("the as" + Rest, Line(Fragment(70, smear, 7)));   // read fairly surely
        // Read again alone, a word of the list: as narrow a fragment, and no sign that the smear is legible.
        Assert.Equal("the [ILLEGIBLE]" + Rest, Line(Fragment(24, smear, 7) with { Reread = new Reading("is", 40) }));
        Assert.Equal("the as" + Rest, Line(Fragment(24, smear, 7) with { Reread = new Reading("camp was", 40) }));
        // A figure from the smear where the two recognisers, both unsure, read different things: a fragment too.
        Word Figure(string second, int chars) => At("5", 1, 14, smear) with
        {
            Box = new BoundingBox(300, 1000, 300 + chars * 30, 1040),
            Readings = [new EngineReading("tesseract", "5", 14), new EngineReading("pp-ocr", second, 45)],
        };
        Assert.Equal("the [ILLEGIBLE]" + Rest, Line(Figure("mm", 7)));
        Assert.Equal("the 5" + Rest, Line(Figure("5", 7)));    // read alike: a worn figure
        Assert.Equal("the 5" + Rest, Line(Figure("mm", 2)));   // as wide as a figure: worn, not lost words
        // A re-reading that is no words at all measures nothing.
        Assert.Equal("the [ILLEGIBLE]" + Rest, Line(Fragment(24, smear, 7) with { Reread = new Reading("Meeeee", 18) }));
    }

    [Fact]
    public void Garbage_read_from_ordinary_ink_far_wider_than_it_where_the_second_recogniser_saw_nothing_is_lost()
    {
        // "convention |e\" this": "with me" smudged to a pale smear seven characters wide, read as three marks by one
        // engine and as nothing by the other, which read the rest of the line.
        static Word Seen(Word w, string second) => w with { Readings = [new("tesseract", w.Text, w.Confidence), new("pp-ocr", second, second.Length == 0 ? 0 : 90)] };
        Word Smear(string second, int chars) => Seen(At("|e\"", 1, 45, Typed) with { Box = new BoundingBox(300, 1000, 300 + chars * 30, 1040) }, second);
        string Line(Word smear) => Marked([Seen(At("the", 0, 95, Typed), "the"), smear, .. Enumerable.Range(3, 5).Select(i => Seen(At("middle", i, 95, Typed), "middle"))]);
        const string Rest = " middle middle middle middle middle";
        Assert.Equal("the [ILLEGIBLE]" + Rest, Line(Smear("", 7)));
        Assert.Equal("the |e\"" + Rest, Line(Smear("with", 7)));   // the second read a word there: worn typing
        Assert.Equal("the |e\"" + Rest, Line(Smear("", 3)));       // as wide as its reading: a misread mark
    }

    [Fact]
    public void Without_measured_ink_the_reading_alone_decides_as_before()
    {
        var line = new Line(new BoundingBox(100, 1000, 700, 1040), [At("the", 0, 95, null), At("oamp@e", 1, 10, null), At("was", 2, 95, null)]);
        var marked = IllegibilityDetector.Mark(line, Words, IllegibilityOptions.Default, ink: null);
        Assert.Contains(marked.Words, w => w.IsIllegible);
    }

    [Fact]
    public void The_page_typical_ink_needs_enough_sure_words()
    {
        var line = new Line(new BoundingBox(100, 1000, 700, 1040), [At("the", 0, 95, Typed), At("camp", 1, 95, Typed)]);
        var page = new Page(1, 2550, 3300, 300, [new Block(line.Box, [line])], new PageProcessing(0, 0, []));
        Assert.Null(PageInk.Of(page, IllegibilityOptions.Default));
    }

    [Theory]
    [InlineData(5f, 0.01f, false, true, false)]    // blank paper: a tabulation, or ribbon faded to nothing
    [InlineData(40f, 0.005f, false, false, true)]  // stained paper with no ink: a tide line over washed-out words
    [InlineData(50f, 0.1f, false, false, false)]   // a few strokes of foxing or a neighbour's letter
    [InlineData(70f, 0.25f, true, false, false)]   // faint typing
    [InlineData(130f, 0.6f, true, false, false)]   // a smudge
    public void A_stretch_with_words_missing_is_judged_by_its_ink(float contrast, float coverage, bool lostTyping, bool blank, bool stained)
    {
        var (page, _) = PageWith(At("the", 0, 95, Typed));
        var ink = PageInk.Of(page, IllegibilityOptions.Default)!;
        Assert.Equal(lostTyping, ink.HoldsLostTyping(new InkMeasure(contrast, coverage)));
        Assert.Equal(blank, ink.IsBlank(new InkMeasure(contrast, coverage)));
        Assert.Equal(stained, ink.IsStained(new InkMeasure(contrast, coverage)));
    }

    [Theory]
    [InlineData("gg", 6, "w", 19, "the [ILLEGIBLE] camp")] // both engines unsure, different things: a blot
    [InlineData("i", 93, "mio", 73, "the i camp")]       // Tesseract sure of its letter: worn type, kept
    [InlineData("w", 6, "w", 19, "the w camp")]          // read alike: a letter
    public void A_single_letter_on_smudged_ink_is_lost_only_where_two_unsure_engines_read_different_things(
        string first, float firstConfidence, string second, float secondConfidence, string expected)
    {
        var smudged = new InkMeasure(150, 0.75f);
        var letter = At(first == "gg" ? second : first, 1, Math.Min(firstConfidence, secondConfidence), smudged) with
        {
            Readings = [new EngineReading("tesseract", first, firstConfidence), new EngineReading("pp-ocr", second, secondConfidence)],
        };

        Assert.Equal(expected, Marked(At("the", 0, 95, Typed), letter, At("camp", 2, 95, Typed)));
    }
}
