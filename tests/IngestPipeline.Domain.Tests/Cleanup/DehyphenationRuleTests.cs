using IngestPipeline.Domain.Cleanup;
using static IngestPipeline.Domain.Tests.Cleanup.CleanupSamples;

namespace IngestPipeline.Domain.Tests.Cleanup;

public class DehyphenationRuleTests
{
    [Theory]
    [InlineData("Chek-", "iang", "Chekiang")] // joined word in the lexicon
    [InlineData("Chek-", "iang,", "Chekiang,")]
    [InlineData("(Chek-", "iang)", "(Chekiang)")]
    [InlineData("Szeping-", "kai.", "Szepingkai.")] // neither form known: joined
    [InlineData("self-", "government", "self-government")] // both parts known, joined form not: a compound
    [InlineData("Soviet-", "Chinese", "Soviet-Chinese")] // capitalised continuation keeps its hyphen
    [InlineData("SE-", "CRET", "SECRET")] // all capitals: decided by the lexicon
    public void Broken_words_are_put_back_together(string end, string start, string expected) =>
        Assert.Equal(expected, DehyphenationRule.TryJoin(end, start, Words));

    [Theory]
    [InlineData("Zuk-", "ker", "Zucker")] // "ck" typed "k-k" at a break
    [InlineData("Schiff-", "fahrt", "Schiffahrt")] // a triple consonant before a vowel, old spelling
    [InlineData("Druk-", "kerei", "Druckerei")]
    [InlineData("book-", "keeper", "bookkeeper")] // the plain joining first
    [InlineData("Stük-", "ke", "Stükke")] // no variant known: the plain joining
    public void Older_german_breaks_are_undone_as_typed_when_the_lexicon_knows_the_word(string end, string start, string expected) =>
        Assert.Equal(expected, DehyphenationRule.TryJoin(end, start, new Lexicon(["Zucker", "Schiffahrt", "Druckerei", "bookkeeper", "book", "keeper"])));

    [Theory]
    [InlineData("arrangements--", "that")] // a dash
    [InlineData("-", "that")]
    [InlineData("1945-", "and")]
    [InlineData("said,-", "and")]
    [InlineData("Chek-", "[ILLEGIBLE]")]
    [InlineData("Chek-", "\"iang\"")]
    [InlineData("Chek-", "1945")]
    [InlineData("Chekiang", "iang")]
    public void Other_line_ends_are_not_joined(string end, string start) =>
        Assert.Null(DehyphenationRule.TryJoin(end, start, Words));

    [Fact]
    public void Joined_word_goes_on_the_first_line_with_its_box_and_the_lower_confidence()
    {
        var lines = new[] { LineAt(100, "province", "of", "Chek-"), LineAt(150, "iang", "the") };

        var result = DehyphenationRule.Join(lines, Words);

        Assert.Equal(2, result.Count);
        Assert.Equal(["province", "of", "Chekiang"], Texts(result[0]));
        Assert.Equal(["the"], Texts(result[1]));
        Assert.Equal(lines[0].Words[2].Box, result[0].Words[2].Box);
        Assert.Equal(80f, result[1].Words[0].Confidence);
        Assert.Equal(Math.Min(lines[0].Words[2].Confidence, lines[1].Words[0].Confidence), result[0].Words[2].Confidence);
        Assert.Equal(lines[1].Words[1].Box, result[1].Words[0].Box);
    }

    [Fact]
    public void Compound_is_rebuilt_with_its_hyphen()
    {
        var lines = new[] { LineAt(100, "a", "joint", "Soviet-"), LineAt(150, "Chinese", "board") };

        var result = DehyphenationRule.Join(lines, Words);

        Assert.Equal(["a", "joint", "Soviet-Chinese"], Texts(result[0]));
        Assert.Equal(["board"], Texts(result[1]));
    }

    [Fact]
    public void Line_emptied_by_the_join_is_dropped_and_a_chain_continues()
    {
        var lines = new[] { LineAt(100, "the", "Sze-"), LineAt(150, "ping-"), LineAt(200, "kai", "line") };

        var result = DehyphenationRule.Join(lines, Words);

        Assert.Equal(2, result.Count);
        Assert.Equal(["the", "Szepingkai"], Texts(result[0]));
        Assert.Equal(["line"], Texts(result[1]));
    }

    [Fact]
    public void Lines_without_broken_words_are_returned_as_they_are()
    {
        var lines = new[] { LineAt(100, "Stalin", "agreed", "--"), LineAt(150, "Soviet", "board"), LineAt(200, "to", "the") };

        var result = DehyphenationRule.Join(lines, Words);

        Assert.Equal(3, result.Count);
        for (int i = 0; i < lines.Length; i++)
        {
            Assert.Same(lines[i], result[i]);
        }
    }
}
