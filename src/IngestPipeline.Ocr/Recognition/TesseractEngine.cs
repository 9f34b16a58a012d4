using IngestPipeline.Domain.Transcripts;
using IngestPipeline.Ocr.Imaging;
using IngestPipeline.Ocr.Native;
using static IngestPipeline.Ocr.Native.Tesseract;

namespace IngestPipeline.Ocr.Recognition;

/// <summary>
/// One Tesseract engine. Not thread-safe: use one per thread (the <see cref="EnginePool"/> hands them out).
/// Initialisation costs ~80 ms, so engines are kept and reused for many pages.
/// </summary>
public sealed class TesseractEngine : IDisposable
{
    private readonly OcrOptions _options;
    private readonly TessApiHandle _api;
    private TessApiHandle? _osd;

    public TesseractEngine(OcrOptions options)
    {
        _options = options;
        _api = Create(options.TessdataPath, options.Language, engineMode: 1); // 1 = LSTM only
        SetVariable(_api, "debug_file", "/dev/null"); // keeps "Estimating resolution" chatter off stderr
        foreach (var (name, value) in options.EngineVariables) SetVariable(_api, name, value);
        TessBaseAPISetPageSegMode(_api, options.PageSegmentationMode);
    }

    /// <summary>
    /// The deadline of the page being read, which every call shares until it is cleared; without one, each call may take
    /// the whole <see cref="OcrOptions.PageDeadline"/>.
    /// </summary>
    public PageDeadline? Deadline { get; set; }

    /// <summary>Recognises the image (or one region of it) and returns its blocks, lines and words in page pixels.</summary>
    public IReadOnlyList<Block> Recognize(PageImage image, int dpi, BoundingBox? region = null, int? pageSegmentationMode = null)
    {
        var deadline = Deadline ?? new PageDeadline(_options.PageDeadline);
        deadline.ThrowIfPassed();
        TessBaseAPISetImage2(_api, image.Handle);
        TessBaseAPISetSourceResolution(_api, dpi);
        if (region is { } r) TessBaseAPISetRectangle(_api, r.Left, r.Top, r.Width, r.Height);
        TessBaseAPISetPageSegMode(_api, pageSegmentationMode ?? _options.PageSegmentationMode);
        try
        {
            using var monitor = TessMonitorCreate();
            TessMonitorSetDeadlineMSecs(monitor, (int)Math.Clamp(deadline.Remaining.TotalMilliseconds, 1, int.MaxValue));
            int status = TessBaseAPIRecognize(_api, monitor);
            deadline.ThrowIfPassed();
            if (status != 0) throw new InvalidOperationException("Tesseract could not recognise the page");
            return ReadBlocks();
        }
        finally
        {
            TessBaseAPIClear(_api);
        }
    }

    /// <summary>
    /// How far the page is turned, in clockwise degrees (0, 90, 180, 270), and Tesseract's confidence.
    /// The image should be binarisable text at 100-300 dpi; a half-size page is enough and four times faster.
    /// </summary>
    public (int Degrees, float Confidence) DetectOrientation(PageImage image, int dpi)
    {
        Deadline?.ThrowIfPassed();
        _osd ??= Create(_options.TessdataPath, "osd", engineMode: 0); // OSD runs on the legacy engine
        TessBaseAPISetPageSegMode(_osd, 0); // OSD only
        TessBaseAPISetImage2(_osd, image.Handle);
        TessBaseAPISetSourceResolution(_osd, dpi);
        try
        {
            // Tesseract reports the rotation that makes the page upright, counter-clockwise.
            bool found = TessBaseAPIDetectOrientationScript(_osd, out int degrees, out float confidence, out _, out _) != 0;
            return found ? (degrees, confidence) : (0, 0);
        }
        finally
        {
            TessBaseAPIClear(_osd);
        }
    }

    private List<Block> ReadBlocks()
    {
        var blocks = new List<Block>();
        using var iterator = TessBaseAPIGetIterator(_api);
        if (iterator.IsInvalid) return blocks; // nothing recognised on the page
        var page = TessResultIteratorGetPageIterator(iterator);
        List<Line>? lines = null;
        List<Word>? words = null;
        BoundingBox blockBox = default, lineBox = default;
        do
        {
            if (TessPageIteratorIsAtBeginningOf(page, Level.Block) != 0)
            {
                Flush();
                lines = [];
                blockBox = Box(page, Level.Block);
            }
            if (TessPageIteratorIsAtBeginningOf(page, Level.TextLine) != 0)
            {
                FlushLine();
                words = [];
                lineBox = Box(page, Level.TextLine);
            }
            var text = TakeText(TessResultIteratorGetUTF8Text(iterator, Level.Word)).Trim();
            if (text.Length == 0) continue;
            words ??= [];
            words.Add(new Word(text, Box(page, Level.Word), TessResultIteratorConfidence(iterator, Level.Word)));
        }
        while (TessResultIteratorNext(iterator, Level.Word) != 0);
        Flush();
        return blocks;

        void FlushLine()
        {
            if (words is { Count: > 0 }) (lines ??= []).Add(new Line(lineBox, words));
            words = null;
        }
        void Flush()
        {
            FlushLine();
            if (lines is { Count: > 0 }) blocks.Add(new Block(blockBox, lines));
            lines = null;
        }
    }

    private static BoundingBox Box(IntPtr pageIterator, Level level) =>
        TessPageIteratorBoundingBox(pageIterator, level, out int l, out int t, out int r, out int b) != 0
            ? new BoundingBox(l, t, r, b)
            : default;

    private static TessApiHandle Create(string? dataPath, string language, int engineMode)
    {
        var api = TessBaseAPICreate();
        if (api.IsInvalid) throw new InvalidOperationException("Tesseract could not create an engine");
        if (TessBaseAPIInit2(api, dataPath, language, engineMode) != 0)
        {
            api.Dispose();
            throw new InvalidOperationException(
                $"Tesseract could not load the language '{language}' from {dataPath ?? "its default tessdata folder"}; " +
                "install tesseract-ocr-eng and tesseract-ocr-osd (infra/install-deps.sh)");
        }
        return api;
    }

    private static void SetVariable(TessApiHandle api, string name, string value)
    {
        if (TessBaseAPISetVariable(api, name, value) == 0)
            throw new InvalidOperationException($"Tesseract does not know the variable '{name}'");
    }

    public void Dispose()
    {
        _api.Dispose();
        _osd?.Dispose();
    }
}
