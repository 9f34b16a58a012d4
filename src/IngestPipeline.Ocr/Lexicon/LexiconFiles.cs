namespace IngestPipeline.Ocr.Lexicon;

/// <summary>
/// Loads the lexicon that tells words from garbage: Debian's English word list, the domain list shipped
/// with the pipeline, and any lists of a collection's own names and places.
/// </summary>
public static class LexiconFiles
{
    /// <summary>Debian's wamerican package.</summary>
    public const string SystemWordList = "/usr/share/dict/words";

    public static string DomainWordList => Path.Combine(AppContext.BaseDirectory, "Lexicon", "domain-words.txt");

    public static Domain.Cleanup.Lexicon Load(IEnumerable<string>? extraFiles = null)
    {
        var files = new List<string> { DomainWordList };
        if (File.Exists(SystemWordList)) files.Insert(0, SystemWordList);
        files.AddRange(extraFiles ?? []);
        foreach (var file in files.Where(f => !File.Exists(f)))
            throw new FileNotFoundException($"{file}: lexicon file not found");
        return new Domain.Cleanup.Lexicon(files.SelectMany(File.ReadLines));
    }
}
