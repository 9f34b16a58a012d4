namespace IngestPipeline.Domain.Cleanup;

/// <summary>
/// One confusion of the engine's: <see cref="From"/> read where <see cref="To"/> was typed, in lowercase. An empty
/// <see cref="From"/> is a letter the engine did not see at all (a typewriter's weak key); an empty <see cref="To"/> one
/// it saw that was not typed.
/// </summary>
public readonly record struct Confusion(string From, string To)
{
    /// <summary>As the Quality page and the simulation name it: "'s' lost", "'e' read for 'a'".</summary>
    public override string ToString() =>
        From.Length == 0 ? $"'{To}' lost" : To.Length == 0 ? $"'{From}' read where nothing was typed" : $"'{From}' read for '{To}'";
}

/// <summary>A word as the pipeline read it and as the reviewer approved it, in one approved document.</summary>
public readonly record struct WordCorrection(string DocumentKey, string Read, string Approved);

/// <summary>
/// The confusions a collection's engine makes again and again, learned from its reviewers' corrections: a collection
/// is typed on a few machines whose faults (a key that strikes too light to see, a bent type read as another letter)
/// return on every page, so the correction a reviewer makes on one cable is the one the next cable needs. Each
/// correction that is a single small edit (at most two letters replaced by at most two others, one letter added or one
/// taken away) counts for that edit; an edit is learned when it corrected words in at least
/// <see cref="MinDocuments"/> approved documents and <see cref="MinWords"/> different words, so one reviewer's change
/// of mind or one name's spelling teaches nothing, and when cleanup correcting by it would have been right on the
/// collection's own approved work: applied to every word the reviewers corrected and every word of the approved texts
/// the lexicon does not know, it must give the approved word at least <see cref="MinPrecision"/> of the times it changes
/// one (an 'e' that a weak key lost is not an 'e' to add wherever one makes a word: "fuer" is not "feuer"). The
/// built-in confusions (<see cref="OcrConfusionRule"/>) are not learned again. Cleanup then corrects an unknown word by
/// a learned edit only where that makes it a known word and no other word is as near, as it does with the built-in ones.
/// </summary>
public static class LearnedConfusions
{
    public const int MinDocuments = 2;
    public const int MinWords = 3;

    /// <summary>The share of its changes on the collection's approved work a learned edit must have made right.</summary>
    public const double MinPrecision = 0.8;

    /// <summary>The longest misread word learned: a longer run of characters is noise, not a word.</summary>
    public const int MaxWordLength = 64;

    /// <summary>Most letters either side of a learned edit: beyond that a correction is a rewrite, not a confusion.</summary>
    private const int MaxLength = 2;

    /// <summary>The collection's confusions, most often seen first (then in order of the edit, for the same list each time).</summary>
    /// <param name="lexicon">The words cleanup knows for the collection, by which it corrects.</param>
    /// <param name="approvedWords">The words of the collection's approved texts (<see cref="WordsOf"/>).</param>
    public static IReadOnlyList<Confusion> Of(IEnumerable<WordCorrection> corrections, Lexicon lexicon, IReadOnlySet<string> approvedWords)
    {
        var all = corrections.ToList();
        var seen = new Dictionary<Confusion, (HashSet<string> Documents, HashSet<string> Words)>();
        foreach (var correction in all)
        {
            if (EditOf(correction.Read, correction.Approved) is not { } edit || OcrConfusionRule.IsBuiltIn(edit)) continue;
            if (!seen.TryGetValue(edit, out var where)) seen[edit] = where = ([], new HashSet<string>(StringComparer.Ordinal));
            where.Documents.Add(correction.DocumentKey);
            where.Words.Add(WordParts.Of(correction.Approved).Core.ToLowerInvariant());
        }
        var unknown = approvedWords.Where(w => !lexicon.Contains(w)).ToList();
        return seen.Where(s => s.Value.Documents.Count >= MinDocuments && s.Value.Words.Count >= MinWords && RightOften(s.Key, all, unknown, lexicon))
            .OrderByDescending(s => s.Value.Words.Count).ThenBy(s => s.Key.From, StringComparer.Ordinal).ThenBy(s => s.Key.To, StringComparer.Ordinal)
            .Select(s => s.Key).ToList();
    }

