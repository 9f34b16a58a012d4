namespace IngestPipeline.Domain.Evaluation;

/// <summary>
/// Scores transcripts against ground truth the way the evaluation corpus defines it (corpus README,
/// "Scoring"): CER and WER after whitespace normalisation with <c>[ILLEGIBLE]</c> as one symbol and one word,
/// and span measures on a word alignment.
/// </summary>
/// <remarks>
/// <para>Span measures use one minimal-cost word alignment of truth and hypothesis (see
/// <see cref="Levenshtein.Align"/>); where several alignments have the fewest word edits, similar words are
/// paired, so a misread neighbour pairs with its truth word rather than with the marker next to it. The
/// <em>window</em> of a truth marker at word r is everything the hypothesis put between the aligned places of
/// truth words r-2 and r+2 (exclusive): the hypothesis words aligned to words r-1, r and r+1 and any words it
/// inserted among them. That is the aligned place with a tolerance of one word either side.</para>
/// <list type="bullet">
/// <item>Recall: a truth marker is recalled when a hypothesis marker lies in its window. One hypothesis marker
/// recalls at most one truth marker (nearest pairs are matched first), so one marker cannot stand for two
/// spans on neighbouring lines.</item>
/// <item>Precision: a hypothesis marker is correct when it lies in the window of some truth marker (a span
/// split into two markers is not penalised here).</item>
/// <item>Garbage / silent miss: for a truth marker that is not recalled, the hypothesis words aligned to it
/// (substituted for it or inserted right next to it, between the aligned places of words r-1 and r+1) are
/// looked at. Any non-marker word there makes a garbage span whose non-space characters are garbage
/// characters; nothing there is a silent miss. Recalled + garbage + silent = true spans.</item>
/// </list>
/// </remarks>
public static class TranscriptScorer
{
    /// <summary>Scores one page.</summary>
    public static PageScore ScorePage(string name, string reference, string hypothesis)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(hypothesis);

        var refWords = ScoringText.Words(reference);
        var hypWords = ScoringText.Words(hypothesis);

        var refSymbols = ScoringText.Symbols(refWords);
        var hypSymbols = ScoringText.Symbols(hypWords);
        var charEdits = Levenshtein.Distance(refSymbols, hypSymbols);

        var (refIds, hypIds, idSymbols) = WordIds(refWords, hypWords);
        var alignment = AlignWords(refIds, hypIds, idSymbols);
        var spans = SpanCounts.Measure(alignment.Steps, refWords, hypWords);

