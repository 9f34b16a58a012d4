namespace IngestPipeline.Domain.Cleanup;

/// <summary>
/// Which words follow one another in a language's running text: the word pairs a large body of its printed text
/// holds above a frequency cut (for English, SymSpell's list drawn from Google Books: 242,342 pairs of 16,600 words,
/// one "first second count" a line). It tells a gap a typist left inside a sentence ("severe conditions ⎵ which")
/// from one that lost words ("the Embassy should ⎵ proposed"): the words either side of the first stand together in
/// print, those of the second never do.
/// </summary>
/// <remarks>
/// A pair missing from the list says something only when both words are common enough that their usual company is
/// listed: the first word leads, and the second follows, at least <see cref="CommonFrom"/> listed pairs. Of a rare
/// word ("Belgium" leads two pairs and follows none) the list knows too little, and <see cref="Follows"/> answers
/// null.
/// </remarks>
public sealed class WordPairs
{
    /// <summary>How many listed pairs a word must lead (or follow) for the list to know its company.</summary>
    public const int CommonFrom = 10;

    private readonly HashSet<string> _pairs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _leads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _follows = new(StringComparer.Ordinal);

    /// <param name="lines">Lines of "first second [count]"; other lines are skipped.</param>
    public WordPairs(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        foreach (var line in lines)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || Normalise(parts[0]) is not { } first || Normalise(parts[1]) is not { } second) continue;
            if (!_pairs.Add(first + " " + second)) continue;
            _leads[first] = _leads.GetValueOrDefault(first) + 1;
            _follows[second] = _follows.GetValueOrDefault(second) + 1;
        }
    }

    /// <summary>Number of distinct pairs.</summary>
    public int Count => _pairs.Count;

    /// <summary>
    /// Whether <paramref name="second"/> follows <paramref name="first"/> in print (case and the punctuation around
    /// the words aside); null when the list cannot tell: a word with a digit, no letters, or too rare to judge.
    /// </summary>
    public bool? Follows(string first, string second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (Normalise(first) is not { } a || Normalise(second) is not { } b) return null;
        if (_leads.GetValueOrDefault(a) < CommonFrom || _follows.GetValueOrDefault(b) < CommonFrom) return null;
        return _pairs.Contains(a + " " + b);
    }

    /// <summary>The word in lower case without the punctuation around it; null for one with a digit or no letter.</summary>
    private static string? Normalise(string word)
    {
        var trimmed = word.Trim().Trim('"', '\'', '(', ')', '[', ']', ',', '.', ';', ':', '!', '?', '\u2018', '\u2019', '\u201C', '\u201D');
        if (trimmed.Length == 0 || !trimmed.Any(char.IsLetter) || trimmed.Any(char.IsDigit)) return null;
        return trimmed.ToLowerInvariant();
    }
}
