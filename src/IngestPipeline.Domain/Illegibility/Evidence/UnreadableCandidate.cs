using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility.Evidence;

/// <summary>What a candidate is: a word the engine read, or a stretch of a line where words should be and none came out.</summary>
public enum CandidateKind { Word, Stretch }

/// <summary>Why a stretch is proposed.</summary>
public enum StretchSource
{
    /// <summary>The layout (<see cref="TextGapFinder"/>): a wide gap between two words of a line of running text.</summary>
    BetweenWords,

    /// <summary>The layout: a line of running text that stops short in mid-sentence.</summary>
    LineEnd,

    /// <summary>The layout: a wide gap in the header.</summary>
    Header,

    /// <summary>The layout: a line of a paragraph that starts well right of the margin.</summary>
    LineStart,

    /// <summary>The layout: a line that stops short while its paragraph goes on (its sentence ended, or the page is not prose).</summary>
    ShortLine,

    /// <summary>The layout: a whole line missing between two lines (a line of its own after line <see cref="UnreadableCandidate.Line"/>).</summary>
    LostLine,

    /// <summary>A dark region (blot, torn-away paper) over the place of words.</summary>
    UnderDarkRegion,

    /// <summary>Torn-away paper beside a line's last word.</summary>
    TornLineEnd,
}

/// <summary>
/// A place of a page that may hold unreadable text, and the measures that decide it (<see cref="CandidateFeatures"/>).
/// A word candidate is word <see cref="Position"/> of line <see cref="Line"/>; a stretch goes before that word, but a
/// <see cref="StretchSource.LostLine"/> stretch is a line of its own after that line.
/// </summary>
public sealed record UnreadableCandidate(CandidateKind Kind, int Line, int Position, BoundingBox Box, float[] Features)
{
    /// <summary>The word, for a word candidate.</summary>
    public Word? Word { get; init; }

    /// <summary>What a second reading of the stretch found (empty when none was made or it found nothing).</summary>
    public IReadOnlyList<Word> Reread { get; init; } = [];

    /// <summary>The ink measured over a stretch the layout proposed (null for other candidates).</summary>
    public InkMeasure? StretchInk { get; init; }

    public StretchSource Source { get; init; }
}
