using IngestPipeline.Ocr.Paddle;

namespace IngestPipeline.Ocr.Tests;

public sealed class LatinPunctuationTests
{
    [Theory]
    [InlineData("。", ".")]
    [InlineData("，", ",")]
    [InlineData("、", ",")]
    [InlineData("：", ":")]
    [InlineData("（", "(")]
    [InlineData("Ｇ", "G")]
    [InlineData("”", "\"")]
    [InlineData("’", "'")]
    [InlineData("a", "a")]
    public void Chinese_and_fullwidth_marks_become_the_typewriters(string read, string typed) =>
        Assert.Equal(typed, LatinPunctuation.Fold(read));
}
