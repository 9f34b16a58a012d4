using SkiaSharp;

namespace IngestPipeline.Corpus;

/// <summary>
/// Puts a typed page on paper and damages it as <see cref="Damage"/> says, keeping every word legible and every word box
/// on its word: the boxes turn with the page and shrink with its resolution.
/// </summary>
internal static class PageDamage
{
    /// <summary>Scanner background where a punch hole is: the dark lid seen through the paper.</summary>
    private const byte HoleShade = 45;

    /// <summary>A destroyed run of words and the box of its damage, in the damaged page's pixels.</summary>
    public sealed record Span(PlannedSpan Plan, RenderedWord DamageBox);

    public static (SKBitmap Page, List<RenderedWord> Words, List<Span> Spans) Apply(SKBitmap typing, List<RenderedWord> words, Damage damage, Random random)
    {
        int width = typing.Width, height = typing.Height;
        var ink = typing.GetPixelSpan().ToArray();
        var letters = (byte[])ink.Clone(); // where the letters are, before any damage
        if (damage.Fade > 0) Fade(ink, width, damage.Fade, random);
        if (damage.Wear > 0) Wear(ink, width, words, damage.Wear, random);
        if (damage.CarbonBlur > 0) ink = Blurred(ink, width, height, damage.CarbonBlur);

        var page = Paper(width, height, damage, random);
        if (damage.BleedThrough > 0)
            for (int y = 0; y < height; y++)
                for (int x = 0; x < width; x++)
                    page[y * width + x] = (byte)(page[y * width + x] * (1 - damage.BleedThrough * (255 - ink[y * width + width - 1 - x]) / 255.0));
        var paper = (byte[])page.Clone();
        for (int i = 0; i < page.Length; i++) page[i] = (byte)(page[i] * ink[i] / 255);
        var planned = damage.UnreadableSpans ? UnreadableSpans.Destroy(page, paper, letters, width, words, random) : [];
        // A damage box travels with the page as a word box does.
        var damageBoxes = planned.Select(s => new RenderedWord("", s.Line, s.DamageBox[0], s.DamageBox[1], s.DamageBox[2], s.DamageBox[3])).ToList();
        if (damage.FoldY is { } fold) Fold(page, width, fold);
        if (damage.Contrast > 0) Levels(page, damage.Contrast);

        var bitmap = Bitmap(page, width, height);
        if (damage.Holes > 0) Punch(bitmap, damage.Holes);
        int count = words.Count;
        var boxes = words.Concat(damageBoxes).ToList();
        if (damage.SkewDegrees != 0) (bitmap, boxes) = Turned(bitmap, boxes, damage.SkewDegrees, (byte)damage.PaperTone);
        if (damage.Dpi != PageLayout.Dpi) (bitmap, boxes) = Scaled(bitmap, boxes, damage.Dpi / (double)PageLayout.Dpi);
        if (damage.JpegQuality > 0) bitmap = ThroughJpeg(bitmap, damage.JpegQuality);
        return (bitmap, boxes[..count], [.. planned.Select((s, i) => new Span(s, boxes[count + i]))]);
    }

    /// <summary>A ribbon that gives less ink in slow waves along the lines and down the page.</summary>
    private static void Fade(byte[] ink, int width, double depth, Random random)
    {
        double phaseX = random.NextDouble() * Math.Tau, phaseY = random.NextDouble() * Math.Tau;
        for (int i = 0; i < ink.Length; i++)
        {
            if (ink[i] == 255) continue;
            int x = i % width, y = i / width;
            double lighter = depth * (0.5 + 0.25 * Math.Sin(x / 300.0 + phaseX) + 0.25 * Math.Sin(y / 700.0 + phaseY));
            ink[i] = (byte)(255 - (255 - ink[i]) * (1 - lighter));
        }
    }

    /// <summary>Worn type: a share of each letter's ink knocked out, pixel by pixel, within the words.</summary>
    private static void Wear(byte[] ink, int width, List<RenderedWord> words, double share, Random random)
    {
        foreach (var word in words)
            for (int y = word.Y0; y < word.Y1; y++)
                for (int x = word.X0; x < word.X1; x++)
                {
                    int i = y * width + x;
                    if (ink[i] < 200 && random.NextDouble() < share) ink[i] = (byte)(255 - (255 - ink[i]) / 4);
                }
    }

