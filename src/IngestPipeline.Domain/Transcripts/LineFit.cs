namespace IngestPipeline.Domain.Transcripts;

/// <summary>
/// The straight line through the centres of a line's words (least squares): how far the typed line falls per pixel
/// across, and where it runs. A page read with a slight skew keeps its slope; geometry that assumes level lines
/// follows the fit instead.
/// </summary>
public readonly record struct LineFit(double Slope, double Intercept)
{
    /// <summary>The fit of the words' centres; level through their mean height when fewer than three words tell a slope.</summary>
    public static LineFit Of(IReadOnlyList<Word> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count == 0) return default;
        double n = words.Count, sx = 0, sy = 0, sxx = 0, sxy = 0;
        foreach (var w in words)
        {
            double x = (w.Box.Left + w.Box.Right) / 2.0, y = w.Box.CenterY;
            sx += x; sy += y; sxx += x * x; sxy += x * y;
        }
        double variance = n * sxx - sx * sx;
        double slope = TellsSlope(words) && variance > 0 ? (n * sxy - sx * sy) / variance : 0;
        return new LineFit(slope, (sy - slope * sx) / n);
    }

    /// <summary>Whether the fit rests on enough words to tell a slope (three: two always fit exactly).</summary>
    public static bool TellsSlope(IReadOnlyList<Word> words) => words.Count >= 3;

    /// <summary>The line's height at <paramref name="x"/>.</summary>
    public double At(double x) => Intercept + Slope * x;
}
