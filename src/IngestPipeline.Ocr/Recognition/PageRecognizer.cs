using IngestPipeline.Domain.Readings;
using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Imaging;
using IngestPipeline.Ocr.Paddle;

namespace IngestPipeline.Ocr.Recognition;

/// <summary>
/// Takes one decoded page from scan to words: grayscale, deskewed, specks removed, recognised (by Tesseract, and where
/// both recognisers read, by PP-OCR too, combined word by word);
/// turned upright first when the page reads badly and Tesseract's OSD finds it sideways or upside down.
/// The returned page's boxes refer to <see cref="RecognizedPage.Image"/>.
/// </summary>
public static class PageRecognizer
{
    public static RecognizedPage Recognize(TesseractEngine engine, OcrOptions options, PageImage scan, int pageNumber) =>
        Recognize(engine, null, options, scan, pageNumber);

    /// <summary>The page read by Tesseract and, where <paramref name="engines"/> has one, PP-OCR too, combined word by word.</summary>
    public static RecognizedPage Recognize(Recognizers engines, OcrOptions options, PageImage scan, int pageNumber) =>
        Recognize(engines.Tesseract, engines.Paddle, options, scan, pageNumber);

    private static RecognizedPage Recognize(TesseractEngine engine, PaddleRecognizer? paddle, OcrOptions options, PageImage scan, int pageNumber)
    {
        engine.Deadline = new PageDeadline(options.PageDeadline);
        try
        {
            return RecognizeBefore(engine.Deadline, engine, paddle, options, scan, pageNumber);
        }
        finally
        {
            engine.Deadline = null;
        }
    }

    private static RecognizedPage RecognizeBefore(PageDeadline deadline, TesseractEngine engine, PaddleRecognizer? paddle, OcrOptions options, PageImage scan, int pageNumber)
    {
        int dpi = scan.StoredDpi > 0 ? scan.StoredDpi : ScanLimits.Default.DefaultDpi;
        using var gray = FitToEngine(scan.ToGray(), options, ref dpi, out var enlargement, out int glyphHeight);
        // One threshold serves deskew, speck removal and the ink measures: rotations move pixels without changing them.
        int ink = gray.InkThreshold();
        var page = Read(engine, options, gray, ink, dpi, glyphHeight, pageNumber, rotation: 0, enlargement);
        if (options.DetectOrientation && LooksMisoriented(page.Page, options) && DetectRotation(engine, options, gray, dpi) is var rotation and not 0)
        {
            using var turned = gray.RotateClockwise(rotation / 90);
            var rotated = Read(engine, options, turned, ink, dpi, glyphHeight, pageNumber, rotation, enlargement);
            // OSD can be fooled by damaged pages: keep the reading with confident, horizontal words.
            var (keep, drop) = Quality(rotated.Page) > Quality(page.Page) ? (rotated, page) : (page, rotated);
            drop.Dispose();
            page = keep;
        }
        try
        {
            // The second recogniser reads only the orientation kept.
            if (paddle is not null) page = WithSecondReading(page, paddle, options, deadline);
            return Measured(engine, options, page, ink);
        }
        catch
        {
            page.Dispose();
            throw;
        }
    }

    /// <summary>The evidence the illegibility decision weighs: dark regions, each word's ink, doubtful words and gaps read again.</summary>
    private static RecognizedPage Measured(TesseractEngine engine, OcrOptions options, RecognizedPage recognized, int ink)
    {
        // The ink as scanned (a blot is dark); the second readings of what the engines read.
        var page = recognized.Page;
        var meter = InkMeter.For(recognized.Image, ink);
        if (meter is not null) page = meter.Measure(page);
        // A stain holds no ink at the level the typing is measured at: on a gray sheet whose blots or pictures drew the
        // page's threshold below even the typing, the meter's own, between the paper and the typing.
        page = page with { DarkRegions = [.. page.DarkRegions, .. StainFinder.Find(recognized.Image, meter?.InkThreshold ?? ink, page.Dpi)] };
        if (options.Reread) page = WordRereader.Reread(engine, recognized.EngineImage, page);
        if (options.RereadGaps) page = page with { TextGaps = GapRereader.Reread(engine, recognized.EngineImage, page, meter, options.AllStretches) };
        return recognized with { Page = page };
    }

