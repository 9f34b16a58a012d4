using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Export;
using IngestPipeline.Domain.Illegibility;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Tests.Illegibility;

/// <summary>Handwriting, stamps, rules and specks leave the text as regions; typing of every kind stays.</summary>
public sealed class NonTextSeparatorTests
{
    private static readonly Lexicon Words = new(["the ships left from the port of Dalian in the morning Atherton a"]);

    /// <summary>Typed words are 40 px high on this 300-dpi page.</summary>
    private const int Typed = 40;

    private static Word At(string text, int left, int top, float confidence = 95, int height = Typed) =>
        new(text, new BoundingBox(left, top, left + 30 * text.Length, top + height), confidence);

    private static Line LineOf(params Word[] words) => new(BoundingBox.Union(words.Select(w => w.Box)), words);

    /// <summary>A page of eight sure typed lines with <paramref name="extra"/> lines below them.</summary>
    private static Page PageWith(params Line[] extra)
    {
        var typed = Enumerable.Range(0, 8)
            .Select(i => LineOf(At("the", 300, 400 + 60 * i), At("ships", 420, 400 + 60 * i), At("morning", 600, 400 + 60 * i)))
            .ToList();
        var lines = typed.Concat(extra).ToList();
        return new Page(1, 2550, 3300, 300, [new Block(BoundingBox.Union(lines.Select(l => l.Box)), lines)], new PageProcessing(0, 0, []));
    }

    private static string Text(Page page) => string.Join('\n', page.Lines.Skip(8).Select(l => l.Text));

    [Fact]
    public void A_signature_over_a_typed_name_becomes_a_handwriting_region_and_the_name_stays()
    {
        var line = LineOf(At("Mhrchat", 300, 1000, confidence: 12, height: 3 * Typed), At("Atherton", 700, 1060));
        var page = NonTextSeparator.Separate(PageWith(line), Words);
        Assert.Equal("Atherton", Text(page));
        var region = Assert.Single(page.Regions);
        Assert.Equal(RegionKind.Handwriting, region.Kind);
        Assert.Equal("Mhrchat", region.Reading);
        Assert.Equal(new BoundingBox(300, 1000, 510, 1120), region.Box);
    }

    [Fact]
    public void An_unsure_line_read_on_the_ink_of_a_line_read_as_typing_is_the_same_ink_read_twice()
    {
        // Faint type made into two lines: "Dalian ships" read as typing, and a second line half a line lower, on the same ink, read as garbage.
        var typed = LineOf(At("Dalian", 300, 1000, confidence: 70), At("ships", 500, 1000, confidence: 30));
        var again = LineOf(At("xf", 300, 1015, confidence: 0), At("Pre", 380, 1015, confidence: 16), At("re.", 500, 1015, confidence: 10));
        var page = NonTextSeparator.Separate(PageWith(typed, again), Words);
        Assert.Equal("Dalian ships", Text(page));
        Assert.Empty(page.Regions);
    }

    [Fact]
    public void An_unsure_line_beside_typing_or_over_unsure_ink_stays_for_the_illegibility_rules()
    {
        // Below the typed line, touching it: its ink is its own.
        var typed = LineOf(At("Dalian", 300, 1000, confidence: 70), At("ships", 500, 1000, confidence: 70));
        var below = LineOf(At("xf", 300, 1035, confidence: 0), At("Pre", 380, 1035, confidence: 16), At("re.", 500, 1035, confidence: 10));
        Assert.Equal("Dalian ships\nxf Pre re.", Text(NonTextSeparator.Separate(PageWith(typed, below), Words)));
        // Two unsure readings of one band of ink: neither reads as typing, so both stay.
        var unsure = LineOf(At("Dnlinn", 300, 1000, confidence: 20), At("shqs", 500, 1000, confidence: 30));
        var again = LineOf(At("xf", 300, 1015, confidence: 0), At("Pre", 380, 1015, confidence: 16), At("re.", 500, 1015, confidence: 10));
        Assert.Equal("Dnlinn shqs\nxf Pre re.", Text(NonTextSeparator.Separate(PageWith(unsure, again), Words)));
    }

    [Fact]
    public void A_line_of_pen_strokes_read_as_short_words_leaves_the_text()
    {
        var line = LineOf(At("un", 300, 1000, 25, 2 * Typed), At("Mh", 400, 1000, 20, 2 * Typed), At("a", 500, 1000, 30, 2 * Typed));
        var page = NonTextSeparator.Separate(PageWith(line), Words);
        Assert.Equal("", Text(page));
        Assert.Equal("un Mh a", Assert.Single(page.Regions).Reading);
    }

