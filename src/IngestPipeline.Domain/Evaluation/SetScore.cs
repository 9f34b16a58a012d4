namespace IngestPipeline.Domain.Evaluation;

/// <summary>
/// A set of pages scored together. CER and WER are micro-averaged (summed edits over summed reference lengths),
/// so long pages weigh more than short ones, over at least one symbol or word (as score.py). Span ratios whose
/// denominator is zero are null.
/// </summary>
/// <param name="Pages">Pages scored.</param>
/// <param name="ReferenceSymbols">Sum of reference symbols.</param>
/// <param name="CharEdits">Sum of symbol edits.</param>
/// <param name="Cer"><paramref name="CharEdits"/> / <paramref name="ReferenceSymbols"/>.</param>
/// <param name="ReferenceWords">Sum of reference words.</param>
/// <param name="WordEdits">Sum of word edits.</param>
/// <param name="Wer"><paramref name="WordEdits"/> / <paramref name="ReferenceWords"/>.</param>
/// <param name="TrueSpans">Markers in the truth, all pages.</param>
/// <param name="RecalledSpans">Of those, recalled.</param>
/// <param name="SpanRecall"><paramref name="RecalledSpans"/> / <paramref name="TrueSpans"/>; null without true spans.</param>
/// <param name="HypothesisMarkers">Markers in the hypotheses, all pages.</param>
/// <param name="CreditedMarkers">Of those, credited to a truth marker.</param>
/// <param name="SpanPrecision"><paramref name="CreditedMarkers"/> / <paramref name="HypothesisMarkers"/>; null without markers.</param>
/// <param name="FalseMarkers">Hypothesis markers on pages whose truth has no marker.</param>
/// <param name="PagesWithoutSpans">How many pages have no marker in the truth.</param>
/// <param name="PagesWithFalseMarkers">How many of those got a marker from the hypothesis.</param>
/// <param name="GarbageSpans">Truth spans where text was emitted instead of a marker.</param>
/// <param name="GarbageRate"><paramref name="GarbageSpans"/> / <paramref name="TrueSpans"/>; null without true spans.</param>
/// <param name="GarbageChars">Characters of that text.</param>
/// <param name="GarbageCharsPerSpan"><paramref name="GarbageChars"/> / <paramref name="TrueSpans"/> (per true span, as in the corpus README); null without true spans.</param>
/// <param name="SilentMisses">Truth spans dropped without marker or text.</param>
public sealed record SetScore(
    int Pages,
    int ReferenceSymbols,
    int CharEdits,
    double Cer,
    int ReferenceWords,
    int WordEdits,
    double Wer,
    int TrueSpans,
    int RecalledSpans,
    double? SpanRecall,
    int HypothesisMarkers,
    int CreditedMarkers,
    double? SpanPrecision,
    int FalseMarkers,
    int PagesWithoutSpans,
    int PagesWithFalseMarkers,
    int GarbageSpans,
    double? GarbageRate,
    int GarbageChars,
    double? GarbageCharsPerSpan,
    int SilentMisses)
{
    /// <summary>Aggregates page scores.</summary>
    public static SetScore From(IEnumerable<PageScore> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        int count = 0, refSymbols = 0, charEdits = 0, refWords = 0, wordEdits = 0, trueSpans = 0, recalled = 0;
        int markers = 0, correct = 0, falseMarkers = 0, pagesWithoutSpans = 0, pagesWithFalse = 0, garbage = 0, garbageChars = 0, silent = 0;
        foreach (var p in pages)
        {
            count++;
            refSymbols += p.ReferenceSymbols;
            charEdits += p.CharEdits;
            refWords += p.ReferenceWords;
            wordEdits += p.WordEdits;
            trueSpans += p.TrueSpans;
            recalled += p.RecalledSpans;
            markers += p.HypothesisMarkers;
            correct += p.CreditedMarkers;
            garbage += p.GarbageSpans;
            garbageChars += p.GarbageChars;
            silent += p.SilentMisses;
            if (p.TrueSpans == 0)
            {
                pagesWithoutSpans++;
                falseMarkers += p.HypothesisMarkers;
                if (p.HypothesisMarkers > 0)
                    pagesWithFalse++;
            }
        }
        return new SetScore(
            count,
            refSymbols, charEdits, TranscriptScorer.SetRate(charEdits, refSymbols),
            refWords, wordEdits, TranscriptScorer.SetRate(wordEdits, refWords),
            trueSpans, recalled, Ratio(recalled, trueSpans),
            markers, correct, Ratio(correct, markers),
            falseMarkers, pagesWithoutSpans, pagesWithFalse,
            garbage, Ratio(garbage, trueSpans),
            garbageChars, Ratio(garbageChars, trueSpans),
            silent);
    }

    private static double? Ratio(int numerator, int denominator) =>
        denominator == 0 ? null : (double)numerator / denominator;
}
