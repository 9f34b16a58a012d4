using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Review;

/// <summary>What a reviewer did with one place of the pipeline's reading: each is a labelled example of its evidence.</summary>
public enum DecisionKind
{
    /// <summary>A marker kept as <c>[ILLEGIBLE]</c>: the flag was right.</summary>
    MarkerKept,

    /// <summary>A marker replaced by text (or taken away): the span was legible, the flag was wrong.</summary>
    MarkerReplaced,

    /// <summary>A marker the reviewer put where the pipeline gave words or nothing: unreadable text the flags missed.</summary>
    MarkerInserted,

    /// <summary>A doubtful word (low confidence, or the recognisers disagreeing) the reviewer kept as read: a needless flag.</summary>
    FlagConfirmed,

    /// <summary>A doubtful word the reviewer corrected: the flag found an error.</summary>
    FlagCorrected,

    /// <summary>A word nothing flagged that the reviewer corrected (or added, or took away): an error the flags missed.</summary>
    WordCorrected,
}

/// <summary>
/// One decision: where it is (page from 1; line as the review page numbers it, <see cref="PageLayout.Lines"/>; the
/// place in the pipeline's line where its words start), the pipeline's words there (empty where the reviewer added
/// text) with their evidence, what the pipeline read and what the reviewer made of it.
/// </summary>
public sealed record ReviewerDecision(DecisionKind Kind, int Page, int Line, int Word, BoundingBox Box, FlagKind? Flag,
    string Recognized, string Reviewed, IReadOnlyList<Word> Words)
{
    /// <summary>For a replaced marker: whether the reviewer's text is the engine's guess (letters and digits, case aside).</summary>
    public bool? MatchesGuess { get; init; }
}

/// <summary>
/// The decisions a reviewed transcript holds against the pipeline's reading it was made from. The two pair line by
/// line (the applier replaces a line's words, never the page's lines), and the words of a line by a fewest-changes
/// alignment, as <see cref="ReviewApplier"/> placed them. A flag left as it was is no decision while the document is
/// being worked on; approving the document accepts what stands, so on approval a marker left open is kept and a
/// doubtful word left open is confirmed.
/// </summary>
public static class ReviewerDecisions
{
    public static IReadOnlyList<ReviewerDecision> Between(Transcript recognized, Transcript reviewed, bool approved)
    {
        ArgumentNullException.ThrowIfNull(recognized);
        ArgumentNullException.ThrowIfNull(reviewed);
        var decisions = new List<ReviewerDecision>();
        var reviewedPages = reviewed.Pages.ToDictionary(p => p.Number);
        foreach (var page in recognized.Pages)
        {
            if (!reviewedPages.TryGetValue(page.Number, out var other) || !SameShape(page, other)) continue;
            var order = new Dictionary<Line, int>(ReferenceEqualityComparer.Instance);
            foreach (var line in PageLayout.Of(page).Lines) order[line] = order.Count;
            for (int b = 0; b < page.Blocks.Count; b++)
                for (int l = 0; l < page.Blocks[b].Lines.Count; l++)
                {
                    var line = page.Blocks[b].Lines[l];
                    // A line without words has no place on the review page: nothing was decided in it.
                    if (!order.TryGetValue(line, out int index)) continue;
                    var at = new Place(page.Number, index, line);
                    decisions.AddRange(InLine(at, line.Words, other.Blocks[b].Lines[l].Words, approved));
                }
        }
        return decisions;
    }

    private readonly record struct Place(int Page, int Line, Line Recognized);

    /// <summary>The reviewer's page has the same blocks of as many lines: what the applier makes of the pipeline's.</summary>
    private static bool SameShape(Page a, Page b) =>
        a.Blocks.Count == b.Blocks.Count && a.Blocks.Zip(b.Blocks).All(x => x.First.Lines.Count == x.Second.Lines.Count);

