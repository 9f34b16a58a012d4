using System.Text.RegularExpressions;

namespace IngestPipeline.Domain.Metadata;

/// <summary>
/// Finds editorial place glosses: a capitalised name followed by a bracketed capitalised name,
/// "Darien [Dalian]", "Port Arthur [Lüshunkou District, Dalian]", "Kinsuang[Sinkiang]". Editorial
/// remarks ("[sic]", "[and]"), corrected numbers ("6 [3] p.m."), the illegible marker and corrected
/// personal names ("Colonel Tolcgevov[Tolchenov]") are not place glosses.
/// </summary>
internal static partial class PlaceGlosses
{
    // A name right after one of these is a person's.
    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "Colonel", "Col", "General", "Gen", "Generalissimo", "Mr", "Mrs", "Miss", "Madame", "Mme", "Dr", "Sir",
        "Admiral", "Adm", "Captain", "Capt", "Major", "Maj", "Lieutenant", "Lt", "Marshal", "Premier", "Minister",
        "Ambassador", "Consul", "President", "Governor", "Chairman", "Secretary", "Commissioner",
    };

    // A capitalised word that only starts the sentence or clause is not part of the place's name.
    private static readonly HashSet<string> Lead = new(StringComparer.OrdinalIgnoreCase)
    {
        "The", "In", "At", "From", "To", "Of", "And", "With", "For", "On", "By", "Near", "Via",
    };

    [GeneratedRegex(@"(?<![\p{L}\p{N}\[\]])(?<place>\p{Lu}[\p{L}'’-]*(?: \p{Lu}[\p{L}'’-]*){0,2})(?<space> ?)\[(?<gloss>\p{Lu}[\p{L}'’-]*(?:,? [\p{L}][\p{L}'’-]*)*)\](?![\p{L}\p{N}])")]
    private static partial Regex Gloss();

    [GeneratedRegex(@"(?<word>[\p{L}.]+)\W*$")]
    private static partial Regex LastWord();

    public static IReadOnlyList<MetadataField<PlaceGloss>> Find(IReadOnlyList<string> lines)
    {
        var found = new List<MetadataField<PlaceGloss>>();
        var previousLine = "";
        foreach (var line in lines)
        {
            foreach (Match match in Gloss().Matches(line))
            {
                if (Read(match, line, previousLine) is { } gloss) found.Add(gloss);
            }
            if (line.Length > 0) previousLine = line;
        }
        return found;
    }

    private static MetadataField<PlaceGloss>? Read(Match match, string line, string previousLine)
    {
        var gloss = match.Groups["gloss"].Value;
        if (gloss == "ILLEGIBLE") return null;

        var words = match.Groups["place"].Value.Split(' ').ToList();
        // The word before the name, which may end the previous line ("by Colonel\nTolcgevov[Tolchenov]").
        var before = line[..match.Index];
        var previous = LastWord().Match(before.Trim().Length > 0 ? before : previousLine).Groups["word"].Value.TrimEnd('.');
        while (words.Count > 0 && Lead.Contains(words[0]))
        {
            previous = words[0];
            words.RemoveAt(0);
        }
        if (words.Count == 0 || Titles.Contains(previous) || words.Any(w => Titles.Contains(w))) return null;

        // Without the space the bracket may be an OCR join or a spelling note on the word itself.
        var certainty = match.Groups["space"].Value.Length > 0 ? Certainty.Exact : Certainty.Cleaned;
        return new MetadataField<PlaceGloss>(new PlaceGloss(string.Join(' ', words), gloss), certainty, line);
    }
}
