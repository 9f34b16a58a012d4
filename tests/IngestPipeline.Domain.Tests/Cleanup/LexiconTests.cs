using IngestPipeline.Domain.Cleanup;

namespace IngestPipeline.Domain.Tests.Cleanup;

public class LexiconTests
{
    private static readonly Lexicon Words = new(
    [
        "# comment line is skipped",
        "embassy",
        "Soviet",
        "chinese",
        "year  arrangements that",
        "U.S.",
        "",
        "  Molotov  ",
    ]);

    [Theory]
    [InlineData("embassy")]
    [InlineData("Embassy")]
    [InlineData("EMBASSY")]
    [InlineData("MOLOTOV")]
    [InlineData("molotov")]
    public void Lookup_ignores_case(string word) => Assert.True(Words.Contains(word));

    [Theory]
    [InlineData("Embassy's")]
    [InlineData("Embassy\u2019s")]
    [InlineData("embassies'")]
    public void Possessive_of_a_known_word_is_known(string word)
    {
        // "embassies'" is the plural possessive of a word that is not in the list.
        Assert.Equal(word != "embassies'", Words.Contains(word));
    }

    [Theory]
    [InlineData("(Embassy),", true)]
    [InlineData("\"Molotov\".", true)]
    [InlineData("'year'", true)]
    [InlineData("U.S.,", true)]
    [InlineData("U.S.", true)]
    [InlineData("...", false)]
    [InlineData("", false)]
    public void Leading_and_trailing_punctuation_is_ignored(string word, bool known) =>
        Assert.Equal(known, Words.Contains(word));

    [Theory]
    [InlineData("Soviet-Chinese", true)]
    [InlineData("Soviet-Chinese's", true)]
    [InlineData("45-year", true)]
    [InlineData("arrangements--that", true)]
    [InlineData("Soviet-Szepingkai", false)]
    [InlineData("Soviet-", true)]
    public void Hyphenated_compound_is_known_by_its_parts(string word, bool known) =>
        Assert.Equal(known, Words.Contains(word));

    [Fact]
    public void Unknown_words_comments_and_numbers_alone_are_not_known()
    {
        Assert.False(Words.Contains("Szepingkai"));
        Assert.False(Words.Contains("comment"));
        Assert.False(Words.Contains("#"));
        Assert.False(Words.Contains("1945"));
    }

    [Fact]
    public void Entries_are_split_on_white_space_and_counted_once()
    {
        Assert.True(Words.Contains("arrangements"));
        Assert.True(Words.Contains("that"));
        Assert.Equal(8, Words.Count);
        Assert.Equal(1, new Lexicon(["word", "Word", "WORD"]).Count);
    }

    [Fact]
    public void Common_word_needs_a_lowercase_entry()
    {
        Assert.True(Words.IsCommonWord("Chinese"));
        Assert.True(Words.IsCommonWord("EMBASSY'S"));
        Assert.False(Words.IsCommonWord("Molotov"));
        Assert.False(Words.IsCommonWord("soviet"));
    }

    [Fact]
    public void Exact_case_lookup_distinguishes_capitalisation()
    {
        Assert.True(Words.ContainsExactCase("Soviet"));
        Assert.True(Words.ContainsExactCase("Soviet's,"));
        Assert.False(Words.ContainsExactCase("soviet"));
        Assert.False(Words.ContainsExactCase("Chinese"));
    }

    [Fact]
    public void Words_added_as_a_layer_are_known_with_the_base_ones_and_the_base_stays_as_it_was()
    {
        var general = new Lexicon(["the", "Embassy"]);

        var collection = general.With(["Chungking", "Kuomintang's"]);

        Assert.True(collection.Contains("(Chungking),"));
        Assert.True(collection.ContainsExactCase("Chungking"));
        Assert.False(collection.IsCommonWord("Chungking"));
        Assert.True(collection.Contains("Embassy") && collection.IsCommonWord("The"));
        Assert.True(collection.Contains("Chungking-Embassy"));
        Assert.False(general.Contains("Chungking"));
        Assert.Same(general, general.With([]));
    }
}