    /// <summary>
    /// The page's lines read again by PP-OCR (only the doubtful ones when so set) and combined word by word with
    /// Tesseract's (<see cref="ReadingMerger"/>).
    /// </summary>
    private static RecognizedPage WithSecondReading(RecognizedPage recognized, PaddleRecognizer paddle, OcrOptions options, PageDeadline deadline)
    {
        var page = recognized.Page;
        var merger = new ReadingMerger(options.Lexicon, paddle.CanWrite);
        if (options.SecondReading == SecondReading.DoubtfulStretches) return WithStretchesReadAgain(recognized, paddle, merger, deadline);
        var lines = page.Lines.ToList();
        if (options.SecondReading == SecondReading.DoubtfulLines) lines = lines.Where(merger.IsDoubtful).ToList();
        var read = ReadAgain(recognized.EngineImage, paddle, lines, deadline);
        return recognized with
        {
            Page = page with
            {
                Blocks = merger.Merge(page.Blocks, line => read.GetValueOrDefault(line)),
                Processing = page.Processing with { Steps = [.. page.Processing.Steps, SecondReadingStep(paddle, $"{read.Count} lines")] },
            },
        };
    }

    /// <summary>Only the stretches of each line around its doubtful words read again (<see cref="ReadingMerger.Stretches"/>), each line joined again after.</summary>
    private static RecognizedPage WithStretchesReadAgain(RecognizedPage recognized, PaddleRecognizer paddle, ReadingMerger merger, PageDeadline deadline)
    {
        var page = recognized.Page;
        // Each line's stretches, in the page's order of lines (block by block).
        var cut = page.Blocks.SelectMany(b => b.Lines).Select(merger.Stretches).ToList();
        var all = cut.SelectMany(s => s).ToList();
        if (all.Count == 0) return recognized;
        var read = ReadAgain(recognized.EngineImage, paddle, all.Where(merger.IsDoubtful).ToList(), deadline);
        var merged = merger.MergeStretches(all, line => read.GetValueOrDefault(line));
        var blocks = new List<Block>();
        int lineIndex = 0, stretchIndex = 0;
        foreach (var block in page.Blocks)
        {
            var lines = new List<Line>();
            foreach (var line in block.Lines)
            {
                var words = new List<Word>();
                for (int end = stretchIndex + cut[lineIndex++].Count; stretchIndex < end; stretchIndex++) words.AddRange(merged[stretchIndex].Words);
                if (words.Count > 0) lines.Add(line with { Words = words });
            }
            if (lines.Count > 0) blocks.Add(block with { Lines = lines });
        }
        var what = $"{read.Count} stretches of {cut.Count(s => s.Any(read.ContainsKey))} lines, {read.Keys.Sum(l => l.Words.Count)} of {all.Sum(l => l.Words.Count)} words";
        return recognized with { Page = page with { Blocks = blocks, Processing = page.Processing with { Steps = [.. page.Processing.Steps, SecondReadingStep(paddle, what)] } } };
    }

    private static Dictionary<Line, IReadOnlyList<ReadCharacter>> ReadAgain(PageImage image, PaddleRecognizer paddle, List<Line> lines, PageDeadline deadline)
    {
        var read = new Dictionary<Line, IReadOnlyList<ReadCharacter>>(ReferenceEqualityComparer.Instance);
        foreach (var line in lines)
        {
            deadline.ThrowIfPassed(); // line by line: PP-OCR's reading of a page can take seconds
            read[line] = paddle.ReadLine(image, line);
        }
        return read;
    }

    private static string SecondReadingStep(PaddleRecognizer paddle, string what) =>
        $"read by Tesseract and PP-OCR ({what}), combined word by word ({string.Join(", ", paddle.Models.Describe())})";

