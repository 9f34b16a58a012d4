using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Publishing;

/// <summary>
/// Lays the recognised words over the scan as text that is never painted (render mode 3), so the page looks
/// exactly like the scan while search, selection and copy see the words where they stand on the image.
/// </summary>
internal static class InvisibleTextLayer
{
    /// <summary>The resource name of Courier in the page's font dictionary.</summary>
    public const string FontResource = "F1";

    // Every Courier glyph advances 600/1000 em, so a string's width is its length times this times the font size;
    // that is what lets each word be stretched to its box exactly.
    private const double CourierAdvance = 0.6;

    // Courier's descender is 157/1000 em; lifting the baseline by that much keeps descenders inside the line box.
    private const double CourierDescent = 0.157;

    // A space squeezed to nothing still separates words for extraction tools; this keeps its width positive
    // when two word boxes touch or overlap.
    private const double MinimumSpaceWidth = 0.01;

    /// <param name="scale">Points per pixel (72 / dpi).</param>
    /// <param name="pageHeight">Page height in points, to turn top-down pixel rows into bottom-up PDF y.</param>
    public static void Write(PdfContentBuilder content, IEnumerable<Line> lines, double scale, double pageHeight)
    {
        var begun = false;
        foreach (var line in lines)
        {
            var words = line.Words
                .Where(w => !w.Box.IsEmpty && !string.IsNullOrWhiteSpace(w.Text))
                .Select(w => (w.Box, Text: WinAnsiEncoding.Encode(w.Text.Trim())))
                .ToList();
            if (words.Count == 0) continue;

            // A line without a box of its own (or a degenerate one) still has the extent of its words.
            var lineBox = line.Box.IsEmpty ? BoundingBox.Union(words.Select(w => w.Box)) : line.Box;
            // One font size and baseline per line, so extraction tools see its words as one line of text.
            var fontSize = lineBox.Height * scale;
            var baseline = pageHeight - lineBox.Bottom * scale + fontSize * CourierDescent;

            if (!begun)
            {
                content.Operator("BT").Number(3).Operator("Tr");
                begun = true;
            }
            content.Name(FontResource).Number(fontSize).Operator("Tf");

            for (var i = 0; i < words.Count; i++)
            {
                var (box, text) = words[i];
                var left = box.Left * scale;
                var right = box.Right * scale;
                content.Number(HorizontalScaling(right - left, text.Length, fontSize)).Operator("Tz");
                // An absolute text matrix per word: no drift from rounding, and words may come in any order.
                content.Number(1).Number(0).Number(0).Number(1).Number(left).Number(baseline).Operator("Tm");
                content.Literal(text).Operator("Tj");

                if (i + 1 < words.Count)
                {
                    // A real space character, stretched over the gap to the next word, is what makes extraction
                    // yield separate words instead of guessing from the distance between glyphs.
                    var gap = Math.Max(words[i + 1].Box.Left * scale - right, MinimumSpaceWidth);
                    content.Number(HorizontalScaling(gap, 1, fontSize)).Operator("Tz");
                    content.Literal(" "u8).Operator("Tj");
                }
            }
        }
        if (begun) content.Operator("ET");
    }

    /// <summary>The Tz percentage at which <paramref name="characters"/> Courier glyphs span <paramref name="width"/> points.</summary>
    private static double HorizontalScaling(double width, int characters, double fontSize) =>
        100 * width / (characters * CourierAdvance * fontSize);
}
