using System.Text;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Review;

public enum FlagKind
{
    /// <summary>An <c>[ILLEGIBLE]</c> marker: the engine's guess and the crop decide what to do with it.</summary>
    Illegible,

    /// <summary>A word the engine read with low confidence and nobody has corrected yet.</summary>
    LowConfidence,

    /// <summary>A word two recognisers read with different letters: the reading not chosen is the suggestion.</summary>
    Disputed,
}

/// <summary>One place a reviewer should look at: where it is in the line's text and on the scan.</summary>
public sealed record ReviewFlag(FlagKind Kind, int Start, int Length, BoundingBox Box, string? Guess, float Confidence)
{
    /// <summary>For a marker the learned decision set: its probability that the span is unreadable.</summary>
    public float? Probability { get; init; }

    /// <summary>A marker a reviewer kept or typed: looked at and decided, so it counts as resolved.</summary>
    public bool Kept { get; init; }
}

/// <summary>One typed line as the review page shows it: its text (what <see cref="ReviewApplier"/> reads back) and flags.</summary>
public sealed record ReviewLine(int Page, int Index, string Text, BoundingBox Box, IReadOnlyList<ReviewFlag> Flags);

/// <summary>
/// The transcript as editable lines, in the order of <see cref="PageLayout.Lines"/> (the indices
/// <see cref="LineEdit"/> refers to). A reviewer's uncertain readings are written back in braces, so saving a
/// line unchanged keeps them.
/// </summary>
public static class ReviewSheet
{
    /// <summary>Below this engine confidence (0-100) an uncorrected word is highlighted for a second look.</summary>
    public const float LowConfidence = 60;

    public static IReadOnlyList<ReviewLine> Of(Transcript transcript)
    {
        ArgumentNullException.ThrowIfNull(transcript);
        var lines = new List<ReviewLine>();
        foreach (var page in transcript.Pages)
        {
            var ordered = PageLayout.Of(page).Lines;
            for (int i = 0; i < ordered.Count; i++) lines.Add(Render(page.Number, i, ordered[i]));
        }
        return lines;
    }

    /// <summary>
    /// How many places the review page asks a reviewer to look at: markers, low-confidence and disputed words. The queue
    /// and the review page both count these, so the numbers agree.
    /// </summary>
    public static int FlagCount(Transcript transcript) => Of(transcript).Sum(l => l.Flags.Count);

    /// <summary>The flags nobody has answered yet: every flag but the markers a reviewer kept as unreadable.</summary>
    public static int OpenFlagCount(Transcript transcript) => Of(transcript).Sum(l => l.Flags.Count(f => !f.Kept));

    /// <summary>The whole text, one typed line per line and a <c>[page N]</c> line before each page: what history diffs.</summary>
    public static string LineText(IEnumerable<ReviewLine> lines)
    {
        var text = new StringBuilder();
        int page = 0;
        foreach (var line in lines)
        {
            if (line.Page != page) text.Append("[page ").Append(page = line.Page).Append("]\n");
            text.Append(line.Text).Append('\n');
        }
        return text.ToString();
    }

    private static ReviewLine Render(int page, int index, Line line)
    {
        var text = new StringBuilder();
        var flags = new List<ReviewFlag>();
        var words = line.Words;
        for (int i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (i > 0) text.Append(' ');
            bool opens = word.Uncertain && (i == 0 || !words[i - 1].Uncertain);
            bool closes = word.Uncertain && (i == words.Count - 1 || !words[i + 1].Uncertain);
            if (opens) text.Append('{');
            int start = text.Length;
            text.Append(word.Text);
            if (closes) text.Append('}');
            switch (FlagOf(word))
            {
                case FlagKind.Illegible:
                    flags.Add(new ReviewFlag(FlagKind.Illegible, start, word.Text.Length, word.Box, word.IllegibleGuess, word.Confidence)
                    {
                        Probability = word.IllegibleProbability,
                        Kept = word.Corrected,
                    });
                    break;
                case FlagKind.Disputed:
                    flags.Add(new ReviewFlag(FlagKind.Disputed, start, word.Text.Length, word.Box, OtherReading(word), word.Confidence));
                    break;
                case FlagKind.LowConfidence:
                    flags.Add(new ReviewFlag(FlagKind.LowConfidence, start, word.Text.Length, word.Box, word.Text, word.Confidence));
                    break;
            }
        }
        return new ReviewLine(page, index, text.ToString(), line.Box, flags);
    }

    /// <summary>
    /// Why the review page flags a word: a marker always (a reviewer's decision on it is <see cref="Word.Corrected"/>);
    /// a disputed or low-confidence word until a reviewer has corrected or kept it; null for a word it does not flag.
    /// </summary>
    public static FlagKind? FlagOf(Word word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (word.IsIllegible) return FlagKind.Illegible;
        if (word.Corrected) return null;
        if (OtherReading(word) is not null) return FlagKind.Disputed;
        return word.Confidence < LowConfidence ? FlagKind.LowConfidence : null;
    }

    /// <summary>
    /// The other recogniser's reading of a word where the two differ in their letters or digits (not only in case or
    /// the punctuation around them); null where they agree or only one read it.
    /// </summary>
    private static string? OtherReading(Word word)
    {
        if (word.Readings is not [var first, var second] || first.Text.Length == 0 || second.Text.Length == 0) return null;
        static string Core(string text) => new([.. text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
        if (Core(first.Text) == Core(second.Text)) return null;
        return first.Text == word.Text ? second.Text : first.Text;
    }
}
