using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Tests.Cleanup;

public sealed class BulletRuleTests
{
    private static readonly Lexicon Words = new(["a I e o the ships left port"]);

    private static Line LineOf(params (string Text, int Left, int Top, int Width, int Height)[] words)
    {
        var list = words.Select(w => new Word(w.Text, new BoundingBox(w.Left, w.Top, w.Left + w.Width, w.Top + w.Height), 40)).ToList();
        return new Line(BoundingBox.Union(list.Select(w => w.Box)), list);
    }

    private static string Text(Line line) => string.Join(' ', line.Words.Select(w => w.Text));

    [Theory]
    [InlineData("e")]
    [InlineData("°")]
    [InlineData("©")]
    [InlineData("*")]
    [InlineData(".")] // PP-OCR's reading of a round bullet
    public void A_small_round_mark_set_apart_at_a_line_start_is_a_bullet(string read)
    {
        var line = LineOf((read, 100, 1012, 18, 18), ("ships", 160, 1000, 140, 40), ("left", 320, 1000, 100, 40));
        Assert.Equal("• ships left", Text(BulletRule.Normalize(line, Words)));
    }

    [Fact]
    public void A_one_letter_word_or_a_capital_starting_a_sentence_is_not()
    {
        var pronoun = LineOf(("I", 100, 1000, 14, 40), ("left", 140, 1000, 100, 40));
        var article = LineOf(("a", 100, 1012, 18, 18), ("ship", 160, 1000, 110, 40));
        Assert.Equal("I left", Text(BulletRule.Normalize(pronoun, Words)));
        Assert.Equal("a ship", Text(BulletRule.Normalize(article, Words)));
    }

    [Fact]
    public void A_mark_run_into_the_next_word_is_not()
    {
        var line = LineOf(("e", 100, 1012, 18, 18), ("ships", 120, 1000, 140, 40));
        Assert.Equal("e ships", Text(BulletRule.Normalize(line, Words)));
    }
}