    /// <summary>Paper: its tone, foxing spots and grain.</summary>
    private static byte[] Paper(int width, int height, Damage damage, Random random)
    {
        using var paper = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(paper))
        {
            canvas.Clear(new SKColor((byte)damage.PaperTone, (byte)damage.PaperTone, (byte)damage.PaperTone));
            using var spot = new SKPaint { IsAntialias = true };
            for (int f = 0; f < damage.Foxing; f++)
            {
                float radius = 4 + (float)random.NextDouble() * 18;
                var centre = new SKPoint(random.Next(width), random.Next(height));
                byte shade = (byte)(damage.PaperTone - random.Next(12, 40));
                spot.Shader = SKShader.CreateRadialGradient(centre, radius,
                    [new SKColor(shade, shade, shade), new SKColor((byte)damage.PaperTone, (byte)damage.PaperTone, (byte)damage.PaperTone)], SKShaderTileMode.Clamp);
                canvas.DrawCircle(centre, radius, spot);
            }
        }
        var pixels = paper.GetPixelSpan().ToArray();
        // Grain: the sum of two random bytes is a triangular spread around zero, near enough a Gaussian, and cheap.
        var noise = new byte[pixels.Length * 2];
        random.NextBytes(noise);
        double scale = damage.PaperNoise / 128.0;
        for (int i = 0; i < pixels.Length; i++)
            pixels[i] = (byte)Math.Clamp(pixels[i] + (noise[2 * i] + noise[2 * i + 1] - 255) * scale, 0, 255);
        return pixels;
    }

    private static byte[] Blurred(byte[] ink, int width, int height, double sigma)
    {
        using var source = Bitmap(ink, width, height);
        using var blurred = new SKBitmap(source.Info);
        using (var canvas = new SKCanvas(blurred))
        using (var paint = new SKPaint { ImageFilter = SKImageFilter.CreateBlur((float)sigma, (float)sigma) })
        using (var image = SKImage.FromBitmap(source))
        {
            canvas.Clear(SKColors.White);
            canvas.DrawImage(image, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), paint);
        }
        return blurred.GetPixelSpan().ToArray();
    }

    /// <summary>A crease across the page: a darker band with a light edge, as a folded sheet scans.</summary>
    private static void Fold(byte[] page, int width, int foldY)
    {
        for (int dy = -6; dy <= 6; dy++)
        {
            int y = foldY + dy;
            double factor = dy == -6 ? 1.06 : 1 - 0.12 * (1 - Math.Abs(dy) / 7.0);
            for (int x = 0; x < width; x++) page[y * width + x] = (byte)Math.Clamp(page[y * width + x] * factor, 0, 255);
        }
    }

    /// <summary>Photocopy contrast: the black point raised and the white point lowered.</summary>
    private static void Levels(byte[] page, double strength)
    {
        double black = strength * 110, white = 255 - strength * 50;
        for (int i = 0; i < page.Length; i++) page[i] = (byte)Math.Clamp((page[i] - black) * 255 / (white - black), 0, 255);
    }

    /// <summary>Two or three holes in the left margin, well clear of the typing (the margin is at least 270 px).</summary>
    private static void Punch(SKBitmap bitmap, int holes)
    {
        using var canvas = new SKCanvas(bitmap);
        using var paint = new SKPaint { IsAntialias = true, Color = new SKColor(HoleShade, HoleShade, HoleShade) };
        for (int h = 0; h < holes; h++) canvas.DrawCircle(120, bitmap.Height * (h + 1f) / (holes + 1), 38, paint);
    }

    /// <summary>The page turned by the skew (degrees, counter-clockwise as a reader sees it), its boxes with it.</summary>
    private static (SKBitmap, List<RenderedWord>) Turned(SKBitmap page, List<RenderedWord> words, double degrees, byte paperTone)
    {
        int width = page.Width, height = page.Height;
        var source = page.GetPixelSpan().ToArray();
        page.Dispose();
        var turned = new byte[source.Length];
        // Turning counter-clockwise by θ on a page whose y axis points down takes (x, y) to
        // (cx + dx·cos θ + dy·sin θ, cy − dx·sin θ + dy·cos θ). Each pixel of the turned page samples the page where the
        // opposite turn puts it (bilinear), stepping along a row.
        double angle = degrees * Math.PI / 180, cos = Math.Cos(angle), sin = Math.Sin(angle);
        double cx = width / 2.0, cy = height / 2.0;
        for (int y = 0; y < height; y++)
        {
            double dy = y - cy;
            double sx = cx - cx * cos - dy * sin, sy = cy - cx * sin + dy * cos; // the source of this row's first pixel
            int row = y * width;
            for (int x = 0; x < width; x++, sx += cos, sy += sin)
            {
                int x0 = (int)Math.Floor(sx), y0 = (int)Math.Floor(sy);
                if (x0 < 0 || y0 < 0 || x0 >= width - 1 || y0 >= height - 1)
                {
                    turned[row + x] = paperTone;
                    continue;
                }
                double fx = sx - x0, fy = sy - y0;
                int i = y0 * width + x0;
                double top = source[i] + (source[i + 1] - source[i]) * fx;
                double bottom = source[i + width] + (source[i + width + 1] - source[i + width]) * fx;
                turned[row + x] = (byte)(top + (bottom - top) * fy + 0.5);
            }
        }
        // Skia's rotation by −θ is the same counter-clockwise turn, for the boxes.
        var turn = SKMatrix.CreateRotationDegrees((float)-degrees, (float)cx, (float)cy);
        return (Bitmap(turned, width, height), [.. words.Select(w => Mapped(w, turn, width, height))]);
    }

    private static RenderedWord Mapped(RenderedWord word, SKMatrix transform, int width, int height)
    {
        var corners = transform.MapPoints([new(word.X0, word.Y0), new(word.X1, word.Y0), new(word.X0, word.Y1), new(word.X1, word.Y1)]);
        return word with
        {
            X0 = Math.Max(0, (int)Math.Floor(corners.Min(c => c.X))), Y0 = Math.Max(0, (int)Math.Floor(corners.Min(c => c.Y))),
            X1 = Math.Min(width, (int)Math.Ceiling(corners.Max(c => c.X))), Y1 = Math.Min(height, (int)Math.Ceiling(corners.Max(c => c.Y))),
        };
    }

    /// <summary>The page at a lower resolution, as a 100-200 dpi scan gives it (each pixel the mean of what it covers), its boxes scaled to match.</summary>
    private static (SKBitmap, List<RenderedWord>) Scaled(SKBitmap page, List<RenderedWord> words, double factor)
    {
        int width = page.Width, height = page.Height;
        var source = page.GetPixelSpan().ToArray();
        page.Dispose();
        int newWidth = (int)Math.Round(width * factor), newHeight = (int)Math.Round(height * factor);
        var scaled = new byte[newWidth * newHeight];
        var columns = new (int From, int To)[newWidth];
        for (int x = 0; x < newWidth; x++) columns[x] = ((int)(x / factor), Math.Max((int)(x / factor) + 1, Math.Min(width, (int)((x + 1) / factor))));
        for (int y = 0; y < newHeight; y++)
        {
            int fromY = (int)(y / factor), toY = Math.Max(fromY + 1, Math.Min(height, (int)((y + 1) / factor)));
            for (int x = 0; x < newWidth; x++)
            {
                var (fromX, toX) = columns[x];
                int sum = 0;
                for (int sy = fromY; sy < toY; sy++)
                    for (int sx = fromX; sx < toX; sx++) sum += source[sy * width + sx];
                scaled[y * newWidth + x] = (byte)(sum / ((toY - fromY) * (toX - fromX)));
            }
        }
        var scale = SKMatrix.CreateScale(newWidth / (float)width, newHeight / (float)height);
        return (Bitmap(scaled, newWidth, newHeight), [.. words.Select(w => Mapped(w, scale, newWidth, newHeight))]);
    }

    private static SKBitmap ThroughJpeg(SKBitmap page, int quality)
    {
        using var data = page.Encode(SKEncodedImageFormat.Jpeg, quality);
        page.Dispose();
        using var decoded = SKBitmap.Decode(data);
        return decoded.Copy(SKColorType.Gray8) ?? throw new InvalidOperationException("Skia could not read back the JPEG it wrote.");
    }

    internal static SKBitmap Bitmap(byte[] pixels, int width, int height)
    {
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        pixels.CopyTo(bitmap.GetPixelSpan());
        return bitmap;
    }
}
