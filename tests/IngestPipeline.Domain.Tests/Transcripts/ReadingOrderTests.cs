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