    /// <summary>Whether correcting by the edit alone gives the approved word often enough where it changes anything.</summary>
    private static bool RightOften(Confusion edit, List<WordCorrection> corrections, List<string> unknownApproved, Lexicon lexicon)
    {
        var with = new OcrConfusionOptions { Learned = [edit] };
        int right = 0, wrong = 0;
        string Correct(string word, OcrConfusionOptions? options) => OcrConfusionRule.CorrectWord(word, lexicon, default, options);
        foreach (var (read, approved) in corrections.Select(c => (c.Read, c.Approved)).Distinct())
        {
            var corrected = Correct(read, with);
            if (corrected == Correct(read, null)) continue;
            if (string.Equals(WordParts.Of(corrected).Core, WordParts.Of(approved).Core, StringComparison.OrdinalIgnoreCase)) right++;
            else wrong++;
        }
        // A word the reviewers approved as read that the edit would change is a change for the worse.
        wrong += unknownApproved.Count(w => Correct(w, with) != Correct(w, null));
        return right > 0 && right >= MinPrecision * (right + wrong);
    }

    /// <summary>
    /// The collection's misreadings of whole words: a word the engine reads again and again where reviewers typed
    /// another (<c>"wi"</c> for <c>"will"</c> when a weak 'l' leaves nothing; <c>"RANDA"</c> for <c>"RANDALL"</c>), which
    /// no edit of the lexicon's repairs since the word read is itself a word or a name. Learned, with its letter case,
    /// when reviewers made the same correction in at least <see cref="MinDocuments"/> approved documents, always to the
    /// same word, and the word read is nowhere in the collection's approved texts (<paramref name="approvedWords"/>): a
    /// reading that is sometimes right is never replaced.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ReadingsOf(IEnumerable<WordCorrection> corrections, IReadOnlySet<string> approvedWords)
    {
        var seen = new Dictionary<string, (HashSet<string> Documents, HashSet<string> Approved)>(StringComparer.Ordinal);
        foreach (var correction in corrections)
        {
            var read = WordParts.Of(correction.Read).Core;
            var approved = WordParts.Of(correction.Approved).Core;
            // Case alone is the sentence's business, and a number read is never replaced: "15" may be the 15th.
            if (read.Length == 0 || approved.Length == 0 || string.Equals(read, approved, StringComparison.OrdinalIgnoreCase)
                || approved.Contains('[') || read.Any(char.IsDigit) || read.Length > MaxWordLength || approved.Length > MaxWordLength || approvedWords.Contains(read)) continue;
            if (!seen.TryGetValue(read, out var where)) seen[read] = where = ([], new HashSet<string>(StringComparer.Ordinal));
            where.Documents.Add(correction.DocumentKey);
            where.Approved.Add(approved);
        }
        return seen.Where(s => s.Value.Documents.Count >= MinDocuments && s.Value.Approved.Count == 1)
            .ToDictionary(s => s.Key, s => s.Value.Approved.Single(), StringComparer.Ordinal);
    }

    /// <summary>The words of an approved text as the review page keeps it (a <c>[page N]</c> line before each page): each word's core, with its case.</summary>
    public static IEnumerable<string> WordsOf(string text) =>
        text.Split('\n').Where(line => !line.StartsWith("[page ", StringComparison.Ordinal))
            .SelectMany(line => line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)).Select(w => WordParts.Of(w).Core).Where(c => c.Length > 0);

    /// <summary>
    /// The one small edit that makes <paramref name="read"/> the <paramref name="approved"/> word, letter case aside
    /// (what is left between their common start and common end), or null when the two differ by more, or only in case
    /// or punctuation. Words of letters only: a number's correction is not a typewriter's confusion.
    /// </summary>
    public static Confusion? EditOf(string read, string approved)
    {
        var a = WordParts.Of(read).Core.ToLowerInvariant();
        var b = WordParts.Of(approved).Core.ToLowerInvariant();
        if (a.Length == 0 || b.Length < 3 || a == b || !b.All(char.IsLetter)) return null;
        int start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start]) start++;
        int end = 0;
        while (end < a.Length - start && end < b.Length - start && a[^(end + 1)] == b[^(end + 1)]) end++;
        var from = a[start..(a.Length - end)];
        var to = b[start..(b.Length - end)];
        if (from.Length > MaxLength || to.Length > MaxLength || (from.Length == 0 && to.Length != 1)) return null;
        return new Confusion(from, to);
    }
}
