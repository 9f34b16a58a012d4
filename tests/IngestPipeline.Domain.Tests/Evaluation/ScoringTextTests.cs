using IngestPipeline.Domain.Evaluation;

namespace IngestPipeline.Domain.Tests.Evaluation;

public class ScoringTextTests
{
    [Fact]
    public void Whitespace_runs_and_line_breaks_become_one_space_and_ends_are_trimmed()
    {
        Assert.Equal("a b c", ScoringText.Normalize("  a \t b\n\n c \r\n"));
    }

    [Fact]
    public void Marker_in_any_case_is_one_symbol()
    {
        var symbols = ScoringText.Symbols("a [IlLeGiBlE] b");

        Assert.Equal(['a', ' ', ScoringText.MarkerSymbol, ' ', 'b'], symbols);
    }

    [Fact]
    public void Marker_glued_to_punctuation_is_split_off_as_its_own_word()
    {
        var words = ScoringText.Words("so...[ILLEGIBLE]. end");

        Assert.Equal(["so...", "[ILLEGIBLE]", ".", "end"], words.Select(w => w.Text));
        Assert.Equal([false, true, false, false], words.Select(w => w.IsMarker));
        // No space is invented between glued pieces.
        Assert.Equal(['s', 'o', '.', '.', '.', ScoringText.MarkerSymbol, '.', ' ', 'e', 'n', 'd'],
            ScoringText.Symbols("so...[ILLEGIBLE]. end"));
    }

    [Theory]
    [InlineData("[ILLEG IBLE]")]
    [InlineData("[ILLEGIBLE")]
    [InlineData("ILLEGIBLE")]
    [InlineData("[illegible text]")]
    public void Only_the_exact_marker_spelling_counts(string text)
    {
        Assert.DoesNotContain(ScoringText.Words(text), w => w.IsMarker);
        Assert.DoesNotContain(ScoringText.MarkerSymbol, ScoringText.Symbols(text));
    }

    [Fact]
    public void Characters_outside_the_basic_plane_are_one_symbol_each()
    {
        Assert.Equal(3, ScoringText.Symbols("a\U0001D400b").Length);
    }
}
