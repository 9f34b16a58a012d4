using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Illegibility;

/// <summary>
/// What an [ILLEGIBLE] marker keeps as its guess: only a reading that two independent readings agree on and that
/// could be a word. The engine's one reading of a blot is mostly junk ("jij pe +h tt"), and a reviewer who accepts
/// a junk guess inserts junk; without a guess the review page relies on the crop.
/// </summary>
public static class MarkerGuess
{
    /// <summary>The guess for a run of words becoming one marker: every word's agreed reading, or empty when any has none.</summary>
    public static string Of(IEnumerable<Word> run, Lexicon? lexicon)
    {
        var readings = run.Select(w => Agreed(w, lexicon)).ToList();
        return readings.Any(r => r is null) ? "" : string.Join(' ', readings.Where(r => r!.Length > 0));
    }

    /// <summary>Whether the second reading of the word says what the first said.</summary>
    public static bool ReadingsAgree(Word word) =>
        word.Reread is { } second && WordPlausibility.Core(word.Text) is { Length: > 0 } first
        && string.Equals(first, WordPlausibility.Core(second.Text), StringComparison.OrdinalIgnoreCase);

    private static string? Agreed(Word word, Lexicon? lexicon)
    {
        if (word.IsIllegible) return word.IllegibleGuess;
        // A transcript recognised before words were measured and read again: the engine's reading is all there is.
        if (word.Ink is null && word.Reread is null) return word.Text;
        if (!ReadingsAgree(word)) return null;
        return lexicon is not null && WordPlausibility.Classify(word.Text, lexicon) == WordKind.Garbage ? null : word.Text;
    }
}
