using IngestPipeline.Domain.Cleanup;
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
    /// Debian's word lists of the languages that have one, by Tesseract language code. The files themselves, not
    /// <c>/usr/share/dict/words</c>: that link points at whichever list was installed with the highest priority, so it
    /// may be French on an English setup. German has two: the archives' typescripts predate the 1996 spelling reform
    /// ("daß", "muß"), which only <c>wogerman</c> spells, and the 20th century's later papers follow it.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<(string Path, string Package)>> SystemWordLists =
        new Dictionary<string, IReadOnlyList<(string, string)>>(StringComparer.Ordinal)
        {
            ["eng"] = [("/usr/share/dict/american-english", "wamerican")],
            ["fra"] = [("/usr/share/dict/french", "wfrench")],
            ["deu"] = [("/usr/share/dict/ngerman", "wngerman"), ("/usr/share/dict/ogerman", "wogerman")],
            ["ita"] = [("/usr/share/dict/italian", "witalian")],
            ["spa"] = [("/usr/share/dict/spanish", "wspanish")],
            ["por"] = [("/usr/share/dict/portuguese", "wportuguese")],
            ["nld"] = [("/usr/share/dict/dutch", "wdutch")],
            ["dan"] = [("/usr/share/dict/danish", "wdanish")],
            ["swe"] = [("/usr/share/dict/swedish", "wswedish")],
            ["nor"] = [("/usr/share/dict/bokmaal", "wnorwegian")],
            ["pol"] = [("/usr/share/dict/polish", "wpolish")],
            ["cat"] = [("/usr/share/dict/catalan", "wcatalan")],
            ["bul"] = [("/usr/share/dict/bulgarian", "wbulgarian")],
            ["ukr"] = [("/usr/share/dict/ukrainian", "wukrainian")],
        };

    public static string DomainWordList => Path.Combine(AppContext.BaseDirectory, "Lexicon", "domain-words.txt");

    /// <summary>
    /// The word pairs of the languages that have a list (SymSpell's English pairs from Google Books, fetched by
    /// infra/fetch-models.sh and copied beside the program by the build), by Tesseract language code.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> WordPairLists = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["eng"] = Path.Combine(AppContext.BaseDirectory, "models", "word-pairs", "frequency_bigramdictionary_en_243_342.txt"),
    };

    /// <summary>The union of the word lists of <paramref name="languages"/> (default English) that Debian has, the domain list and <paramref name="extraFiles"/>.</summary>
    /// <exception cref="FileNotFoundException">A list is missing; for a language's list the message names its package.</exception>
    public static Domain.Cleanup.Lexicon Load(IEnumerable<string>? extraFiles = null, IEnumerable<string>? languages = null)
    {
        var files = new List<string>();
        foreach (var language in languages ?? [OcrLanguages.Default])
        {
            // A language Debian has no word list for is read with the domain list alone: its words are judged by the
            // engine's confidence and the ink, not by a lexicon.
            foreach (var list in SystemWordLists.GetValueOrDefault(language) ?? [])
            {
                if (!File.Exists(list.Path))
                    throw new FileNotFoundException($"{list.Path}: word list for '{language}' not found; install {list.Package} (apt-get install, or infra/install-deps.sh for eng, fra and deu)");
                files.Add(list.Path);
            }
        }
        files.Add(DomainWordList);
        files.AddRange(extraFiles ?? []);
        foreach (var file in files.Where(f => !File.Exists(f)))
            throw new FileNotFoundException($"{file}: lexicon file not found");
        return new Domain.Cleanup.Lexicon(files.Distinct(StringComparer.Ordinal).SelectMany(File.ReadLines)) { Pairs = PairsOf(languages ?? [OcrLanguages.Default]) };
    }

    /// <summary>
    /// The word pairs of a page read in one language that has a list; none for a page read in several (a pair
    /// missing from one language's list may be common in the other's).
    /// </summary>
    private static WordPairs? PairsOf(IEnumerable<string> languages)
    {
        var list = languages.Distinct(StringComparer.Ordinal).ToList();
        if (list.Count != 1 || !WordPairLists.TryGetValue(list[0], out var path)) return null;
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: word pairs for '{list[0]}' not found; run infra/fetch-models.sh");
        return new WordPairs(File.ReadLines(path));
    }
}
