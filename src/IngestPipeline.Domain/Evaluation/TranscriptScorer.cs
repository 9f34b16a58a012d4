namespace IngestPipeline.Domain.Evaluation;

/// <summary>
/// Scores transcripts against ground truth as the corpus's reference scorer (shared/tools/score.py) does, so the
/// figures the project reports are the ones the product is measured with: CER over the normalised characters
/// (see <see cref="ScoringText"/>), WER over whitespace-separated words, and span measures on one character
/// alignment of truth and hypothesis.
/// </summary>
/// <remarks>
/// <para>The alignment is a unit-cost Levenshtein alignment whose backtrace, run from the end, prefers pairing
/// characters, then deleting a truth character, then inserting a hypothesis one (score.py's order; see
/// <see cref="Levenshtein.Align"/>). Each truth character gets the range of hypothesis characters aligned to it.</para>
/// <para>The <em>place</em> of a truth marker in word w, with reach r, is the hypothesis text after the end of
/// truth word w - r and before the start of truth word w + r. Pass 1 (r = 1: the span's own place) and then
/// pass 2 (r = 2: within one word either side) give each truth marker, in order, the first hypothesis marker
/// in its place not yet credited to another. Recall counts truth markers so matched, precision the hypothesis
/// markers credited. A truth marker not recalled is garbage when its own place holds non-space characters
/// (counted as garbage characters) and a silent miss otherwise.</para>
/// </remarks>
public static class TranscriptScorer
{
    /// <summary>Scores one page.</summary>
    /// <param name="name">Page name.</param>
    /// <param name="reference">Ground truth.</param>
    /// <param name="hypothesis">Transcript.</param>
    /// <param name="joinHyphens">Join words broken at a line end on both sides first (see <see cref="ScoringText.Normalize"/>).</param>
    public static PageScore ScorePage(string name, string reference, string hypothesis, bool joinHyphens = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(hypothesis);

        var gText = ScoringText.Normalize(reference, joinHyphens);
        var oText = ScoringText.Normalize(hypothesis, joinHyphens);
        var g = ScoringText.Symbols(gText);
        var o = ScoringText.Symbols(oText);
        var gWords = ScoringText.Words(gText);
        var oWords = ScoringText.Words(oText);

        var charEdits = Levenshtein.Distance(g, o);
        var (gIds, oIds) = WordIds(gWords, oWords);
        var wordEdits = Levenshtein.Distance(gIds, oIds);
        var spans = SpanMatcher.Measure(g, o);

        return new PageScore(
            name,
            g.Length, charEdits, PageRate(charEdits, g.Length),
            gWords.Length, wordEdits, PageRate(wordEdits, gWords.Length),
            spans.TrueSpans, spans.Recalled,
            o.Count(c => c == ScoringText.MarkerChar), spans.Credited,
            spans.GarbageSpans, spans.GarbageChars, spans.SilentMisses) { RecalledInOrder = spans.RecalledInOrder };
    }

    /// <summary>Aggregates page scores (micro-averaged); same as <see cref="SetScore.From"/>.</summary>
    public static SetScore ScoreSet(IEnumerable<PageScore> pages) => SetScore.From(pages);

    /// <summary>Edits per truth item on one page; a page with empty truth scores 0, as score.py has it.</summary>
    public static double PageRate(int edits, int referenceLength) =>
        referenceLength > 0 ? (double)edits / referenceLength : 0.0;

    /// <summary>Edits per truth item over a set: the denominator is at least 1, as score.py has it.</summary>
    public static double SetRate(int edits, int referenceLength) =>
        (double)edits / Math.Max(1, referenceLength);

    /// <summary>Equal words (ordinal) share an id.</summary>
    private static (int[] Reference, int[] Hypothesis) WordIds(string[] reference, string[] hypothesis)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        int Id(string w)
        {
            if (!ids.TryGetValue(w, out var id))
                ids.Add(w, id = ids.Count);
            return id;
        }
        return (reference.Select(Id).ToArray(), hypothesis.Select(Id).ToArray());
    }
}
