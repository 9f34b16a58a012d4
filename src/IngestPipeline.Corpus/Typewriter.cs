namespace IngestPipeline.Corpus;

/// <summary>
/// The one machine a collection's cables were typed on, and its faults: its typeface and pitch, a tired ribbon (light
/// ink, struck unevenly), worn type, and two weak keys whose letters strike with a fifth to a quarter of the ribbon's
/// ink (<see cref="WeakKeys"/>, <see cref="WeakStrike"/>). Every letter stays legible, but faint and broken as no
/// generated page of the splits is: the faults a collection repeats on every page, which its reviews can teach the
/// pipeline to read.
/// </summary>
public sealed record Typewriter(Typeface Typeface, int Pitch, int InkMean, int InkSpread, double Wear, string WeakKeys = "", double WeakStrike = 1)
{
    /// <summary>Letters a weak key may type: common enough to fault many words, not so common (e, t) as to fault nearly all.</summary>
    private const string WeakCandidates = "acdhlmnoprsu";

    /// <summary>The collection's typewriter, the same for the same seed: a typeface of the validation split, drawn apart from the pages' own seeds.</summary>
    public static Typewriter Invent(int seed)
    {
        var random = new Random(unchecked(seed * 7919 + 17));
        var faces = Typeface.Of(CorpusSplit.Validation).Where(t => t.Monospaced).ToList();
        var typewriter = new Typewriter(faces[random.Next(faces.Count)], random.Next(2) == 0 ? 10 : 12,
            InkMean: random.Next(85, 105), InkSpread: random.Next(22, 30), Wear: 0.09 + random.NextDouble() * 0.03);
        // Drawn after the rest, so the machine's typeface, pitch, ribbon and wear are those of the same seed without weak keys.
        var keys = WeakCandidates.OrderBy(_ => random.Next()).Take(2);
        return typewriter with { WeakKeys = string.Concat(keys), WeakStrike = 0.2 + random.NextDouble() * 0.08 };
    }
}