    /// <summary>
    /// The page at a size the engine reads well, and its true resolution. Both come from the height of the typed
    /// characters (<see cref="GlyphSize"/>), because a file's stated resolution is often wrong: a stated resolution
    /// that makes the glyphs implausibly large is replaced by the one they show (speck removal, dark-region sizes and
    /// the engine's own heuristics depend on it). Software labels a scan too low (72 or 96 dpi), scanners label it
    /// as scanned; glyphs of a readable size that look small for the stated resolution are small type, or the
    /// measure was taken in by specks and bleed-through (two French pages stated 400 and 600 dpi read at 0.26 and
    /// 0.13 CER when lowered to what the glyphs showed, 0.16 and 0.12 as stated), so a stated resolution is lowered
    /// only where the glyphs are too small to read as they are (a downscaled scan that kept its label). Characters under <see cref="OcrOptions.MinGlyphHeight"/>
    /// (a 72-110 dpi scan) are enlarged to <see cref="OcrOptions.TargetGlyphHeight"/>: Tesseract's recogniser reads
    /// glyphs of 20 px or more best, and interpolation recovers much of what it loses on small ones
    /// (docs/preprocessing.md).
    /// </summary>
    private static PageImage FitToEngine(PageImage gray, OcrOptions options, ref int dpi, out string? step, out int glyphHeight)
    {
        step = null;
        glyphHeight = 0;
        if (options.MinGlyphHeight <= 0) return gray;
        int height = GlyphSize.MedianHeight(gray, gray.InkThreshold());
        glyphHeight = height;
        if (height == 0) return gray;
        step = $"characters {height} px high";
        int shown = (int)Math.Round(300.0 * height / GlyphHeightAt300Dpi);
        // Lowered only for type too small to read as it is, which is enlarged from the resolution it shows.
        if (dpi * ImplausibleResolutionRatio < shown || (dpi > shown * ImplausibleResolutionRatio && height < options.MinGlyphHeight))
        {
            step += $", resolution {shown} dpi (stated {dpi})";
            dpi = shown;
        }
        if (height >= options.MinGlyphHeight) return gray;
        // Never past the pixel budget a decoded page is held to: a poster of tiny print is read as it is.
        float budget = MathF.Sqrt(ScanLimits.Default.MaxPixelsPerPage / ((float)gray.Width * gray.Height));
        float factor = Math.Min(Math.Min(MaxEnlargement, budget), options.TargetGlyphHeight / (float)height);
        if (factor < 1.1f) return gray;
        using (gray)
        {
            dpi = (int)Math.Round(dpi * factor);
            glyphHeight = (int)Math.Round(height * factor);
            step += $", enlarged {factor:0.##}x";
            return gray.Scale(factor);
        }
    }

    private const float MaxEnlargement = 4;

    /// <summary>Median glyph height of typewritten pages scanned at 300 dpi (20-29 px over the dev corpus's typefaces).</summary>
    private const double GlyphHeightAt300Dpi = 23;

    /// <summary>
    /// A stated resolution is kept unless the glyphs show one more than this factor away: typefaces alone vary the
    /// glyph height by a quarter either way, a wrong label (72 or 96 for a 200-300 dpi scan) by far more.
    /// </summary>
    private const double ImplausibleResolutionRatio = 1.6;

