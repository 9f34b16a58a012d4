namespace IngestPipeline.Domain.Transcripts;

/// <summary>
/// A solid dark region of a page (an ink blot, scanner background where the sheet is torn away) as
/// its box and, row band by row band, how far it reaches left and right: a tear is rarely a rectangle,
/// and its box alone would cover lines it never touches.
/// </summary>
public sealed record DarkRegion(BoundingBox Box, IReadOnlyList<BoundingBox> Rows)
{
    /// <summary>The region's horizontal extent within the rows from <paramref name="top"/> to <paramref name="bottom"/>; empty when it does not reach them.</summary>
    public BoundingBox ExtentBetween(int top, int bottom) =>
        BoundingBox.Union(Rows.Where(r => r.Bottom > top && r.Top < bottom));
}
