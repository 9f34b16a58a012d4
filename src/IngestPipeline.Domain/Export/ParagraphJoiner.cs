using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Export;

/// <summary>How plain text is laid out: one output line per typed line, or running paragraphs.</summary>
public enum TextLayout
{
    /// <summary>One output line per typed line (the corpus ground-truth convention; diffs line by line).</summary>
    Lines,

    /// <summary>The lines of a paragraph joined into one; header, address and signature lines kept as they are.</summary>
    Paragraphs,
}

/// <summary>
/// Decides which typed lines of a paragraph run on into the next. A typist ends a line early only to end a
/// paragraph or to set a line apart (a header field, an address, a signature), so a line runs on when it
/// reaches close to the page's right margin and the next line starts at the left margin (not indented).
/// </summary>
/// <remarks>
/// A line ending in a colon introduces what follows and never runs on. The lines of the page's header block
/// (see <see cref="PageLayout"/>) are kept line by line even where one of them (a right-aligned file number)
/// reaches the margin. A page that continues a body paragraph from the page before starts with full lines and
/// is joined as usual.
/// </remarks>
public static class ParagraphJoiner
{
    /// <summary>For each line of the layout, whether it runs on into the next line. The last line never does.</summary>
    public static bool[] RunsOn(PageLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var lines = layout.Lines;
        var runsOn = new bool[lines.Count];
        for (int i = layout.HeaderLength; i < lines.Count - 1; i++)
        {
            runsOn[i] = layout.ContinuesParagraph(i)
                && layout.IsFull(lines[i])
                && !layout.IsIndented(lines[i + 1])
                && !lines[i].Words[^1].Text.EndsWith(':');
        }
        return runsOn;
    }
}