        return new PageScore(
            name,
            refSymbols.Length, charEdits, Rate(charEdits, refSymbols.Length),
            refWords.Count, alignment.Distance, Rate(alignment.Distance, refWords.Count),
            spans.TrueSpans, spans.Recalled,
            spans.HypothesisMarkers, spans.CorrectMarkers,
            spans.GarbageSpans, spans.GarbageChars, spans.SilentMisses);
    }

    /// <summary>Aggregates page scores (micro-averaged); same as <see cref="SetScore.From"/>.</summary>
    public static SetScore ScoreSet(IEnumerable<PageScore> pages) => SetScore.From(pages);

    /// <summary>
    /// Edits per reference item. An empty reference scores 0 when there are no edits and 1 otherwise (everything
    /// the hypothesis wrote is wrong), so the rate is always finite.
    /// </summary>
    public static double Rate(int edits, int referenceLength) =>
        referenceLength > 0 ? (double)edits / referenceLength : edits == 0 ? 0.0 : 1.0;

    /// <summary>Most DP cells one stretch of disagreement may have to be re-aligned by similarity.</summary>
    private const long MaxRefinementCells = 20_000;

    /// <summary>
    /// A minimal word alignment that, among equally short ones, pairs similar words: the plain alignment is
    /// computed first; then every stretch between two matching words is aligned again with the character
    /// distance of paired, inserted and deleted words as tie cost (a marker is one character). So a misread
    /// neighbour ("to" -> "tu") pairs with its truth word rather than with a marker next to it. The word edit
    /// count is unchanged; stretches larger than <see cref="MaxRefinementCells"/> (pages that have little to do
    /// with their truth) keep the plain alignment.
    /// </summary>
    private static Alignment AlignWords(int[] reference, int[] hypothesis, List<int[]> symbols)
    {
        var plain = Levenshtein.Align(reference, hypothesis);
        var steps = new List<AlignmentStep>(plain.Steps.Count);
        var s = 0;
        while (s < plain.Steps.Count)
        {
            if (IsMatch(plain.Steps[s]))
            {
                steps.Add(plain.Steps[s++]);
                continue;
            }
            var start = s;
            while (s < plain.Steps.Count && !IsMatch(plain.Steps[s]))
                s++;
            var stretch = plain.Steps.Skip(start).Take(s - start).ToList();
            var refs = stretch.Where(x => x.Reference >= 0).Select(x => x.Reference).ToArray();
            var hyps = stretch.Where(x => x.Hypothesis >= 0).Select(x => x.Hypothesis).ToArray();
            if (refs.Length == 0 || hyps.Length == 0 || (long)refs.Length * hyps.Length > MaxRefinementCells)
            {
                steps.AddRange(stretch);
                continue;
            }
            var local = Levenshtein.Align(
                refs.Select(i => reference[i]).ToArray(),
                hyps.Select(j => hypothesis[j]).ToArray(),
                (a, b) => Levenshtein.Distance(symbols[a], symbols[b]),
                a => symbols[a].Length);
            steps.AddRange(local.Steps.Select(x => new AlignmentStep(
                x.Reference < 0 ? -1 : refs[x.Reference],
                x.Hypothesis < 0 ? -1 : hyps[x.Hypothesis])));
        }
        return new Alignment(plain.Distance, steps);

        bool IsMatch(AlignmentStep x) =>
            x.Reference >= 0 && x.Hypothesis >= 0 && reference[x.Reference] == hypothesis[x.Hypothesis];
    }

    /// <summary>
    /// Maps words to integers (equal words by ordinal comparison share an id, every marker is id 0) and gives
    /// the symbols of each id.
    /// </summary>
    private static (int[] Reference, int[] Hypothesis, List<int[]> Symbols) WordIds(
        IReadOnlyList<ScoringWord> reference, IReadOnlyList<ScoringWord> hypothesis)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var symbols = new List<int[]> { new[] { ScoringText.MarkerSymbol } };
        int Id(ScoringWord w)
        {
            if (w.IsMarker)
                return 0;
            if (!ids.TryGetValue(w.Text, out var id))
            {
                id = symbols.Count;
                ids.Add(w.Text, id);
                symbols.Add(ScoringText.Symbols([w with { SpaceBefore = false }]));
            }
            return id;
        }
        return (reference.Select(Id).ToArray(), hypothesis.Select(Id).ToArray(), symbols);
    }

    private readonly record struct SpanCounts(
        int TrueSpans, int Recalled, int HypothesisMarkers, int CorrectMarkers,
        int GarbageSpans, int GarbageChars, int SilentMisses)
    {
        public static SpanCounts Measure(
            IReadOnlyList<AlignmentStep> steps, IReadOnlyList<ScoringWord> reference, IReadOnlyList<ScoringWord> hypothesis)
        {
            // Position of every reference word in the step list, and for every step the reference coordinate
            // (a word index, or k + 0.5 for a hypothesis word inserted after reference word k).
            var stepOfRef = new int[reference.Count];
            var refCoordinate = new double[steps.Count];
            var lastRef = -1;
            for (var s = 0; s < steps.Count; s++)
            {
                var r = steps[s].Reference;
                if (r >= 0)
                {
                    stepOfRef[r] = s;
                    lastRef = r;
                    refCoordinate[s] = r;
                }
                else
                {
                    refCoordinate[s] = lastRef + 0.5;
                }
            }

            var refMarkers = Enumerable.Range(0, reference.Count).Where(i => reference[i].IsMarker).ToList();
            var hypMarkerSteps = Enumerable.Range(0, steps.Count)
                .Where(s => steps[s].Hypothesis >= 0 && hypothesis[steps[s].Hypothesis].IsMarker)
                .ToList();

            // Steps strictly between the steps of reference words r - reach and r + reach.
            (int First, int Last) Between(int r, int reach) => (
                r - reach >= 0 ? stepOfRef[r - reach] + 1 : 0,
                r + reach < reference.Count ? stepOfRef[r + reach] - 1 : steps.Count - 1);

            var candidates = new List<(double Distance, int RefMarker, int HypStep)>();
            var correct = new HashSet<int>();
            foreach (var r in refMarkers)
            {
                var (first, last) = Between(r, 2);
                foreach (var s in hypMarkerSteps)
                {
                    if (s < first || s > last)
                        continue;
                    candidates.Add((Math.Abs(refCoordinate[s] - r), r, s));
                    correct.Add(s);
                }
            }

            var recalled = new HashSet<int>();
            var used = new HashSet<int>();
            foreach (var (_, r, s) in candidates.OrderBy(c => c.Distance).ThenBy(c => c.RefMarker).ThenBy(c => c.HypStep))
            {
                if (!recalled.Contains(r) && !used.Contains(s))
                {
                    recalled.Add(r);
                    used.Add(s);
                }
            }

            int garbageSpans = 0, garbageChars = 0, silent = 0;
            foreach (var r in refMarkers)
            {
                if (recalled.Contains(r))
                    continue;
                var (first, last) = Between(r, 1);
                var text = false;
                for (var s = first; s <= last; s++)
                {
                    var h = steps[s].Hypothesis;
                    if (h < 0 || hypothesis[h].IsMarker)
                        continue;
                    text = true;
                    garbageChars += hypothesis[h].TextLength;
                }
                if (text)
                    garbageSpans++;
                else
                    silent++;
            }

            return new SpanCounts(
                refMarkers.Count, recalled.Count, hypMarkerSteps.Count, correct.Count,
                garbageSpans, garbageChars, silent);
        }
    }
}
