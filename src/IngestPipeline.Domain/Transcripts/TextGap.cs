namespace IngestPipeline.Domain.Transcripts;

/// <summary>
/// A stretch of a typed line where words should be but none came out (faded ribbon, erased or lost text), with
/// what a second reading of just that stretch, contrast normalised, found there (empty when nothing).
/// </summary>
public sealed record TextGap(BoundingBox Box, IReadOnlyList<Word> Reread)
{
    /// <summary>The ink in the stretch: none on blank paper (a tabulation), faint where the ribbon faded.</summary>
    public InkMeasure? Ink { get; init; }
}
