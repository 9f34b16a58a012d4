using IngestPipeline.Domain.Cleanup;
using IngestPipeline.Domain.Transcripts;

namespace IngestPipeline.Domain.Review;

/// <summary>A word an approved transcript holds that the general lexicon does not know, and whether a reviewer vouched for it.</summary>
public sealed record LearnedWord(string Word, bool Confirmed);

/// <summary>
/// What an approved transcript can teach its collection's lexicon: the words in it (names, places, abbreviations) that
/// the general lexicon does not know, as written. A word the reviewer typed or kept on a flag is confirmed; another
/// word becomes known to the collection only once approved texts hold it in <see cref="MinDocuments"/> documents, so
/// a misreading a reviewer let pass in one cable does not teach the next. A reading marked uncertain teaches nothing.
/// </summary>
public static class LearnedWords
{
    /// <summary>In how many approved documents an unconfirmed word must stand.</summary>
    public const int MinDocuments = 2;

    /// <summary>The longest word learned: a longer run of letters is no name but a misreading.</summary>
    public const int MaxLength = 64;

    /// <param name="confirmed">The texts reviewers typed or kept in the transcript's decisions (<see cref="ReviewerDecision.Reviewed"/>).</param>
    public static IReadOnlyList<LearnedWord> Of(Transcript approved, IEnumerable<string> confirmed, Lexicon general)
    {
        ArgumentNullException.ThrowIfNull(approved);
        ArgumentNullException.ThrowIfNull(confirmed);
        ArgumentNullException.ThrowIfNull(general);
        var vouched = confirmed.SelectMany(t => t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Select(w => WordParts.Of(w).Core).ToHashSet(StringComparer.Ordinal);
        return approved.Pages.SelectMany(p => p.Words).Where(w => !w.IsIllegible && !w.Uncertain).Select(w => WordParts.Of(w.Text).Core)
            .Where(core => core.Length is >= 2 and <= MaxLength && core.Any(char.IsLetter) && !general.Contains(core))
            .Distinct(StringComparer.Ordinal)
            .Select(core => new LearnedWord(core, vouched.Contains(core))).ToList();
    }
}
