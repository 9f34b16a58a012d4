using IngestPipeline.Infrastructure.Search;

namespace IngestPipeline.Pipeline.Tests;

public class SearchTermsTests
{
    [Theory]
    [InlineData("molotov", "(\"molotov\")")]
    [InlineData("welcome  Soviet", "(\"welcome\" AND \"Soviet\")")]
    [InlineData("\"soviet ambassador\" port", "(\"soviet ambassador\" AND \"port\")")]
    [InlineData("daladier or molotov railway", "((\"daladier\" OR \"molotov\") AND \"railway\")")]
    [InlineData("soviet -railway -\"the port\"", "(\"soviet\") NOT (\"railway\" OR \"the port\")")]
    [InlineData("U.S.S.R. col:x NEAR(a", "(\"U S S R\" AND \"col x\" AND \"NEAR a\")")]
    [InlineData("\"unclosed phrase", "(\"unclosed phrase\")")]
    [InlineData("or molotov or", "(\"molotov\")")]
    public void A_query_becomes_quoted_fts5_terms_that_mean_what_websearch_means(string typed, string fts5)
    {
        Assert.Equal(fts5, SearchTerms.Parse(typed).ToFts5());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-molotov")]
    [InlineData("* ( ) \"\" -")]
    [InlineData("or")]
    public void A_query_with_nothing_to_find_is_empty(string typed)
    {
        Assert.True(SearchTerms.Parse(typed).IsEmpty);
    }
}
