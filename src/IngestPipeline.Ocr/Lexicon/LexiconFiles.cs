using IngestPipeline.Ocr.Languages;

namespace IngestPipeline.Ocr.Lexicon;

/// <summary>
/// Loads the lexicon that tells words from garbage: Debian's word list of each recognised language, the domain list
/// shipped with the pipeline (names and places of the collections, whatever their language), and any lists of a
/// collection's own names and places.
/// </summary>
public static class LexiconFiles
{
    /// <summary>
    /// Each language's Debian word list and its package. The files themselves, not <c>/usr/share/dict/words</c>: that
    /// link points at whichever list was installed with the highest priority, so it may be French on an English setup.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, (string Path, string Package)> SystemWordLists =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["eng"] = ("/usr/share/dict/american-english", "wamerican"),
            ["fra"] = ("/usr/share/dict/french", "wfrench"),
            ["deu"] = ("/usr/share/dict/ngerman", "wngerman"),
        };

    public static string DomainWordList => Path.Combine(AppContext.BaseDirectory, "Lexicon", "domain-words.txt");

    /// <summary>The union of the word lists of <paramref name="languages"/> (default English), the domain list and <paramref name="extraFiles"/>.</summary>
    /// <exception cref="ArgumentException">A language has no known word list.</exception>
    /// <exception cref="FileNotFoundException">A list is missing; for a language's list the message names its package.</exception>
    public static Domain.Cleanup.Lexicon Load(IEnumerable<string>? extraFiles = null, IEnumerable<string>? languages = null)
    {
        var files = new List<string>();
        foreach (var language in languages ?? [OcrLanguages.Default])
        {
            if (!SystemWordLists.TryGetValue(language, out var list))
                throw new ArgumentException(
                    $"no word list is known for the language '{language}' (known: {string.Join(", ", SystemWordLists.Keys)}); " +
                    "the cleanup needs one to tell words from garbage, so ingest it with --raw");
            if (!File.Exists(list.Path))
                throw new FileNotFoundException($"{list.Path}: word list for '{language}' not found; install {list.Package} (infra/install-deps.sh)");
            files.Add(list.Path);
        }
        files.Add(DomainWordList);
        files.AddRange(extraFiles ?? []);
        foreach (var file in files.Where(f => !File.Exists(f)))
            throw new FileNotFoundException($"{file}: lexicon file not found");
        return new Domain.Cleanup.Lexicon(files.Distinct(StringComparer.Ordinal).SelectMany(File.ReadLines));
    }
}
