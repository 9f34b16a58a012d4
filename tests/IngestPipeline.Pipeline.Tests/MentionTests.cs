using IngestPipeline.Pipeline.Review;

namespace IngestPipeline.Pipeline.Tests;

public class MentionTests
{
    private static readonly string[] Users = ["rev1", "rev2", "ada.l", "admin"];

    [Theory]
    [InlineData("@rev2 please look", new[] { "rev2" })]
    [InlineData("ask @REV1 and @rev2, then @rev1 again.", new[] { "rev1", "rev2" })]
    [InlineData("write to ada@rev2.org", new string[0])]
    [InlineData("@ada.l.", new[] { "ada.l" })]
    [InlineData("@nobody knows; @", new string[0])]
    [InlineData("(@admin)", new[] { "admin" })]
    public void Only_users_that_exist_are_mentioned_each_once_spelled_as_their_account(string text, string[] mentioned)
    {
        Assert.Equal(mentioned, CommentBook.MentionedIn(text, Users));
    }
}
