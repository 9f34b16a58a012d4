using IngestPipeline.Domain.Cleanup;
using static IngestPipeline.Domain.Tests.Cleanup.CleanupSamples;

namespace IngestPipeline.Domain.Tests.Cleanup;

public class TypewriterCharacterRuleTests
{
    [Theory]
    [InlineData("\u201Cinternationalization\u201D", "\"internationalization\"")]
    [InlineData("\u2018lease\u2019", "'lease'")]
    [InlineData("Rec\u2019d", "Rec'd")]
    [InlineData("\u201Elow\u201F", "\"low\"")]
    [InlineData("arrangements\u2014that", "arrangements--that")]
    [InlineData("1942\u20131945", "1942-1945")]
    [InlineData("arrangements\u2026", "arrangements...")]
    [InlineData("9:25\u00A0p.m.", "9:25 p.m.")]
    [InlineData("\u00A0Washington.\u202F", "Washington.")]
    [InlineData("a\u2003\u00A0 b", "a b")]
    [InlineData("in\u00ADformed\u200B", "informed")]
    public void Typographic_characters_become_typewriter_characters(string text, string expected) =>
        Assert.Equal(expected, TypewriterCharacterRule.Normalize(text));

    [Theory]
    [InlineData("Attach\u00E9")]
    [InlineData("L\u00FCshunkou")]
    [InlineData("4\u00BD")]
    [InlineData("\"some\"")]
    [InlineData("Soviet-Chinese--")]
    public void Typewriter_text_is_left_alone(string text) =>
        Assert.Equal(text, TypewriterCharacterRule.Normalize(text));

    [Fact]
    public void Each_replacement_can_be_switched_off()
    {
        const string text = "\u201Cx\u201D\u2014y\u2026\u00A0z";

        Assert.Equal("\u201Cx\u201D--y... z", TypewriterCharacterRule.Normalize(text, new() { Quotes = false }));
        Assert.Equal("\"x\"\u2014y... z", TypewriterCharacterRule.Normalize(text, new() { Dashes = false }));
        Assert.Equal("\"x\"--y\u2026 z", TypewriterCharacterRule.Normalize(text, new() { Ellipsis = false }));
        Assert.Equal("\"x\"--y...\u00A0z", TypewriterCharacterRule.Normalize(text, new() { Spaces = false }));
    }

    [Fact]
    public void Line_keeps_boxes_and_confidences_and_drops_words_that_were_only_spaces()
    {
        var line = LineOf("informed.\u201D", "\u00A0", "Not\u2014");

        var result = TypewriterCharacterRule.Normalize(line);

        Assert.Equal(["informed.\"", "Not--"], Texts(result));
        Assert.Equal(line.Words[0].Box, result.Words[0].Box);
        Assert.Equal(line.Words[2].Box, result.Words[1].Box);
        Assert.Equal(line.Words[2].Confidence, result.Words[1].Confidence);
    }

    [Fact]
    public void Line_without_typographic_characters_is_returned_as_is()
    {
        var line = LineOf("Secretary", "of", "State,");

        Assert.Same(line, TypewriterCharacterRule.Normalize(line));
    }
}
