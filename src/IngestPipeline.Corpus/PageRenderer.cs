using SkiaSharp;

namespace IngestPipeline.Corpus;

/// <summary>A word on the rendered page: its text and the box of its ink, [x0, y0, x1, y1) in page pixels.</summary>
public sealed record RenderedWord(string Text, int Line, int X0, int Y0, int X1, int Y1);

/// <summary>
/// Draws laid-out lines on a white 300-dpi page in gray (8 bits): each letter with its own ink density and, when typed,
/// its own small rise or drop; a word's box is the union of its letters' outlines where they were drawn, so the ground
/// truth says exactly where the ink is.
/// </summary>
public sealed class PageRenderer : IDisposable
{
    private readonly SKTypeface _typeface;
    private readonly SKFont _font;

    public PageRenderer(Typeface typeface, float fontPixels)
    {
        _typeface = SKTypeface.FromFile(typeface.File) ?? throw new InvalidOperationException($"The font file {typeface.File} cannot be read.");
        _font = new SKFont(_typeface, fontPixels) { Edging = SKFontEdging.Antialias, Subpixel = true, Hinting = SKFontHinting.None };
    }

    /// <summary>The advance of one em's worth of the font's letter "M" at 1 px: what sets the size for a given pitch.</summary>
    public static float AdvancePerEm(Typeface typeface)
    {
        using var face = SKTypeface.FromFile(typeface.File) ?? throw new InvalidOperationException($"The font file {typeface.File} cannot be read.");
        using var font = new SKFont(face, 100);
        return font.MeasureText("M") / 100;
    }

    public float Measure(string text) => _font.MeasureText(text);

    /// <summary>Draws the lines and returns the page's pixels (8-bit gray, row by row) and the words with their boxes.</summary>
    public (SKBitmap Page, List<RenderedWord> Words) Render(IReadOnlyList<PlacedLine?> lines, PageStyle style, Random random)
    {
        var bitmap = new SKBitmap(new SKImageInfo(PageLayout.Width, PageLayout.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var paint = new SKPaint { IsAntialias = true };
        var words = new List<RenderedWord>();
        int lineIndex = 0;
        foreach (var line in lines)
        {
            if (line is null) continue;
            foreach (var (text, x) in line.Words)
            {
                var box = SKRect.Empty;
                float pen = x;
                foreach (var letter in text.EnumerateRunes())
                {
                    var glyph = letter.ToString();
                    float advance = style.Monospaced ? style.Cell : _font.MeasureText(glyph);
                    // A typed letter sits in the middle of its cell; a printed one where its advance puts it.
                    float left = style.Monospaced ? pen + (style.Cell - _font.MeasureText(glyph)) / 2 : pen;
                    float baseline = line.Baseline + (style.BaselineJitter == 0 ? 0 : random.Next(-style.BaselineJitter, style.BaselineJitter + 1));
                    byte ink = (byte)Math.Clamp(style.InkMean + (int)Math.Round(Gaussian(random) * style.InkSpread), 0, 200);
                    // A weak key: its letter, either case, struck light.
                    if (style.WeakKeys.Contains(glyph, StringComparison.OrdinalIgnoreCase)) ink = (byte)(255 - (255 - ink) * style.WeakStrike);
                    paint.Color = new SKColor(ink, ink, ink);
                    canvas.DrawText(glyph, left, baseline, SKTextAlign.Left, _font, paint);
                    _font.MeasureText(glyph, out var bounds);
                    if (!bounds.IsEmpty) box = box.IsEmpty ? Offset(bounds, left, baseline) : SKRect.Union(box, Offset(bounds, left, baseline));
                    pen += advance;
                }
                if (!box.IsEmpty)
                    words.Add(new RenderedWord(text, lineIndex, (int)Math.Floor(box.Left), (int)Math.Floor(box.Top), (int)Math.Ceiling(box.Right), (int)Math.Ceiling(box.Bottom)));
            }
            lineIndex++;
        }
        return (bitmap, words);
    }

    private static SKRect Offset(SKRect rect, float x, float y) => new(rect.Left + x, rect.Top + y, rect.Right + x, rect.Bottom + y);

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    public void Dispose()
    {
        _font.Dispose();
        _typeface.Dispose();
    }
}
