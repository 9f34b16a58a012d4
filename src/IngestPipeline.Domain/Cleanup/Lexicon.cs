namespace IngestPipeline.Domain.Cleanup;

/// <summary>
/// A case-insensitive set of known words, built from lines of text the caller supplies (for example the lines of
/// <c>/usr/share/dict/words</c> followed by a domain list of place and person names). Each line may hold several
/// entries separated by white space; empty lines and lines starting with <c>#</c> are skipped. Entries are kept as
/// written (<c>"U.S."</c>, <c>"Embassy's"</c>).
/// </summary>
/// <remarks>
/// A looked-up word is first stripped of leading and trailing punctuation (<c>"(Chungking),"</c> looks up
/// <c>"Chungking"</c>; an entry that ends in a full stop such as <c>"U.S."</c> still matches <c>"U.S.,"</c>).
/// A possessive <c>'s</c> (or <c>’s</c>) is accepted on a known word, and a hyphenated compound is known when all
/// its parts are known words or numbers (<c>"Soviet-Chinese"</c>, <c>"45-year"</c>); a run of hyphens (a typed
/// dash, <c>"arrangements--that"</c>) splits the same way.
/// </remarks>
public sealed class Lexicon
{
    private readonly HashSet<string> _any = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _exact = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lowercase = new(StringComparer.Ordinal);

    /// <summary>The lexicon this one adds its entries to (<see cref="With"/>), looked up after its own.</summary>
    private readonly Lexicon? _under;

    public Lexicon(IEnumerable<string> lines) : this(lines, null)
    {
    }

    private Lexicon(IEnumerable<string> lines, Lexicon? under)
    {
        ArgumentNullException.ThrowIfNull(lines);
        _under = under;
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] == '#')
            {
                continue;
            }
            foreach (var entry in trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            {
                _any.Add(entry);
                _exact.Add(entry);
                if (entry.Any(char.IsLetter) && !entry.Any(char.IsUpper))
                {
                    _lowercase.Add(entry);
                }
            }
        }
    }

    /// <summary>Number of distinct entries, ignoring case (an added layer's counted apart from what it adds to).</summary>
    public int Count => _any.Count + (_under?.Count ?? 0);

    /// <summary>
    /// This lexicon and some words more (a collection's learned names): a layer over this one, which stays as it is and
    /// is shared, not copied; the word pairs are this one's.
    /// </summary>
    public Lexicon With(IEnumerable<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var added = new Lexicon(words, this) { Pairs = Pairs };
        return added._any.Count == 0 ? this : added;
    }

    /// <summary>Which words follow one another in the language read, where a list of its word pairs is known (English).</summary>
    public WordPairs? Pairs { get; init; }

    /// <summary>Whether the word is known, ignoring case (see the remarks for punctuation, possessives and compounds).</summary>
    public bool Contains(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Matches(word, AnyCase);
    }

    /// <summary>
    /// Whether the word's lowercase form is an entry written in lowercase: an ordinary word, not only a proper name
    /// (<c>"Some"</c> yes because of <c>"some"</c>; <c>"Molotov"</c> no even when <c>"Molotov"</c> is an entry).
    /// </summary>
    public bool IsCommonWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Matches(word.ToLowerInvariant(), Lowercase);
    }

    /// <summary>Whether the word is an entry with exactly this capitalisation (<c>"McCarthy"</c>, <c>"Senate"</c>).</summary>
    public bool ContainsExactCase(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Matches(word, ExactCase);
    }

    private bool AnyCase(string entry) => _any.Contains(entry) || (_under?.AnyCase(entry) ?? false);
    private bool Lowercase(string entry) => _lowercase.Contains(entry) || (_under?.Lowercase(entry) ?? false);
    private bool ExactCase(string entry) => _exact.Contains(entry) || (_under?.ExactCase(entry) ?? false);

    private static bool Matches(string word, Func<string, bool> isEntry)
    {
        var parts = WordParts.Of(word);
        var core = parts.Core;
        if (core.Length == 0)
        {
            return false;
        }
        if (IsKnown(core, isEntry) || (parts.Trail.StartsWith('.') && isEntry(core + ".")))
        {
            return true;
        }
        if (core.Contains('-'))
        {
            var pieces = core.Split('-', StringSplitOptions.RemoveEmptyEntries);
            return pieces.Length >= 2 && pieces.All(p => p.All(char.IsAsciiDigit) || IsKnown(WordParts.Of(p).Core, isEntry));
        }
        return false;
    }

    private static bool IsKnown(string core, Func<string, bool> isEntry)
    {
        if (core.Length == 0)
        {
            return false;
        }
        if (isEntry(core))
        {
            return true;
        }
        return core.Length > 2
            && (core.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || core.EndsWith("\u2019s", StringComparison.OrdinalIgnoreCase))
            && isEntry(core[..^2]);
    }
}
