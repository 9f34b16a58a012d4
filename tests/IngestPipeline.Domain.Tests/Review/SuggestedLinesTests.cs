using IngestPipeline.Domain.Review;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Tests.Review;

public class SuggestedLinesTests
{
    private static List<ReviewLine> Page(int page, params string[] lines) =>
        lines.Select((text, i) => new ReviewLine(page, i, text, new BoundingBox(0, i * 40, 800, i * 40 + 30), [])).ToList();

    [Fact]
    public void With_as_many_lines_each_line_that_reads_differently_pairs_with_its_new_reading()
    {
        var mine = Page(1, "TELEGRAM RECEIVED", "The reviewer's own line", "GAUSS");
        var theirs = Page(1, "TELEGRAM RECEIVED", "FROM: Chungking", "GAUSS");

        Assert.Equal(new Dictionary<(int, int), string> { [(1, 1)] = "FROM: Chungking" }, SuggestedLines.Pair(mine, theirs));
    }

    [Fact]
    public void Where_the_readings_cut_lines_differently_only_runs_of_as_many_lines_pair()
    {
        var mine = Page(1, "one", "two", "three", "four", "five", "six");
        // "two" read differently; "four" split into two lines: that run does not pair; "six" read differently.
        var theirs = Page(1, "one", "tvvo", "three", "fo", "ur", "five", "s1x");

        var pairs = SuggestedLines.Pair(mine, theirs);

        Assert.Equal(new Dictionary<(int, int), string> { [(1, 1)] = "tvvo", [(1, 5)] = "s1x" }, pairs);
    }

    [Fact]
    public void Pages_pair_with_their_own_page_and_a_page_the_suggestion_lacks_has_nothing()
    {
        var mine = Page(1, "a", "b").Concat(Page(2, "c", "d")).ToList();
        var theirs = Page(2, "c", "D");

        Assert.Equal(new Dictionary<(int, int), string> { [(2, 1)] = "D" }, SuggestedLines.Pair(mine, theirs));
    }
}
