namespace IngestPipeline.Domain.Evaluation;

/// <summary>
/// The span measures of one page on a character alignment (see <see cref="TranscriptScorer"/> for the rules).
/// Indexes are into the symbol arrays (Unicode scalar values), as score.py indexes Python strings.
/// </summary>
internal static class SpanMatcher
{
    /// <param name="RecalledInOrder">For each truth marker, in the text's order, whether it was recalled.</param>
    public readonly record struct Counts(int TrueSpans, int Recalled, int Credited, int GarbageSpans, int GarbageChars, int SilentMisses, bool[] RecalledInOrder);

    public static Counts Measure(int[] g, int[] o)
    {
        var gMarks = Indexes(g);
        // Without truth spans nothing is recalled or missed: the alignment (the costly part) is not needed.
        if (gMarks.Count == 0)
            return new Counts(0, 0, 0, 0, 0, 0, []);
        var oMarks = Indexes(o);
        var (start, end) = AlignedRanges(g, o);
        var words = WordRanges(g);
        var wordOf = new int[g.Length];
        for (var w = 0; w < words.Count; w++)
            for (var k = words[w].Start; k < words[w].End; k++)
                wordOf[k] = w;

        (int Lo, int Hi) Place(int k, int reach)
        {
            var w = wordOf[k];
            int left = w - reach, right = w + reach;
            var lo = left >= 0 ? end[words[left].End - 1] : 0;
            var hi = right < words.Count ? start[words[right].Start] : o.Length;
            return (lo, Math.Max(lo, hi));
        }

        var credited = new HashSet<int>();
        var recalled = new HashSet<int>();
        foreach (var reach in new[] { 1, 2 })
        {
            foreach (var k in gMarks)
            {
                if (recalled.Contains(k))
                    continue;
                var (lo, hi) = Place(k, reach);
                foreach (var om in oMarks)
                {
                    if (om >= lo && om < hi && credited.Add(om))
                    {
                        recalled.Add(k);
                        break;
                    }
                }
            }
        }

        int garbageSpans = 0, garbageChars = 0, silent = 0;
        foreach (var k in gMarks.Where(k => !recalled.Contains(k)))
        {
            var (lo, hi) = Place(k, 1);
            var emitted = 0;
            for (var j = lo; j < hi; j++)
                if (o[j] != ' ' && o[j] != ScoringText.MarkerChar)
                    emitted++;
            garbageChars += emitted;
            if (emitted > 0)
                garbageSpans++;
            else
                silent++;
        }
        return new Counts(gMarks.Count, recalled.Count, credited.Count, garbageSpans, garbageChars, silent, gMarks.Select(recalled.Contains).ToArray());
    }

    private static List<int> Indexes(int[] symbols)
    {
        var marks = new List<int>();
        for (var i = 0; i < symbols.Length; i++)
            if (symbols[i] == ScoringText.MarkerChar)
                marks.Add(i);
        return marks;
    }

    /// <summary>For each truth symbol i, the hypothesis range [start[i], end[i]) aligned to it (empty when deleted).</summary>
    private static (int[] Start, int[] End) AlignedRanges(int[] g, int[] o)
    {
        var start = new int[g.Length + 1];
        var end = new int[g.Length + 1];
        var j = 0;
        foreach (var step in Levenshtein.Align(g, o).Steps)
        {
            if (step.IsInsertion)
            {
                j++;
                continue;
            }
            start[step.Reference] = j;
            if (!step.IsDeletion)
                j++;
            end[step.Reference] = j;
        }
        start[g.Length] = end[g.Length] = o.Length;
        return (start, end);
    }

    /// <summary>Runs of non-space symbols (normalised text has no other whitespace).</summary>
    private static List<(int Start, int End)> WordRanges(int[] g)
    {
        var words = new List<(int, int)>();
        var i = 0;
        while (i < g.Length)
        {
            if (g[i] == ' ')
            {
                i++;
                continue;
            }
            var s = i;
            while (i < g.Length && g[i] != ' ')
                i++;
            words.Add((s, i));
        }
        return words;
    }
}
