namespace IngestPipeline.Domain.Transcripts;

/// <summary>
/// A solid dark region of a page (an ink blot, scanner background where the sheet is torn away) as
/// its box and, row band by row band, the runs it covers: a tear is rarely a rectangle, and its box
/// alone would cover lines it never touches; its outline can even hold paper, and typing, in a bay.
/// </summary>
public sealed record DarkRegion(BoundingBox Box, IReadOnlyList<BoundingBox> Rows)
{
    /// <summary>
    /// Share of the region's pixels as dark as the type's strokes: near 1 for a blot, a punch hole or the backing behind
    /// a tear; low for blurred heavy type or letters smeared by water (a gray just under the ink threshold), and for a
    /// gray sheet whose paper the ink threshold took for ink.
    /// </summary>
    public double Solidity { get; init; } = 1;

    /// <summary>
    /// A water stain rather than a dark region: paper enclosed by a tide line, browned and holding no ink, where the
    /// water washed the typing out. Not dark itself, so never taken for a punch hole, the sheet's edge or a dark scan.
    /// </summary>
    public bool Stain { get; init; }

    /// <summary>The region's horizontal extent within the rows from <paramref name="top"/> to <paramref name="bottom"/>; empty when it does not reach them.</summary>
    public BoundingBox ExtentBetween(int top, int bottom) =>
        BoundingBox.Union(Rows.Where(r => r.Bottom > top && r.Top < bottom));
}
