using System.Text;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Export;

/// <summary>
/// Plain text in reading order (the order of <see cref="Page.Blocks"/> and their lines): one output line per text
/// line (or per paragraph with <see cref="TextLayout.Paragraphs"/>, see <see cref="ParagraphJoiner"/>), words joined by one space; an empty line between paragraphs; a form feed between pages; '\n' line ends
/// on every platform, and the text ends with a newline (a transcript without pages gives the empty string).
/// </summary>
/// <remarks>
/// A paragraph break is a vertical step from one line to the next that is clearly larger than the page's usual
/// line pitch: more than <see cref="ParagraphGapFactor"/> times the median pitch of the page. Pitch is measured
/// between estimated baselines (the median bottom of a line's words), so ascenders, descenders and all-caps lines
/// do not make it jitter. Because the threshold is relative to the page's own median, a double-spaced page has
/// no breaks where every gap is equally large. A line that goes back up the page (the next column), or a block
/// that stands beside the previous one, also starts a paragraph. Lines without words are left out.
/// </remarks>
public static class PlainTextExporter
{
    /// <summary>
    /// How much larger than the median pitch a step must be to count as a paragraph break. Single spacing with a
    /// blank line gives 2.0; double spacing with one extra line feed gives 1.5; normal lines stay near 1.0.
    /// </summary>
    public const double ParagraphGapFactor = 1.4;

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
        var lines = new List<(Block Block, Line Line, int Baseline)>();
        foreach (var block in page.Blocks)
        {
            foreach (var line in block.Lines)
            {
                if (line.Words.Count > 0)
                {
                    lines.Add((block, line, Baseline(line)));
                }
            }
        }

        var pitches = new List<int>();
        for (int i = 1; i < lines.Count; i++)
        {
            int pitch = lines[i].Baseline - lines[i - 1].Baseline;
            if (pitch > 0)
            {
                pitches.Add(pitch);
            }
        }
        double medianPitch = Median(pitches);

        var breakBefore = new bool[lines.Count];
        for (int i = 1; i < lines.Count; i++)
        {
            breakBefore[i] = IsParagraphBreak(lines[i - 1], lines[i], medianPitch);
        }
        var runsOn = layout == TextLayout.Paragraphs
            ? ParagraphJoiner.RunsOn(lines.Select(l => l.Line).ToList(), breakBefore)
            : new bool[lines.Count];

        for (int i = 0; i < lines.Count; i++)
        {
            if (breakBefore[i])
            {
                text.Append('\n');
            }
            AppendWords(lines[i].Line, text);
            text.Append(runsOn[i] ? ' ' : '\n');
        }
    }

    private static bool IsParagraphBreak(
        (Block Block, Line Line, int Baseline) previous, (Block Block, Line Line, int Baseline) next, double medianPitch)
    {
        int pitch = next.Baseline - previous.Baseline;
        if (pitch < 0)
        {
            return true; // back up the page: the next column
        }
        if (!ReferenceEquals(previous.Block, next.Block))
        {
            var a = previous.Block.Box;
            var b = next.Block.Box;
            if (a.VerticalOverlap(b) * 2 > Math.Min(a.Height, b.Height))
            {
                return true; // side by side, not one below the other
            }
        }
        return medianPitch > 0 && pitch > ParagraphGapFactor * medianPitch;
    }

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

    /// <summary>The line's baseline estimated as the median of its words' bottoms (with an even count the higher of the two middle ones, as descenders only push bottoms down).</summary>
    private static int Baseline(Line line)
    {
        var bottoms = line.Words.Select(w => w.Box.Bottom).Order().ToList();
        return bottoms[(bottoms.Count - 1) / 2];
    }

    private static double Median(List<int> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }
        values.Sort();
        int mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
    }
}
