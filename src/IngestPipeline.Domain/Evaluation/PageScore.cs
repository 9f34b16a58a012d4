namespace IngestPipeline.Domain.Evaluation;

/// <summary>How one transcript compares with its ground truth.</summary>
/// <param name="Name">Page name (e.g. the corpus NAME).</param>
/// <param name="ReferenceSymbols">Symbols of the normalised truth (a marker is one symbol, spaces count).</param>
/// <param name="CharEdits">Symbol-level edit distance.</param>
/// <param name="Cer"><paramref name="CharEdits"/> / <paramref name="ReferenceSymbols"/> (see <see cref="TranscriptScorer.PageRate"/>).</param>
/// <param name="ReferenceWords">Whitespace-separated words of the truth.</param>
/// <param name="WordEdits">Word-level edit distance.</param>
/// <param name="Wer"><paramref name="WordEdits"/> / <paramref name="ReferenceWords"/>.</param>
/// <param name="TrueSpans">Markers in the truth.</param>
/// <param name="RecalledSpans">Truth markers matched by a hypothesis marker within one word of the aligned place.</param>
/// <param name="HypothesisMarkers">Markers in the hypothesis.</param>
/// <param name="CreditedMarkers">Hypothesis markers credited to a truth marker (one each).</param>
/// <param name="GarbageSpans">Truth markers not recalled where the hypothesis emitted text instead.</param>
/// <param name="GarbageChars">Non-space characters of that text, summed over the garbage spans.</param>
/// <param name="SilentMisses">Truth markers not recalled where the hypothesis emitted nothing.</param>
public sealed record PageScore(
    string Name,
    int ReferenceSymbols,
    int CharEdits,
    double Cer,
    int ReferenceWords,
    int WordEdits,
    double Wer,
    int TrueSpans,
    int RecalledSpans,
    int HypothesisMarkers,
    int CreditedMarkers,
    int GarbageSpans,
    int GarbageChars,
    int SilentMisses)
{
    /// <summary>For each of the truth's markers, in the text's order, whether a hypothesis marker recalled it.</summary>
    public IReadOnlyList<bool> RecalledInOrder { get; init; } = [];

    /// <summary>Markers the hypothesis put on a page whose truth has none (0 on pages with spans).</summary>
    public int FalseMarkers => TrueSpans == 0 ? HypothesisMarkers : 0;
}
