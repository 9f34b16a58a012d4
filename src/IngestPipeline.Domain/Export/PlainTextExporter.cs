using System.Text;
using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Export;

/// <summary>
/// Plain text in reading order (the order of <see cref="Page.Blocks"/> and their lines): one output line per text
/// line (or per paragraph with <see cref="TextLayout.Paragraphs"/>, see <see cref="ParagraphJoiner"/>), words joined by one space; an empty line between paragraphs; a form feed between pages; '\n' line ends
/// on every platform, and the text ends with a newline (a transcript without pages gives the empty string).
/// </summary>
/// <remarks>Paragraph breaks are those of <see cref="PageLayout"/>; lines without words are left out.</remarks>
public static class PlainTextExporter
{
    public static string Write(Transcript transcript, TextLayout layout = TextLayout.Lines)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var text = new StringBuilder();
        for (int p = 0; p < transcript.Pages.Count; p++)
        {
            if (p > 0)
            {
                text.Append('\f');
            }
            AppendPage(transcript.Pages[p], layout, text);
        }
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
        return text.ToString();
    }

    private static void AppendPage(Page page, TextLayout layout, StringBuilder text)
    {
        var pageLayout = PageLayout.Of(page);
        var lines = pageLayout.Lines;
        var runsOn = layout == TextLayout.Paragraphs ? ParagraphJoiner.RunsOn(pageLayout) : new bool[lines.Count];
        for (int i = 0; i < lines.Count; i++)
        {
            if (pageLayout.BreakBefore[i])
            {
                text.Append('\n');
            }
            AppendWords(lines[i], text);
            text.Append(runsOn[i] && !EndsInBrokenWord(lines[i]) ? ' ' : '\n');
        }
    }

    /// <summary>
    /// A line ending in a word broken with a hyphen (left so by raw output, or by a cleanup that could not tell a broken
    /// word from a compound) keeps its line end: "discrimina- tions" is neither as typed nor rejoined.
    /// </summary>
    private static bool EndsInBrokenWord(Line line) => line.Words.Count > 0 && WordParts.EndsInBreak(line.Words[^1].Text);

    private static void AppendWords(Line line, StringBuilder text)
    {
        for (int w = 0; w < line.Words.Count; w++)
        {
            if (w > 0)
            {
                text.Append(' ');
            }
            // Control characters (a form feed or newline inside a word) would break the line and page structure.
            foreach (char c in line.Words[w].Text)
            {
                text.Append(char.IsControl(c) ? ' ' : c);
            }
        }
    }
}
