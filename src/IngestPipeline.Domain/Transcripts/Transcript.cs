namespace IngestPipeline.Domain.Transcripts;

/// <summary>One recognised word: its text, where it stands on the page, and how sure the engine was (0-100).</summary>
public sealed record Word(string Text, BoundingBox Box, float Confidence)
{
    /// <summary>The marker that stands for text nobody can read from the scan.</summary>
    public const string IllegibleMarker = "[ILLEGIBLE]";

    /// <summary>
    /// Set on an <see cref="IllegibleMarker"/> word: what the engine made of the span (empty when it read
    /// nothing there), so a reviewer sees the raw guess next to the crop of <see cref="Box"/>.
    /// </summary>
    public string? IllegibleGuess { get; init; }

    public bool IsIllegible => IllegibleGuess is not null;

    /// <summary>On a marker set by the learned decision: the model's probability that the span is unreadable (null for the rules' markers).</summary>
    public float? IllegibleProbability { get; init; }

    /// <summary>A reviewer changed this word (ALTO marks it CS="true").</summary>
    public bool Corrected { get; init; }

    /// <summary>A reviewer's reading they are not sure of (TEI wraps it in &lt;unclear&gt;).</summary>
    public bool Uncertain { get; init; }

    /// <summary>How the word's ink compares with the page's paper (measured on the scan; null when not measured).</summary>
    public InkMeasure? Ink { get; init; }

    /// <summary>
    /// A second, independent reading of a doubtful word: its crop alone, contrast stretched, as one line (null when the
    /// word was not doubtful). Two readings that agree are evidence that the word is legible.
    /// </summary>
    public Reading? Reread { get; init; }

    /// <summary>
    /// Each recogniser's reading of the word where a second recogniser read the page (null otherwise); the word's
    /// <see cref="Text"/> is the one chosen (see <c>ReadingMerger</c>).
    /// </summary>
    public IReadOnlyList<EngineReading>? Readings { get; init; }

    /// <summary>Whether two recognisers read the word alike (case aside): strong evidence that it is legible.</summary>
    public bool ReadAlike => Readings is [var first, var second] && first.Text.Equals(second.Text, StringComparison.OrdinalIgnoreCase);

    public static Word Illegible(BoundingBox box, string guess, float confidence) =>
        new(IllegibleMarker, box, confidence) { IllegibleGuess = guess };
}

/// <summary>
/// The ink inside a word's box: <see cref="Contrast"/> is how much darker than the page's paper its darkest tenth is
/// (0-255 gray levels; faded ribbon is low), <see cref="Coverage"/> the share of the box darker than the page's ink
/// threshold (a smudge or blot fills the box, typed strokes a fifth of it).
/// </summary>
public sealed record InkMeasure(float Contrast, float Coverage);

/// <summary>What one reading of a stretch gave, and the engine's confidence in it.</summary>
public sealed record Reading(string Text, float Confidence);

/// <summary>A word as one recogniser read it: the engine's name, its text (empty: it read nothing there) and confidence (0-100).</summary>
public sealed record EngineReading(string Engine, string Text, float Confidence);

/// <summary>A text line: words left to right.</summary>
public sealed record Line(BoundingBox Box, IReadOnlyList<Word> Words)
{
    public string Text => string.Join(' ', Words.Select(w => w.Text));
}

/// <summary>A block of lines that layout analysis (or geometry) put together.</summary>
public sealed record Block(BoundingBox Box, IReadOnlyList<Line> Lines);

/// <summary>What was done to the scan before recognition; the page's boxes refer to the image after these steps.</summary>
public sealed record PageProcessing(int RotationDegrees, float SkewDegrees, IReadOnlyList<string> Steps);

/// <summary>One page: its size in pixels of the processed image, resolution, and blocks in reading order.</summary>
public sealed record Page(int Number, int Width, int Height, int Dpi, IReadOnlyList<Block> Blocks, PageProcessing Processing)
{
    /// <summary>Large solid dark regions (blots, torn-away paper): evidence that text there is lost.</summary>
    public IReadOnlyList<DarkRegion> DarkRegions { get; init; } = [];

    /// <summary>Marks that are not typed text (handwriting, stamps, specks, punch holes, the sheet's edge), left out of the words.</summary>
    public IReadOnlyList<PageRegion> Regions { get; init; } = [];

    /// <summary>Stretches of typed lines where words are missing, and what re-reading them found.</summary>
    public IReadOnlyList<TextGap> TextGaps { get; init; } = [];

    public IEnumerable<Line> Lines => Blocks.SelectMany(b => b.Lines);
    public IEnumerable<Word> Words => Lines.SelectMany(l => l.Words);

    public float MeanConfidence
    {
        get
        {
            var words = Words.ToList();
            return words.Count == 0 ? 0 : words.Average(w => w.Confidence);
        }
    }
}

/// <summary>A whole document: the name of its source and its pages in order.</summary>
public sealed record Transcript(string SourceName, IReadOnlyList<Page> Pages)
{
    /// <summary>What the cable's header and signature say (date, sender, recipients, ...); null until extracted.</summary>
    public Metadata.CableMetadata? Metadata { get; init; }

    /// <summary>The version of the model that decided what is illegible (null when the hand rules did, or nothing was marked).</summary>
    public string? IllegibilityModel { get; init; }
}
