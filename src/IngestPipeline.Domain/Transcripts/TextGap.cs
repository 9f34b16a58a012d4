namespace IngestPipeline.Domain.Transcripts;

/// <summary>
/// A stretch of a typed line where words should be but none came out (faded ribbon, erased or lost text), with
/// what a second reading of just that stretch, contrast normalised, found there (empty when nothing).
/// </summary>
public sealed record TextGap(BoundingBox Box, IReadOnlyList<Word> Reread)
{
    /// <summary>The ink in the stretch: none on blank paper (a tabulation), faint where the ribbon faded.</summary>
    public InkMeasure? Ink { get; init; }

    /// <summary>Why the layout proposed it.</summary>
    public GapSource Source { get; init; }
}

/// <summary>What in the layout says a stretch of a line held words.</summary>
public enum GapSource
{
    /// <summary>In running text: a wide gap between two words, or a line stopping short mid-sentence (the hand rules judge these).</summary>
    Layout,

    /// <summary>A wide gap between two words of the header, whose fields are spaced out by design.</summary>
    Header,

    /// <summary>A line that starts well right of the margin.</summary>
    LineStart,

    /// <summary>A line that stops short while its paragraph goes on (its sentence ended, or the page is not prose), or a header line that stops short.</summary>
    ShortLine,

    /// <summary>A band across the column where the lines' spacing says a whole line is missing (or a paragraph break left a blank line).</summary>
    LostLine,
}
