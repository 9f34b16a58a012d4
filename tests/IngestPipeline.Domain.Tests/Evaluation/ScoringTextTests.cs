using IngestPipeline.Domain.Evaluation;

namespace IngestPipeline.Domain.Tests.Evaluation;

public class ScoringTextTests
{
    private const char M = ScoringText.MarkerChar;

    [Fact]
    public void Whitespace_runs_and_line_breaks_become_one_space_and_ends_are_trimmed()
    {
        Assert.Equal("a b c", ScoringText.Normalize("  a \t b\n\n c \r\n\f"));
        // Python's whitespace includes the information separators; .NET's does not.
        Assert.Equal("a b", ScoringText.Normalize("a\u001Fb"));
    }

    [Fact]
    public void Marker_in_any_case_and_with_inner_blanks_is_one_symbol()
    {
        Assert.Equal(['a', ' ', M, ' ', 'b'], ScoringText.Symbols(ScoringText.Normalize("a [IlLeGiBlE] b")));
        Assert.Equal($"a {M} b", ScoringText.Normalize("a [ ILLEGIBLE\n] b"));
    }

    [Fact]
    public void Marker_glued_to_punctuation_stays_in_its_whitespace_word()
    {
        var text = ScoringText.Normalize("so...[ILLEGIBLE]. end");

        Assert.Equal([$"so...{M}.", "end"], ScoringText.Words(text));
        Assert.Equal("so...[ILLEGIBLE]. end", ScoringText.Readable(text));
    }

    [Theory]
    [InlineData("[ILLEG IBLE]")]
    [InlineData("[ILLEGIBLE")]
    [InlineData("ILLEGIBLE")]
    [InlineData("[illegible text]")]
    public void Other_spellings_are_ordinary_text(string text)
    {
        Assert.DoesNotContain(M, ScoringText.Normalize(text));
    }

    [Fact]
    public void The_marker_symbol_in_the_input_is_dropped_so_it_cannot_pass_for_a_marker()
    {
        Assert.Equal("ab", ScoringText.Normalize($"a{M}b"));
    }

    [Theory]
    [InlineData("gentle-\nmen", "gentlemen")]
    [InlineData("gentle- \r\n  men", "gentlemen")]
    [InlineData("1914-\n17", "191417")]
    [InlineData("war -\nand", "war - and")]      // no letter before the hyphen
    [InlineData("gentle-\n\nmen", "gentle- men")] // a paragraph break is not a line-end break
    [InlineData("non-stop", "non-stop")]
    public void Line_end_hyphens_are_joined_only_when_asked(string text, string joined)
    {
        Assert.Equal(joined, ScoringText.Normalize(text, joinHyphens: true));
        Assert.Contains('-', ScoringText.Normalize(text));
    }

    [Fact]
    public void Characters_outside_the_basic_plane_are_one_symbol_each()
    {
        Assert.Equal(3, ScoringText.Symbols(ScoringText.Normalize("a\U0001D400b")).Length);
    }
}
