namespace IngestPipeline.Corpus;

/// <summary>
/// The damage a page gets while everything on it stays legible, drawn from the seed within ranges of its split: each
/// kind's training range and validation range are apart, and two kinds (carbon copies and bleed-through from the
/// reverse) never occur in training, so validation measures what was not learned.
/// </summary>
public sealed record Damage(
    double SkewDegrees, int PaperTone, double PaperNoise, int Foxing, double Fade, double Wear,
    double CarbonBlur, double BleedThrough, int Holes, int? FoldY, double Contrast, int Dpi, int JpegQuality, bool UnreadableSpans = false)
{
    /// <summary>No damage at all: the page as typed, on white paper.</summary>
    public static readonly Damage None = new(0, 255, 0, 0, 0, 0, 0, 0, 0, null, 0, PageLayout.Dpi, 0);

    public static Damage Draw(Random random, CorpusSplit split)
    {
        bool train = split == CorpusSplit.Train;
        double Range((double Low, double High) training, (double Low, double High) validation)
        {
            var (low, high) = train ? training : validation;
            return low + random.NextDouble() * (high - low);
        }
        bool Sometimes(double share) => random.NextDouble() < share;
        return new Damage(
            SkewDegrees: Range((0, 1.2), (1.2, 2.5)) * (random.Next(2) == 0 ? 1 : -1),
            PaperTone: (int)Range((236, 252), (222, 236)),
            PaperNoise: Range((2, 8), (8, 14)),
            Foxing: Sometimes(0.5) ? (int)Range((3, 25), (25, 60)) : 0,
            Fade: Sometimes(0.5) ? Range((0.1, 0.35), (0.35, 0.5)) : 0,
            Wear: Sometimes(0.5) ? Range((0.01, 0.05), (0.05, 0.09)) : 0,
            CarbonBlur: !train && Sometimes(0.25) ? Range((0, 0), (1.0, 1.6)) : 0,
            BleedThrough: !train && Sometimes(0.3) ? Range((0, 0), (0.06, 0.12)) : 0,
            Holes: Sometimes(0.3) ? (random.Next(2) == 0 ? 2 : 3) : 0,
            FoldY: Sometimes(0.3) ? random.Next(PageLayout.Height / 3, PageLayout.Height * 2 / 3) : null,
            Contrast: Sometimes(0.3) ? Range((0.1, 0.25), (0.25, 0.4)) : 0,
            Dpi: Sometimes(0.3) ? (int)Range((150, 200), (100, 150)) : PageLayout.Dpi,
            JpegQuality: Sometimes(0.4) ? (int)Range((55, 85), (30, 55)) : 0,
            UnreadableSpans: Sometimes(0.5));
    }
}
