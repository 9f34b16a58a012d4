using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Transcripts;
using static IngestPipeline.Domain.Tests.Cleanup.CleanupSamples;

namespace IngestPipeline.Domain.Tests.Cleanup;

public class IllegibleMarkerRuleTests
{
    [Theory]
    [InlineData("[illegible]", "[ILLEGIBLE]")]
    [InlineData("[Illegible]", "[ILLEGIBLE]")]
    [InlineData("[ ILLEGIBLE ]", "[ILLEGIBLE]")]
    [InlineData("[ILLEG IBLE]", "[ILLEGIBLE]")]
    [InlineData("[ILLEG-IBLE]", "[ILLEGIBLE]")]
    [InlineData("[1LLEG|BLE]", "[ILLEGIBLE]")]
    [InlineData("[illegible],", "[ILLEGIBLE],")]
    [InlineData("([illegible]).", "([ILLEGIBLE]).")]
    public void Spellings_of_the_marker_become_canonical(string text, string expected)
    {
        Assert.True(IllegibleMarkerRule.TryCanonicalize(text, out var canonical));
        Assert.Equal(expected, canonical);
    }

    [Theory]
    [InlineData("[sic]")]
    [InlineData("[Dalian],")]
    [InlineData("illegible")]
    [InlineData("[illegibly]")]
    [InlineData("[illegible")]
    [InlineData("of[illegible]")]
    [InlineData("[illegible]s")]
    public void Other_words_are_not_markers(string text)
    {
        Assert.False(IllegibleMarkerRule.TryCanonicalize(text, out var canonical));
        Assert.Equal(text, canonical);
    }

    [Fact]
    public void Marker_in_one_word_is_rewritten_and_keeps_box_and_confidence()
    {
        var line = LineOf("arrangements...", "[Illegible]", "hopes");

        var result = IllegibleMarkerRule.Canonicalize(line);

        Assert.Equal(["arrangements...", "[ILLEGIBLE]", "hopes"], Texts(result));
        Assert.Equal(line.Words[1].Box, result.Words[1].Box);
        Assert.Equal(line.Words[1].Confidence, result.Words[1].Confidence);
        Assert.Same(line.Words[0], result.Words[0]);
    }

    [Fact]
    public void Marker_split_over_two_words_becomes_one_word_with_the_union_box_and_lowest_confidence()
    {
        var line = LineOf("of", "[ILLEG", "IBLE]", "shells");

        var result = IllegibleMarkerRule.Canonicalize(line);

        Assert.Equal(["of", "[ILLEGIBLE]", "shells"], Texts(result));
        Assert.Equal(BoundingBox.Union([line.Words[1].Box, line.Words[2].Box]), result.Words[1].Box);
        Assert.Equal(70f, result.Words[1].Confidence);
    }

    [Fact]
    public void Marker_split_into_bracket_word_bracket_becomes_one_word()
    {
        var line = LineOf("[", "illegible", "].", "The");

        var result = IllegibleMarkerRule.Canonicalize(line);

        Assert.Equal(["[ILLEGIBLE].", "The"], Texts(result));
        Assert.Equal(BoundingBox.Union(line.Words.Take(3).Select(w => w.Box)), result.Words[0].Box);
    }

    [Fact]
    public void Neighbouring_words_are_not_pulled_into_the_marker()
    {
        var line = LineOf("arrangements", "--", "[illegible]", "(sic)");

        var result = IllegibleMarkerRule.Canonicalize(line);

        Assert.Equal(["arrangements", "--", "[ILLEGIBLE]", "(sic)"], Texts(result));
    }

    [Fact]
    public void Adjacent_markers_merge_into_one_unless_asked_not_to()
    {
        var line = LineOf("nations", "[ILLEGIBLE]", "[illegible]", "the");

        var merged = IllegibleMarkerRule.Canonicalize(line);
        var kept = IllegibleMarkerRule.Canonicalize(line, mergeAdjacent: false);

        Assert.Equal(["nations", "[ILLEGIBLE]", "the"], Texts(merged));
        Assert.Equal(BoundingBox.Union([line.Words[1].Box, line.Words[2].Box]), merged.Words[1].Box);
        Assert.Equal(["nations", "[ILLEGIBLE]", "[ILLEGIBLE]", "the"], Texts(kept));
    }

    [Fact]
    public void Markers_separated_by_punctuation_stay_apart()
    {
        var line = LineOf("[ILLEGIBLE],", "[ILLEGIBLE]");

        Assert.Equal(["[ILLEGIBLE],", "[ILLEGIBLE]"], Texts(IllegibleMarkerRule.Canonicalize(line)));
    }

    [Fact]
    public void Line_without_markers_is_returned_as_is()
    {
        var line = LineOf("Darien", "[Dalian],", "Stalin");

        Assert.Same(line, IllegibleMarkerRule.Canonicalize(line));
    }
}