    /// <summary>Tesseract's reading of the page (deskewed and with its specks treated as the page prefers), not yet measured.</summary>
    private static RecognizedPage Read(TesseractEngine engine, OcrOptions options, PageImage gray, int ink, int dpi, int glyphHeight, int pageNumber, int rotation, string? enlargement)
    {
        var steps = new List<string> { "grayscale" };
        if (enlargement is not null) steps.Add(enlargement);
        if (rotation != 0) steps.Add($"rotated {rotation}");
        float skew = 0;
        var image = gray.Share();
        try
        {
            if (options.Deskew)
            {
                Replace(ref image, image.Deskew(ink, options.MinDeskewAngle, out float measured, out float confidence, out bool rotated));
                skew = rotated ? measured : 0;
                steps.Add($"{(rotated ? "deskewed" : "not deskewed")} {measured:0.##} (confidence {confidence:0.#})");
            }
            // Tesseract's layout analysis takes a large dark region (a blot, a tear's backing) for a picture and drops
            // the text lines beside it with it, and a recogniser reads a blot's edge as letters: the engines read the
            // page with those regions painted over in the paper's gray (white would move the threshold the engine
            // binarises a gray sheet at). They stay on the page, and in the image the ink is measured on and a
            // reviewer sees, as evidence of what is lost under and beside them.
            var dark = DarkRegionFinder.Find(image, ink, dpi);
            double glyph = glyphHeight > 0 ? glyphHeight : GlyphHeightAt300Dpi * dpi / 300.0;
            var paintedOver = options.PaintOverDarkRegions ? dark.Where(d => PaintedOver(d, glyph)).ToList() : [];
            var solid = paintedOver.SelectMany(d => d.Rows).ToList();
            int paper = solid.Count == 0 ? 0 : image.Level(0.5f);
            if (paintedOver.Count > 0) steps.Add($"{paintedOver.Count} dark regions painted over for the engines");
            PageImage EngineView(PageImage shown) => solid.Count == 0 ? shown.Share() : shown.WithPainted(solid, DarkRegionMargin, DarkRegionMargin / 2, paper);
            IReadOnlyList<Block> Recognize(PageImage read)
            {
                using var view = EngineView(read);
                return ReadingOrder.Arrange(engine.Recognize(view, dpi));
            }
            var blocks = ReadWithoutSpecks(Recognize, options, ref image, ink, glyphHeight, dpi, steps);
            var page = new Page(pageNumber, image.Width, image.Height, dpi, blocks, new PageProcessing(rotation, skew, steps)) { DarkRegions = dark };
            return new RecognizedPage(page, image, EngineView(image));
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Whitens the specks and reads the page. Specks scale with the type, not the stated resolution: on small type a
    /// fixed size takes the dots of i and the accents. Where the page is doubtful, many specks beside its letters (at
    /// least <see cref="DoubtfulSpecksPerCharacter"/> per character read: full stops, commas and the dots of i on a
    /// clean scan, dirt on the lines of a foxed one), it is read as scanned too, and the reading the page prefers is
    /// kept (<see cref="ReadingScore"/>). <paramref name="image"/> becomes the image the returned blocks were read from.
    /// </summary>
    private static IReadOnlyList<Block> ReadWithoutSpecks(Func<PageImage, IReadOnlyList<Block>> recognize, OcrOptions options, ref PageImage image, int ink, int glyphHeight, int dpi, List<string> steps)
    {
        double glyph = glyphHeight > 0 ? glyphHeight : GlyphHeightAt300Dpi * dpi / 300.0;
        int speckSize = (int)Math.Round(options.SpeckSizeAt300Dpi * glyph / GlyphHeightAt300Dpi);
        if (speckSize <= 0 || options.Specks == SpeckTreatment.Keep)
        {
            if (speckSize > 0) steps.Add("specks kept");
            return recognize(image);
        }
        int reach = (int)Math.Round(options.SpeckReach * glyph);
        var removed = $"specks up to {speckSize} px removed{(reach > 0 ? " off the text lines" : "")}";
        if (options.Specks == SpeckTreatment.Remove)
        {
            Replace(ref image, image.RemoveSpecks(ink, speckSize, reach));
            steps.Add(removed);
            return recognize(image);
        }
        var (all, beside) = image.CountSpecks(ink, speckSize, (int)Math.Round(glyph));
        removed += $" ({all} specks, {beside} beside letters)";
        using var asScanned = image.Share();
        Replace(ref image, image.RemoveSpecks(ink, speckSize, reach));
        var cleaned = recognize(image);
        int characters = cleaned.SelectMany(b => b.Lines).SelectMany(l => l.Words).Sum(w => w.Text.Length);
        if (beside < DoubtfulSpecksPerCharacter * characters)
        {
            steps.Add(removed);
            return cleaned;
        }
        var speckled = recognize(asScanned);
        var (without, with) = (ReadingScore.Of(cleaned, options.Lexicon), ReadingScore.Of(speckled, options.Lexicon));
        if (!with.IsBetterThan(without))
        {
            steps.Add($"{removed}; read both ways, without them {without}, with them {with}");
            return cleaned;
        }
        Replace(ref image, asScanned.Share());
        steps.Add($"specks up to {speckSize} px kept ({all} specks, {beside} beside letters); read both ways, with them {with}, without them {without}");
        return speckled;
    }

    /// <summary>
    /// Specks beside letters per character read from which removing them is doubtful. Below it they are mostly the
    /// dots of i, full stops and commas, and dirt on a fairly clean page: removal read such pages as well as keeping
    /// the specks or better on three sets of four, and reading them twice moved a set's errors by a few characters
    /// either way (docs/preprocessing.md). Above it the lines carry foxing or dirt, where either way may win and
    /// reading the page twice pays.
    /// </summary>
    private const double DoubtfulSpecksPerCharacter = 0.15;

    /// <summary>
    /// Pixels painted beyond a dark region's rows: the region is traced at a quarter of the resolution, so its edge
    /// can lie a shrunk pixel inside the ink, and a rim left standing beside a word reads as a letter. Above and below
    /// only half that: the lines beside are closer there.
    /// </summary>
    private const int DarkRegionMargin = 4;

    /// <summary>
    /// Whether the engines read a dark region painted over: only a solid one taller than a line of type. Heavy type blurred
    /// into blobs and letters smeared by water are dark regions too: up to 2.2 glyph heights tall and as solid as 0.99
    /// within a line, or two smeared lines together no more solid than 0.91. Tears, blots and holes over words are
    /// taller and solid from 0.93 on (docs/preprocessing.md).
    /// </summary>
    private static bool PaintedOver(DarkRegion region, double glyphHeight) =>
        region.Solidity >= MinSolidityToPaint && region.Box.Height >= MinGlyphHeightsToPaint * glyphHeight;

    private const double MinSolidityToPaint = 0.92, MinGlyphHeightsToPaint = 2.4;

    /// <summary>
    /// Whether the first reading suggests a page that is not upright, so OSD is worth its cost: upside-down
    /// text reads as low-confidence garbage, and layout analysis reads sideways text as vertical lines,
    /// whose words are taller than wide. Upright pages, nearly all of them, skip OSD entirely.
    /// </summary>
    private static bool LooksMisoriented(Page page, OcrOptions options) =>
        HorizontalShare(page) < 0.5 || page.MeanConfidence < options.OrientationCheckBelowConfidence;

    /// <summary>Share of the words of three letters or more that are wider than tall (1 for an upright page).</summary>
    private static double HorizontalShare(Page page)
    {
        var words = page.Words.Where(w => w.Text.Length >= 3).ToList();
        return words.Count == 0 ? 0 : words.Count(w => w.Box.Width >= w.Box.Height) / (double)words.Count;
    }

    private static double Quality(Page page) => page.MeanConfidence * HorizontalShare(page);

    /// <summary>Clockwise degrees that turn the page upright.</summary>
    private static int DetectRotation(TesseractEngine engine, OcrOptions options, PageImage gray, int dpi)
    {
        // OSD needs only the shapes of characters: half resolution is plenty above 200 dpi.
        bool half = dpi >= 200;
        using var small = half ? gray.Scale(0.5f) : null;
        var (degrees, confidence) = engine.DetectOrientation(small ?? gray, half ? dpi / 2 : dpi);
        if (confidence < options.MinOrientationConfidence) return 0;
        return (360 - degrees) % 360;
    }

    private static void Replace(ref PageImage image, PageImage next)
    {
        image.Dispose();
        image = next;
    }
}

/// <summary>
/// A recognised page, the processed image its boxes refer to, and the same image as the engines read it (solid dark
/// regions painted over); the caller disposes it, and both images with it.
/// </summary>
public sealed record RecognizedPage(Page Page, PageImage Image, PageImage EngineImage) : IDisposable
{
    public void Dispose()
    {
        Image.Dispose();
        EngineImage.Dispose();
    }
}