    [Fact]
    public void A_flat_garbage_line_is_a_rule_and_small_marks_are_specks()
    {
        var rule = LineOf(At("ee", 300, 1000, 30, 10), At("eeeeee", 380, 1000, 30, 10), At("ere", 600, 1000, 20, 10));
        var speck = LineOf(At("a", 1500, 1200, 20, 9));
        var page = NonTextSeparator.Separate(PageWith(rule, speck), Words);
        Assert.Equal("", Text(page));
        Assert.Equal([RegionKind.Rule, RegionKind.Specks], page.Regions.Select(r => r.Kind));
    }

    [Fact]
    public void Page_numbers_typed_initials_and_faded_typing_of_typed_size_stay_text()
    {
        var number = LineOf(At("-3-", 1200, 1000, 60, 30));
        var initials = LineOf(At("RA/MM", 300, 1100, 90));
        var faded = LineOf(At("sh!ps", 300, 1200, 20), At("lef#", 480, 1200, 15));
        var page = NonTextSeparator.Separate(PageWith(number, initials, faded), Words);
        Assert.Equal("-3-\nRA/MM\nsh!ps lef#", Text(page));
        Assert.Empty(page.Regions);
    }

    [Fact]
    public void A_typed_word_touched_by_a_stroke_stays_however_unsure()
    {
        // Underlined by hand: the box reaches twice the typed height, the engine reads it at 40.
        var line = LineOf(At("the", 300, 1000), At("ships", 420, 1000, confidence: 40, height: 2 * Typed), At("left", 600, 1000));
        Assert.Equal("the ships left", Text(NonTextSeparator.Separate(PageWith(line), Words)));
    }

    [Fact]
    public void What_lies_under_a_blot_is_left_for_the_illegibility_rules()
    {
        var line = LineOf(At("ee@e", 300, 1000, 10, 3 * Typed));
        var blot = new DarkRegion(new BoundingBox(290, 990, 450, 1130), [new BoundingBox(290, 990, 450, 1130)]);
        var page = NonTextSeparator.Separate(PageWith(line) with { DarkRegions = [blot] }, Words);
        Assert.Equal("ee@e", Text(page));
        Assert.Empty(page.Regions);
    }

    [Fact]
    public void Round_dark_marks_beside_the_text_are_punch_holes_and_dark_marks_at_the_side_the_sheet_s_edge()
    {
        var hole = new DarkRegion(new BoundingBox(100, 1500, 180, 1580), []);
        var edge = new DarkRegion(new BoundingBox(0, 0, 60, 3300), []);
        var blot = new DarkRegion(new BoundingBox(400, 500, 480, 580), []);
        var page = NonTextSeparator.Separate(PageWith() with { DarkRegions = [hole, edge, blot] }, Words);
        Assert.Equal([(RegionKind.PunchHole, hole.Box), (RegionKind.PageEdge, edge.Box)], page.Regions.Select(r => (r.Kind, r.Box)));
    }

    [Fact]
    public void What_is_read_at_the_sheet_s_edge_beyond_the_typing_is_the_edge_and_no_lost_text()
    {
        // A scanner's shadow in the bottom right corner, below the last typed line, read as two unsure "words".
        var line = LineOf(At("Pr", 2400, 3220, confidence: 33), At("vl", 2470, 3230, confidence: 0, height: 50));
        var shadow = new DarkRegion(new BoundingBox(2450, 3240, 2550, 3300), [new BoundingBox(2450, 3240, 2550, 3300)]);
        var page = NonTextSeparator.Separate(PageWith(line) with { DarkRegions = [shadow] }, Words);
        Assert.Equal("", Text(page));
        Assert.Empty(page.DarkRegions);
        Assert.All(page.Regions, r => Assert.Equal(RegionKind.PageEdge, r.Kind));
        Assert.Contains(page.Regions, r => r.Reading == "Pr vl");
    }

    [Fact]
    public void A_tear_at_the_side_that_reaches_into_the_typed_column_stays_evidence_of_lost_text()
    {
        var tear = new DarkRegion(new BoundingBox(700, 400, 2550, 520), [new BoundingBox(700, 400, 2550, 520)]);
        var page = NonTextSeparator.Separate(PageWith() with { DarkRegions = [tear] }, Words);
        Assert.Equal([tear], page.DarkRegions);
    }

