namespace IngestPipeline.Corpus;

/// <summary>Where a line's words go: each word's text and the left edge of its first letter, in page pixels.</summary>
public sealed record PlacedLine(string Kind, int Baseline, IReadOnlyList<(string Text, float X)> Words);

/// <summary>
/// Lays a cable out as a typist or a printer would. Typed: a letter a cell (10 or 12 to the inch), two spaces after a
/// full stop, paragraphs indented or not, single, one-and-a-half or double spacing, a ragged right margin (each line
/// returned up to <see cref="PageStyle.Ragged"/> characters early, as typists did, so short lines are mostly as typed). Printed:
/// words set by their own widths, one space between them. Empty typed lines stand between letterhead, header,
/// paragraphs and closing; a letterhead is centred, a table's cells stand at tab stops.
/// </summary>
public static class PageLayout
{
    public const int Width = 2550, Height = 3300, Dpi = 300;

    /// <param name="measure">The advance of a piece of text in pixels (for printed pages; typed ones count cells).</param>
    /// <returns>The lines in typing order; a null stands for an empty typed line.</returns>
    public static List<PlacedLine?> Lay(CableText text, PageStyle style, Func<string, float> measure)
    {
        var lines = new List<PlacedLine?>();
        float left = style.LeftMargin, right = Width - style.RightMargin;
        int baseline = style.TopMargin;
        // Where the typist returned the carriage: up to Ragged characters before the margin, line by line.
        var bell = new Random(style.LayoutSeed);
        void Add(string kind, IReadOnlyList<(string Text, float X)> words)
        {
            lines.Add(new PlacedLine(kind, baseline, words));
            baseline += style.LineHeight;
        }
        void Empty()
        {
            lines.Add(null);
            baseline += style.LineHeight;
        }

        // Words filled line by line from the first line's start (then the others'), each line returned at the bell.
        void Flow(string[] words, float firstStart, float otherStart, string kind, List<(string Text, float X)> lead)
        {
            int next = 0;
            bool first = true;
            while (next < words.Length)
            {
                float start = first ? firstStart : otherStart;
                float limit = right - bell.Next(0, style.Ragged + 1) * style.Cell;
                int count = 1;
                while (next + count < words.Length && End(words[next..(next + count + 1)], start, style, measure) <= limit) count++;
                Add(kind, [.. (first ? lead : []), .. Set(words[next..(next + count)], start, style, measure)]);
                next += count;
                first = false;
            }
        }

        foreach (var line in text.Letterhead) Add("letterhead", Set(line.Split(' '), (Width - Advance(line, style, measure)) / 2, style, measure));
        if (text.Letterhead.Count > 0) Empty();
        foreach (var line in text.Header) Add("header", Set(line.Split(' '), left, style, measure));
        Empty();
        foreach (var paragraph in text.Paragraphs)
        {
            if (paragraph.Contains('\t'))
            {
                // A table: each cell at its tab stop, the columns dividing the width after the indent.
                foreach (var row in paragraph.Split('\n'))
                {
                    var cells = row.Split('\t');
                    float stop = (right - left - style.Indent) / cells.Length;
                    Add("table", [.. cells.SelectMany((cell, k) => Set(cell.Split(' '), left + style.Indent + k * stop, style, measure))]);
                }
                Empty();
                continue;
            }
            if (paragraph.Contains('\n'))
            {
                // A list: the label at the indent, the item's lines hanging under its text.
                float hang = left + style.Indent + 5 * Advance("x", style, measure);
                foreach (var item in paragraph.Split('\n'))
                {
                    var itemWords = item.Split(' ');
                    Flow(itemWords[1..], hang, hang, "list", [(itemWords[0], left + style.Indent)]);
                }
                Empty();
                continue;
            }
            Flow(paragraph.Split(' '), left + style.Indent, left, "body", []);
            Empty();
        }
        foreach (var line in text.Closing) Add("closing", Set(line.Split(' '), left + style.ClosingIndent, style, measure));
        return lines;
    }

    private static float End(string[] words, float start, PageStyle style, Func<string, float> measure)
    {
        var set = Set(words, start, style, measure);
        var last = set[^1];
        return last.X + Advance(last.Text, style, measure);
    }

    private static List<(string Text, float X)> Set(IReadOnlyList<string> words, float start, PageStyle style, Func<string, float> measure)
    {
        var placed = new List<(string Text, float X)>();
        float x = start;
        foreach (var word in words)
        {
            placed.Add((word, x));
            float space = style.Monospaced ? style.Cell * (word.EndsWith('.') && style.TwoSpacesAfterStop ? 2 : 1) : measure(" ");
            x += Advance(word, style, measure) + space;
        }
        return placed;
    }

    private static float Advance(string word, PageStyle style, Func<string, float> measure) =>
        style.Monospaced ? word.Length * style.Cell : measure(word);
}

/// <summary>
/// How one page is typed or printed (drawn from the seed; written into its ground truth). <see cref="Ragged"/>: how many
/// characters before the margin a typed line may end; <see cref="LayoutSeed"/> draws where each line does.
/// </summary>
public sealed record PageStyle(
    bool Monospaced, float Cell, float FontPixels, int LineHeight, int LeftMargin, int RightMargin, int TopMargin,
    float Indent, float ClosingIndent, bool TwoSpacesAfterStop, int InkMean, int InkSpread, int BaselineJitter, int Ragged = 0, int LayoutSeed = 0,
    string WeakKeys = "", double WeakStrike = 1)
{
    public static PageStyle Draw(Random random, Typeface typeface, float advancePerEm)
    {
        int pitch = random.Next(2) == 0 ? 10 : 12;
        float cell = (float)PageLayout.Dpi / pitch;
        float fontPixels = typeface.Monospaced ? cell / advancePerEm : (float)(random.Next(10, 13) * PageLayout.Dpi / 72.0);
        int lineHeight = typeface.Monospaced
            ? PageLayout.Dpi / 6 * random.Next(2, 5) / 2 // six lines to the inch, single, one-and-a-half or double
            : (int)Math.Round(fontPixels * (1.15 + random.NextDouble() * 0.25));
        return new PageStyle(
            typeface.Monospaced, cell, fontPixels, lineHeight,
            LeftMargin: random.Next(270, 390), RightMargin: random.Next(240, 330), TopMargin: random.Next(260, 380),
            Indent: typeface.Monospaced ? cell * (random.Next(2) == 0 ? 0 : 5) : (random.Next(2) == 0 ? 0 : fontPixels * 2),
            ClosingIndent: random.Next(2) == 0 ? 0 : PageLayout.Width / 2 - random.Next(200, 400),
            TwoSpacesAfterStop: typeface.Monospaced && random.Next(3) > 0,
            InkMean: random.Next(15, 70), InkSpread: random.Next(4, 20), BaselineJitter: typeface.Monospaced ? random.Next(0, 3) : 0,
            Ragged: typeface.Monospaced ? random.Next(0, 11) : 0, LayoutSeed: random.Next());
    }
}