    private static IEnumerable<ReviewerDecision> InLine(Place at, IReadOnlyList<Word> mine, IReadOnlyList<Word> theirs, bool approved)
    {
        int wi = 0, ti = 0;
        foreach (var (w, t) in ReviewApplier.Align(mine.Select(x => x.Text).ToList(), theirs.Select(x => x.Text).ToList()))
        {
            if (w is not int a || t is not int b || mine[a].Text != theirs[b].Text) continue;
            foreach (var decision in Changed(at, mine, theirs, wi, a, ti, b)) yield return decision;
            if (Unchanged(at, a, mine[a], theirs[b], approved) is { } kept) yield return kept;
            (wi, ti) = (a + 1, b + 1);
        }
        foreach (var decision in Changed(at, mine, theirs, wi, mine.Count, ti, theirs.Count)) yield return decision;
    }

    /// <summary>A word the reviewer left as read: a decision only where it was flagged and the reviewer kept it (or approved).</summary>
    private static ReviewerDecision? Unchanged(Place at, int index, Word recognized, Word reviewed, bool approved)
    {
        var flag = ReviewSheet.FlagOf(recognized);
        if (flag is null || !(reviewed.Corrected || approved)) return null;
        var kind = flag == FlagKind.Illegible ? DecisionKind.MarkerKept : DecisionKind.FlagConfirmed;
        return new ReviewerDecision(kind, at.Page, at.Line, index, recognized.Box, flag, TextOf(recognized), reviewed.Text, [recognized]);
    }

    /// <summary>
    /// The pipeline's words [w0, w1) the reviewer replaced by [t0, t1): word for word where the two runs are as long,
    /// otherwise one decision for the run.
    /// </summary>
    private static IEnumerable<ReviewerDecision> Changed(Place at, IReadOnlyList<Word> mine, IReadOnlyList<Word> theirs, int w0, int w1, int t0, int t1)
    {
        if (w1 == w0 && t1 == t0) yield break;
        if (w1 - w0 == t1 - t0)
        {
            for (int k = 0; k < w1 - w0; k++) yield return Decide(at, w0 + k, mine.Skip(w0 + k).Take(1).ToList(), theirs.Skip(t0 + k).Take(1).ToList());
            yield break;
        }
        yield return Decide(at, w0, mine.Skip(w0).Take(w1 - w0).ToList(), theirs.Skip(t0).Take(t1 - t0).ToList());
    }

    private static ReviewerDecision Decide(Place at, int index, IReadOnlyList<Word> recognized, IReadOnlyList<Word> reviewed)
    {
        var flags = recognized.Select(ReviewSheet.FlagOf).OfType<FlagKind>().ToList();
        bool wasMarker = flags.Contains(FlagKind.Illegible), isMarker = reviewed.Any(w => w.IsIllegible);
        var kind = wasMarker ? (isMarker ? DecisionKind.MarkerKept : DecisionKind.MarkerReplaced)
            : isMarker ? DecisionKind.MarkerInserted
            : flags.Count > 0 ? DecisionKind.FlagCorrected
            : DecisionKind.WordCorrected;
        var box = recognized.Count > 0 ? BoundingBox.Union(recognized.Select(w => w.Box))
            : reviewed.Count > 0 ? BoundingBox.Union(reviewed.Select(w => w.Box)) : at.Recognized.Box;
        string recognizedText = string.Join(' ', recognized.Select(TextOf)), reviewedText = string.Join(' ', reviewed.Select(w => w.Text));
        return new ReviewerDecision(kind, at.Page, at.Line, index, box, wasMarker ? FlagKind.Illegible : flags.Count > 0 ? flags[0] : null,
            recognizedText, reviewedText, recognized)
        {
            MatchesGuess = kind == DecisionKind.MarkerReplaced ? Core(recognizedText).Length > 0 && Core(recognizedText) == Core(reviewedText) : null,
        };
    }

    /// <summary>What the pipeline read: a marker's guess, otherwise the word.</summary>
    private static string TextOf(Word word) => word.IllegibleGuess ?? word.Text;

    private static string Core(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
}
