namespace IngestPipeline.Corpus;

/// <summary>
/// The names a collection's cables repeat (the posts they come from, the people they speak of) that no dictionary
/// holds: invented from syllables, so that a lexicon that knows them has learned them from the collection.
/// </summary>
public sealed record CollectionNames(IReadOnlyList<string> Places, IReadOnlyList<string> People)
{
    private static readonly string[] Onsets = ["Wan", "Kiang", "Tsin", "Hsu", "Lan", "Pao", "Chen", "Kwei", "Sung", "Tai", "Yung", "Feng", "Liu", "Shan", "Kao", "Min"];
    private static readonly string[] Codas = ["hsien", "tow", "chow", "ling", "kiang", "yuan", "ping", "shih", "ning", "tsun", "wei", "kang"];

    /// <summary>The collection's names, the same for the same seed.</summary>
    public static CollectionNames Invent(int seed, int places = 8, int people = 8)
    {
        var random = new Random(seed);
        var made = new HashSet<string>(StringComparer.Ordinal);
        string Name()
        {
            string name;
            do name = Onsets[random.Next(Onsets.Length)] + Codas[random.Next(Codas.Length)];
            while (!made.Add(name));
            return name;
        }
        return new CollectionNames([.. Enumerable.Range(0, places).Select(_ => Name())], [.. Enumerable.Range(0, people).Select(_ => Name())]);
    }
}
