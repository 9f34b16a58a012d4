using IngestPipeline.Domain.Transcripts;
using Xunit;

namespace IngestPipeline.Domain.Tests.Transcripts;

public class ReadingOrderTests
{
    private static Block BlockAt(string text, int left, int top, int right, int bottom) =>
        new(new BoundingBox(left, top, right, bottom),
            [new Line(new BoundingBox(left, top, right, bottom), [new Word(text, new BoundingBox(left, top, right, bottom), 90)])]);

    private static string Order(params Block[] blocks) =>
        string.Join(" ", ReadingOrder.Arrange(blocks).Select(b => b.Lines[0].Words[0].Text));

    [Fact]
    public void A_heading_comes_before_two_columns_and_each_column_is_read_down_before_the_next()
    {
        // A play's page: a stack of small speaker and speech blocks on the left, one tall block on the right.
        var order = Order(
            BlockAt("right", 1100, 150, 2000, 3000),
            BlockAt("heading", 300, 50, 1700, 100),
            BlockAt("left3", 300, 700, 1000, 1000),
            BlockAt("left1", 300, 150, 1000, 300),
            BlockAt("left2", 320, 350, 1000, 650));
        Assert.Equal("heading left1 left2 left3 right", order);
    }

    [Fact]
    public void Header_blocks_side_by_side_are_read_left_to_right_above_the_body()
    {
        var order = Order(
            BlockAt("body", 200, 600, 2200, 2800),
            BlockAt("dated", 1400, 100, 2200, 400),
            BlockAt("from", 200, 120, 1000, 450));
        Assert.Equal("from dated body", order);
    }

    private static string Text(params Block[] blocks) =>
        string.Join(" | ", ReadingOrder.Arrange(blocks).Select(b => string.Join(" / ", b.Lines.Select(l => l.Text))));

    [Fact]
    public void A_paragraph_label_typed_apart_joins_the_line_it_stands_beside()
    {
        // A table of chapters: each number a block of its own, left of its heading; the items under it indented.
        var text = Text(
            BlockAt("1)", 600, 817, 649, 868),
            BlockAt("SAUVEGARDE", 700, 821, 1031, 862),
            BlockAt("restauration", 868, 917, 1743, 963),
            BlockAt("2)", 598, 1223, 649, 1274),
            BlockAt("COMMUNICATION", 698, 1228, 1136, 1268));
        Assert.Equal("1) SAUVEGARDE | restauration | 2) COMMUNICATION", text);
    }

    [Fact]
    public void A_numbered_paragraph_keeps_its_number_when_the_number_stands_in_the_margin()
    {
        var paragraph = new Block(new BoundingBox(500, 1000, 2200, 1150),
        [
            new Line(new BoundingBox(500, 1000, 2200, 1040), [new Word("The", new BoundingBox(500, 1000, 600, 1040), 90), new Word("Ambassador", new BoundingBox(630, 1000, 900, 1040), 90)]),
            new Line(new BoundingBox(300, 1060, 2200, 1100), [new Word("called", new BoundingBox(300, 1060, 480, 1100), 90)]),
        ]);
        Assert.Equal("3. The Ambassador / called", Text(BlockAt("3.", 300, 1002, 340, 1038), paragraph));
    }

    [Fact]
    public void A_short_word_or_a_number_alone_is_no_label()
    {
        // A page number under the text, and a word alone at the end of a column beside the next column's line.
        var text = Text(
            BlockAt("text", 300, 100, 2000, 900),
            BlockAt("of", 300, 1000, 360, 1040),
            BlockAt("right", 1200, 1000, 2000, 1040),
            BlockAt("-3-", 1100, 3000, 1200, 3040));
        Assert.Equal("text | of | right | -3-", text);
    }

    [Fact]
    public void Paragraphs_of_one_column_are_read_top_to_bottom()
    {
        var order = Order(
            BlockAt("third", 200, 1300, 2200, 1800),
            BlockAt("first", 200, 100, 2200, 600),
            BlockAt("second", 260, 700, 2150, 1200));
        Assert.Equal("first second third", order);
    }
}
