namespace IngestPipeline.Domain.Transcripts;

/// <summary>An axis-aligned box in page pixels; Right and Bottom are exclusive.</summary>
public readonly record struct BoundingBox(int Left, int Top, int Right, int Bottom)
{
    public int Width => Right - Left;
    public int Height => Bottom - Top;
    public bool IsEmpty => Width <= 0 || Height <= 0;
    public int CenterY => (Top + Bottom) / 2;

    public static BoundingBox Union(IEnumerable<BoundingBox> boxes)
    {
        int left = int.MaxValue, top = int.MaxValue, right = int.MinValue, bottom = int.MinValue;
        foreach (var b in boxes)
        {
            left = Math.Min(left, b.Left);
            top = Math.Min(top, b.Top);
            right = Math.Max(right, b.Right);
            bottom = Math.Max(bottom, b.Bottom);
        }
        return left == int.MaxValue ? default : new BoundingBox(left, top, right, bottom);
    }

    /// <summary>The area both boxes cover (0 where they do not meet).</summary>
    public long OverlapArea(BoundingBox other) =>
        (long)Math.Max(0, Math.Min(Right, other.Right) - Math.Max(Left, other.Left)) * Math.Max(0, Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top));

    /// <summary>How many pixel rows the two boxes share.</summary>
    public int VerticalOverlap(BoundingBox other) =>
        Math.Max(0, Math.Min(Bottom, other.Bottom) - Math.Max(Top, other.Top));

    public bool IsInside(int width, int height) =>
        Left >= 0 && Top >= 0 && Right <= width && Bottom <= height;
}