    [Fact]
    public void Punch_holes_and_a_dark_background_holding_typing_are_no_evidence_of_lost_text()
    {
        var hole = new DarkRegion(new BoundingBox(100, 1500, 180, 1580), [new BoundingBox(100, 1500, 180, 1580)]);
        // A dark scan: the region takes in the whole sheet, and the typing read surely lies inside it.
        var background = new DarkRegion(new BoundingBox(0, 0, 2550, 3300), [new BoundingBox(0, 0, 2550, 3300)]);
        var blot = new DarkRegion(new BoundingBox(400, 500, 480, 580), [new BoundingBox(400, 500, 480, 580)]);
        var page = NonTextSeparator.Separate(PageWith() with { DarkRegions = [hole, background, blot] }, Words);
        Assert.Equal([blot], page.DarkRegions);
        Assert.Contains(page.Regions, r => r.Kind == RegionKind.PunchHole);
    }

    [Fact]
    public void A_line_the_second_recogniser_reads_as_marks_alone_is_a_typed_rule()
    {
        // "------" typed across the page: Tesseract reads the dashes as "a un Mh", PP-OCR as dashes.
        static Word Dashes(Word w, string second) => w with { Readings = [new("tesseract", w.Text, w.Confidence), new("pp-ocr", second, 80)] };
        var rule = LineOf(Dashes(At("a", 300, 1000, 23), "---"), Dashes(At("un", 400, 1000, 19), ""), Dashes(At("Mh", 500, 1000, 20), "--"));
        var page = NonTextSeparator.Separate(PageWith(rule), Words);
        Assert.Equal("", Text(page));
        Assert.Equal(RegionKind.Rule, Assert.Single(page.Regions).Kind);
        // Where the second recogniser saw letters, the line stays for the illegibility rules.
        var worn = LineOf(Dashes(At("a", 300, 1000, 23), "---"), Dashes(At("un", 400, 1000, 19), "in"), Dashes(At("Mh", 500, 1000, 20), "--"));
        Assert.Equal("a un Mh", Text(NonTextSeparator.Separate(PageWith(worn), Words)));
    }

    [Fact]
    public void What_the_engine_read_in_a_punch_hole_is_no_word()
    {
        // A hole in the left margin beside a typed line, read as a word at its start.
        var hole = new DarkRegion(new BoundingBox(100, 990, 180, 1070), [new BoundingBox(100, 990, 180, 1070)]);
        var line = LineOf(At("e", 110, 1000, 20), At("the", 300, 1000), At("ships", 420, 1000));
        var page = NonTextSeparator.Separate(PageWith(line) with { DarkRegions = [hole] }, Words);
        Assert.Equal("the ships", Text(page));
        var region = Assert.Single(page.Regions);
        Assert.Equal((RegionKind.PunchHole, "e"), (region.Kind, region.Reading));
    }

    [Fact]
    public void A_typed_underline_read_as_a_word_in_a_typed_line_is_a_rule()
    {
        var line = LineOf(At("ee", 300, 1000, 30, 8) with { Box = new BoundingBox(300, 1000, 560, 8 + 1000) }, At("sides", 700, 1000), At("of", 880, 1000));
        var page = NonTextSeparator.Separate(PageWith(line), Words);
        Assert.Equal("sides of", Text(page));
        Assert.Equal(RegionKind.Rule, Assert.Single(page.Regions).Kind);
    }

    [Fact]
    public void A_page_with_too_little_sure_typing_is_left_as_read()
    {
        var line = LineOf(At("Mhrchat", 300, 1000, confidence: 12, height: 3 * Typed));
        var page = new Page(1, 2550, 3300, 300, [new Block(line.Box, [line])], new PageProcessing(0, 0, []));
        Assert.Same(page, NonTextSeparator.Separate(page, Words));
    }

    [Fact]
    public void Regions_survive_the_json_round_trip()
    {
        var line = LineOf(At("Mhrchat", 300, 1000, confidence: 12, height: 3 * Typed));
        var page = NonTextSeparator.Separate(PageWith(line), Words);
        var read = JsonExporter.Read(JsonExporter.Write(new Transcript("scan.tif", [page])));
        Assert.Equal(page.Regions, read.Pages[0].Regions);
        Assert.Contains("\"kind\": \"handwriting\"", JsonExporter.Write(read));
    }
}
