namespace IngestPipeline.Ocr.Recognition;

using Lexicon = IngestPipeline.Domain.Cleanup.Lexicon;

/// <summary>How pages are recognised. Defaults are the ones measured best on the dev corpus (docs/preprocessing.md).</summary>
public sealed record OcrOptions
{
    /// <summary>Folder holding the traineddata files; null lets Tesseract use TESSDATA_PREFIX or its built-in path.</summary>
    public string? TessdataPath { get; init; }

    /// <summary>Tesseract language list, e.g. <c>eng</c>, <c>fra</c> or <c>eng+fra</c> (see <c>OcrLanguages</c>).</summary>
    public string Language { get; init; } = "eng";

    /// <summary>Tesseract variables set on every engine (as `tesseract -c NAME=VALUE` would).</summary>
    public IReadOnlyDictionary<string, string> EngineVariables { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Tesseract page segmentation mode. 3 (automatic layout analysis) reads typewritten pages best once
    /// specks are gone; 6 (one uniform block) reads noise in the margins as text.
    /// </summary>
    public int PageSegmentationMode { get; init; } = 3;

    /// <summary>
    /// Which recognisers read each page: Tesseract alone, or (the default) Tesseract and PP-OCR combined word by word,
    /// which halves the errors on real pages for twice the time (docs/recognition.md).
    /// </summary>
    public RecognizerChoice Recognizers { get; init; } = RecognizerChoice.Both;

    /// <summary>Where both recognisers read, what PP-OCR reads: every line, the lines Tesseract is doubtful of, or (the default) the stretches around its doubtful words.</summary>
    public SecondReading SecondReading { get; init; } = SecondReading.DoubtfulStretches;

    /// <summary>Folder of PP-OCR's model files; null means the one beside the program (<c>PaddleModels.DefaultFolder</c>).</summary>
    public string? ModelsPath { get; init; }

    /// <summary>Number of engines, i.e. pages recognised at once. One per core: each engine runs single-threaded.</summary>
    public int Engines { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Most pixels recognised at once across the engines; a page larger than this is recognised alone. A page's
    /// memory grows with its pixels (a 34-megapixel page peaks near 450 MB, an A4 page at 300 dpi, 8.7 megapixels,
    /// near 250 MB with the process), so the default lets two ordinary pages or one large one run at once.
    /// </summary>
    public long MaxPixelsAtOnce { get; init; } = 24_000_000;

    /// <summary>Longest one page may take in recognition before it fails with a clear error.</summary>
    public TimeSpan PageDeadline { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Detect pages scanned sideways or upside down and turn them upright.</summary>
    public bool DetectOrientation { get; init; } = true;

    /// <summary>
    /// Orientation detection runs only on pages whose first reading looks wrong: mean word confidence
    /// below this (upside-down text reads as garbage), or mostly vertical words (sideways text).
    /// </summary>
    public float OrientationCheckBelowConfidence { get; init; } = 60f;

    /// <summary>Orientation is corrected only when Tesseract's OSD is at least this confident.</summary>
    public float MinOrientationConfidence { get; init; } = 2.0f;

    public bool Deskew { get; init; } = true;

    /// <summary>
    /// Recognise the page with its solid dark regions (blots, the backing showing through a tear) painted white, so the
    /// layout analysis does not drop the lines beside them (docs/illegibility.md). The regions stay evidence of loss.
    /// </summary>
    public bool PaintOverDarkRegions { get; init; } = true;

    /// <summary>
    /// Skew under this many degrees is left to the engine's own line finding, which follows a slight slope well: a
    /// rotation resamples every stroke, and on crowded or wavy lines a small measured angle can be an artefact that
    /// rotates the page into unreadable lines (docs/preprocessing.md has the per-page figures).
    /// </summary>
    public float MinDeskewAngle { get; init; } = 1.0f;

    /// <summary>
    /// Pages whose typed characters are less than this many pixels high (the median of the ink's glyphs, see
    /// <c>GlyphSize</c>) are enlarged before recognition to <see cref="TargetGlyphHeight"/>; 0 never enlarges.
    /// </summary>
    public int MinGlyphHeight { get; init; } = 14;

    public int TargetGlyphHeight { get; init; } = 22;

    /// <summary>
    /// Read again, contrast stretched, the stretches of lines where the layout says words are missing (see
    /// <c>TextGapFinder</c>): faint text comes back, faded-out text is marked illegible by the cleaner.
    /// </summary>
    public bool RereadGaps { get; init; } = true;

    /// <summary>
    /// Also propose, read again and measure the stretches only a learned [ILLEGIBLE] decision weighs (whole lines
    /// missing), and read again every stretch of blank paper where a line starts late or stops short or header fields
    /// stand apart (by default only their ink is measured): evidence for training a model on them. Off by default: the
    /// hand rules need neither, and they cost 14 % of a page's time.
    /// </summary>
    public bool AllStretches { get; init; }

    /// <summary>
    /// Read again, each alone and contrast stretched, the words that could become [ILLEGIBLE] (see <c>WordRereader</c>):
    /// two readings that agree keep a worn word as text, and only an agreed reading is kept as a marker's guess.
    /// </summary>
    public bool Reread { get; init; } = true;

    /// <summary>
    /// Whiten specks up to this many pixels either way (at 300 dpi; scaled with the page's resolution)
    /// before recognition; 0 keeps them. Dust and scanner noise otherwise become "words" and make
    /// layout analysis drop whole paragraphs. 5 px (0.4 mm) is below a typewriter's full stop.
    /// </summary>
    public int SpeckSizeAt300Dpi { get; init; } = 5;

    /// <summary>
    /// A speck this many glyph heights across (and half that up or down) from a letter is kept: on a text line it is
    /// as likely a full stop, a comma or the dot of an i as dirt, and on a clean 300-dpi scan those are no larger than
    /// a speck. 0 removes every speck wherever it lies.
    /// </summary>
    public double SpeckReach { get; init; }

    /// <summary>Whether specks are removed, kept, or (the default) left for the page to decide: see <see cref="SpeckTreatment"/>.</summary>
    public SpeckTreatment Specks { get; init; } = SpeckTreatment.Auto;

    /// <summary>
    /// The words a reading is judged by when a page is read two ways (see <see cref="SpeckTreatment.Auto"/>): the
    /// lexicon of the cleanup. Null judges by the engine's confidence alone.
    /// </summary>
    public Lexicon? Lexicon { get; init; }
}

/// <summary>What speck removal does to a page.</summary>
public enum SpeckTreatment
{
    /// <summary>
    /// Specks are removed, and where the page is doubtful (many specks beside its letters: full stops, commas and the
    /// dots of i, or dirt on the line) the page is read again as scanned and the reading the page itself prefers is
    /// kept: higher mean confidence with no fewer lexicon words.
    /// </summary>
    Auto,

    /// <summary>Specks are always removed (the collection's scans are dirty).</summary>
    Remove,

    /// <summary>Specks are always kept (the collection's scans are clean: what is small is punctuation).</summary>
    Keep,
}

public static class SpeckTreatments
{
    /// <summary>"auto", "remove" or "keep", in any case.</summary>
    /// <exception cref="ArgumentException">Another word; the message names the <paramref name="setting"/> it came from.</exception>
    public static SpeckTreatment Parse(string value, string setting) =>
        SettingWords.Parse(value, setting, ("auto", SpeckTreatment.Auto), ("remove", SpeckTreatment.Remove), ("keep", SpeckTreatment.Keep));
}
