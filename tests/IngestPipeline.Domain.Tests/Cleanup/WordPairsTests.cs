using IngestPipeline.Domain.Cleanup;

namespace IngestPipeline.Domain.Tests.Cleanup;

public sealed class WordPairsTests
{
    /// <summary>"should" leads, and "proceed" and "proposed" follow, enough listed pairs for the list to know them.</summary>
    private static WordPairs Pairs(params string[] more) => new(
        Enumerable.Range(0, WordPairs.CommonFrom).SelectMany(i => new[] { $"should x{(char)('a' + i)} 100", $"x{(char)('a' + i)} proceed 100", $"x{(char)('a' + i)} proposed 100" })
            .Concat(["should proceed 12921216", "belgium and 900"]).Concat(more));

    [Fact]
    public void Words_that_stand_together_in_print_follow_one_another_whatever_their_case_and_punctuation()
    {
        var pairs = Pairs();
        Assert.Equal(true, pairs.Follows("should", "proceed"));
        Assert.Equal(true, pairs.Follows("Should", "proceed,"));
        Assert.Equal(false, pairs.Follows("should", "proposed"));
    }

    [Fact]
    public void A_word_too_rare_for_the_list_or_with_a_digit_is_not_judged()
    {
        var pairs = Pairs();
        Assert.Null(pairs.Follows("Belgium", "proceed")); // "belgium" leads one listed pair: the list knows too little of it
        Assert.Null(pairs.Follows("should", "Zanzibar"));
        Assert.Null(pairs.Follows("should", "1,200"));
        Assert.Null(pairs.Follows("should", "--"));
    }

    [Fact]
    public void Lines_that_are_not_pairs_are_skipped_and_a_pair_listed_twice_counts_once()
    {
        var pairs = Pairs("single", "", "should proceed 5");
        Assert.Equal(3 * WordPairs.CommonFrom + 2, pairs.Count);
    }
}
